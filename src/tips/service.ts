// Everything the weekly tips need, built from the configuration: the knowledge, the LLM polish when an LLM is
// configured, the senders of the channels that are on, and the offers. Used by `anshin tips` and the scheduler.
import { createTipSenders } from '../channels/clients.ts';
import type { Config } from '../config.ts';
import { buildAllowedContacts } from '../consult/allowed.ts';
import type { PersonIds } from '../infra/ids.ts';
import type { Log } from '../infra/log.ts';
import { unreadableReporter } from '../infra/store/read.ts';
import type { Store } from '../infra/store/store.ts';
import { chatModelOptionsOf } from '../judge/chat-options.ts';
import { type Article, loadArticles } from '../knowledge/articles.ts';
import { BrandIndex, loadBrands } from '../knowledge/brands.ts';
import { loadOffers, type Offer } from '../offers/offers.ts';
import { tipTrendSources } from '../stats/trends.ts';
import { type DeliverDeps, type DeliveryReport, deliverEdition, type TipSenders } from './deliver.ts';
import { type EditionDeps, editionFor } from './edition.ts';
import type { TipPolisher } from './polish.ts';

export interface TipsServiceOptions {
  config: Config;
  store: Store;
  ids: PersonIds;
  log: Log;
  /** Defaults below come from the configuration and knowledge/. */
  articles?: readonly Article[];
  offers?: Offer[];
  senders?: TipSenders;
  polisher?: TipPolisher | null;
  now?: () => Date;
}

export interface TipsService {
  editionDeps: EditionDeps;
  deliverDeps: DeliverDeps;
  /** Composes (once) and sends the week's tip. */
  sendWeek(week: string, signal?: AbortSignal): Promise<DeliveryReport>;
}

/**
 * The polisher, its module (LangChain) loaded now in the background rather than at import: a setup with no LLM
 * never loads it, and one with an LLM does not wait for it to start.
 */
function lazyPolisher(make: () => Promise<TipPolisher>): TipPolisher {
  const made = make();
  // Seen by the first polish(), which rethrows it; not an unhandled rejection meanwhile.
  made.catch(() => {});
  return { polish: async (tip) => (await made).polish(tip) };
}

export function createTipsService(opts: TipsServiceOptions): TipsService {
  const { config } = opts;
  const articles = opts.articles ?? loadArticles();
  const extraHosts = config.PUBLIC_BASE_URL ? [new URL(config.PUBLIC_BASE_URL).hostname] : [];
  let polisher: TipPolisher | undefined;
  if (opts.polisher !== undefined) polisher = opts.polisher ?? undefined;
  else {
    const chat = chatModelOptionsOf(config);
    if (chat) {
      const allowed = buildAllowedContacts(new BrandIndex(loadBrands()), [...articles], extraHosts);
      polisher = lazyPolisher(async () => (await import('./polish.ts')).createTipPolisher({ ...chat, allowed }));
    }
  }
  const editionDeps: EditionDeps = {
    store: opts.store,
    articles,
    sources: tipTrendSources(config),
    tz: config.TZ,
    report: unreadableReporter(opts.log, undefined),
    ...(config.PUBLIC_BASE_URL ? { baseUrl: config.PUBLIC_BASE_URL } : {}),
    ...(polisher ? { polisher } : {}),
    ...(opts.now ? { now: opts.now } : {}),
  };
  const deliverDeps: DeliverDeps = {
    store: opts.store,
    ids: opts.ids,
    log: opts.log,
    senders: opts.senders ?? createTipSenders(config, config.TIPS_TWILIO_PER_SECOND),
    offers: opts.offers ?? (config.OFFERS_FILE ? loadOffers(config.OFFERS_FILE) : []),
    ...(opts.now ? { now: opts.now } : {}),
  };
  return {
    editionDeps,
    deliverDeps,
    sendWeek: (week, signal) =>
      deliverEdition(deliverDeps, week, async () => (await editionFor(editionDeps, week, 'always')).edition, signal),
  };
}
