// Sends one week's tip to every subscriber, at most once each, however often the run is started, retried,
// run by two processes at once or killed halfway:
// - one process at a time holds the week's lease (renewed while it runs; a holder on this host whose process
//   is gone is taken over at once, elsewhere the lease runs out);
// - a LINE batch (≤ 500 people of one language) is written down with its X-Line-Retry-Key *before* it is sent
//   and marked sent after; a run that finds a batch written down sends it again with the same key, and LINE
//   answers 409 if it had already gone (channels/line/multicast.ts) — no duplicates, no gaps;
// - a Twilio recipient is written down before the call too; Twilio has no retry key, so one found written
//   down is taken as sent (at most one tip, at the cost of a possible gap of one person per crash);
// - subscribers are walked a page at a time (subscribers.ts), so memory does not grow with their number;
// - when the walk ends the week is marked done, and a later run sends nothing.
// Longer than 300 lines: one run's delivery protocol, which reads in order from lease to done.
import { randomUUID } from 'node:crypto';
import os from 'node:os';
import { z } from 'zod';
import { MULTICAST_MAX_RECIPIENTS, RETRY_KEY_LIFETIME_MS } from '../channels/line/multicast.ts';
import { LANGS, type Lang } from '../domain.ts';
import type { PersonIds } from '../infra/ids.ts';
import type { Log } from '../infra/log.ts';
import { keys, TIPS_EDITION_TTL_MS, TIPS_SENT_TTL_MS } from '../infra/store/keys.ts';
import { orAbsent, readJson, unreadableReporter } from '../infra/store/read.ts';
import type { Store } from '../infra/store/store.ts';
import type { Offer, OfferChannel } from '../offers/offers.ts';
import type { Edition } from './edition.ts';
import { renderTip } from './render.ts';
import { SUBSCRIBER_PAGE_SIZE, subscriberOf, subscriberPages } from './subscribers.ts';

/** The lease outlives a stalled request a while; it is renewed four times per period while the run lives. */
export const TIPS_LEASE_MS = 60_000;

export class LeaseLostError extends Error {
  override name = 'LeaseLostError';
}

/**
 * What a run asks of LINE: one multicast per batch under its retry key, answered once the call is accepted or
 * known to be (the channel retries and waits out 429 itself; channels/line/multicast.ts).
 */
export interface LineTipChannel {
  /** Rate-limited answers so far, for the report. */
  readonly stats: { readonly rateLimited: number };
  multicast(to: string[], messages: object[], retryKey: string, signal?: AbortSignal): Promise<unknown>;
}

/** What a run asks of Twilio: one message to one person, and whether it went (channels/twilio/tip-sender.ts). */
export interface TwilioTipChannel {
  send(to: string, from: string, body: string, signal?: AbortSignal): Promise<'sent' | 'refused' | 'uncertain'>;
}

/** The channels that are on in this process; the tips never call a platform themselves. */
export interface TipSenders {
  line?: LineTipChannel;
  twilio?: TwilioTipChannel;
}

export interface DeliverDeps {
  store: Store;
  ids: PersonIds;
  log: Log;
  senders: TipSenders;
  offers: readonly Offer[];
  now?: () => Date;
  leaseMs?: number;
  pageSize?: number;
  /** LINE recipients per multicast (LINE allows 500). */
  batchSize?: number;
}

export interface DeliveryReport {
  week: string;
  /** sent: this run finished the week; already_sent: an earlier run had; busy: another process is sending it. */
  status: 'sent' | 'already_sent' | 'busy';
  line: { recipients: number; batches: number; resumedBatches: number; rateLimited: number };
  twilio: { recipients: number; refused: number; uncertain: number };
  skipped: { alreadySent: number; optedOut: number; channelOff: number; unreadable: number };
  seconds: number;
}

interface LineInflight {
  retryKey: string;
  lang: Lang;
  persons: string[];
  /** ms; LINE forgets a retry key after a day. */
  at: number;
}

const LineInflightSchema: z.ZodType<LineInflight> = z.looseObject({
  retryKey: z.string(),
  lang: z.enum(LANGS),
  persons: z.array(z.string()),
  at: z.number(),
});

interface TwilioInflight {
  person: string;
  at: number;
}

const TwilioInflightSchema: z.ZodType<TwilioInflight> = z.looseObject({ person: z.string(), at: z.number() });

const OWNER_SEPARATOR = '|';

function ownerId(): string {
  return [os.hostname(), process.pid, randomUUID().slice(0, 8)].join(OWNER_SEPARATOR);
}

/** A lease holder on this host whose process no longer exists (killed, crashed). */
function isDeadLocalHolder(holder: string): boolean {
  const [host, pidText] = holder.split(OWNER_SEPARATOR);
  const pid = Number(pidText);
  if (host !== os.hostname() || !Number.isInteger(pid) || pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return false;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

function emptyReport(week: string): DeliveryReport {
  return {
    week,
    status: 'sent',
    line: { recipients: 0, batches: 0, resumedBatches: 0, rateLimited: 0 },
    twilio: { recipients: 0, refused: 0, uncertain: 0 },
    skipped: { alreadySent: 0, optedOut: 0, channelOff: 0, unreadable: 0 },
    seconds: 0,
  };
}

interface TwilioAddress {
  to: string;
  from: string;
}

/** The sealed address of a Twilio subscriber, once opened (conversation/person.ts addressOf). */
const TwilioAddressSchema: z.ZodType<TwilioAddress> = z.looseObject({ to: z.string(), from: z.string() });

/**
 * `edition` is fetched once the lease is held, so that two processes starting together cannot compose two
 * different tips for one week (edition.ts keeps the first one composed).
 */
export async function deliverEdition(
  deps: DeliverDeps,
  week: string,
  getEdition: () => Promise<Edition>,
  signal?: AbortSignal,
): Promise<DeliveryReport> {
  const { store, ids, senders } = deps;
  const unreadable = unreadableReporter(deps.log, undefined);
  const started = performance.now();
  const report = emptyReport(week);
  const finish = (status: DeliveryReport['status']) => {
    report.status = status;
    report.seconds = Math.round(performance.now() - started) / 1000;
    return report;
  };
  if ((await store.get(keys.tipsDone(week))) !== null) return finish('already_sent');

  const leaseMs = deps.leaseMs ?? TIPS_LEASE_MS;
  const leaseKey = keys.tipsLease(week);
  const owner = ownerId();
  if (!(await store.lease(leaseKey, owner, leaseMs))) {
    const holder = await store.get(leaseKey);
    if (holder === null || !isDeadLocalHolder(holder) || !(await store.lease(leaseKey, owner, leaseMs, holder))) {
      return finish('busy');
    }
    deps.log.info({ week }, 'tips: took over the send of a process that stopped');
  }
  let lost = false;
  const renew = setInterval(() => {
    store.lease(leaseKey, owner, leaseMs).then(
      (held) => {
        if (!held) lost = true;
      },
      () => {},
    );
  }, leaseMs / 4);
  renew.unref();
  const check = () => {
    signal?.throwIfAborted();
    if (lost) throw new LeaseLostError(`another process took over the tips of ${week}`);
  };

  let edition: Edition;
  try {
    edition = await getEdition();
  } catch (err) {
    clearInterval(renew);
    await store.releaseLease(leaseKey, owner).catch(() => {});
    throw err;
  }
  const now = deps.now?.() ?? new Date();
  const textFor = (lang: Lang, channel: OfferChannel) => renderTip(edition.tips[lang], channel, deps.offers, now);
  const lineMessages: Record<Lang, object[]> = {
    ja: [{ type: 'text', text: textFor('ja', 'line') }],
    en: [{ type: 'text', text: textFor('en', 'line') }],
  };
  const markSent = (persons: string[]) =>
    store.setMany(
      persons.map((p) => [keys.tipsSent(week, p), '1']),
      TIPS_SENT_TTL_MS,
    );
  const lineInflightKey = keys.tipsInflight(week, 'line');
  const twilioInflightKey = keys.tipsInflight(week, 'twilio');

  const sendLineBatch = async (batch: LineInflight, userIds: string[]) => {
    check();
    const line = senders.line!;
    const before = line.stats.rateLimited;
    if (userIds.length > 0) {
      await line.multicast(userIds, lineMessages[batch.lang], batch.retryKey, signal);
      report.line.batches += 1;
      report.line.recipients += userIds.length;
    }
    report.line.rateLimited += line.stats.rateLimited - before;
    await markSent(batch.persons);
    await store.del(lineInflightKey);
  };

  const buffers: Record<Lang, { persons: string[]; userIds: string[] }> = {
    ja: { persons: [], userIds: [] },
    en: { persons: [], userIds: [] },
  };
  const buffered = new Set<string>();
  const flush = async (lang: Lang) => {
    const buf = buffers[lang];
    if (buf.persons.length === 0) return;
    const batch: LineInflight = { retryKey: randomUUID(), lang, persons: buf.persons, at: Date.now() };
    // Written down before the call: a run that dies during it finds the batch and its key here.
    await store.set(lineInflightKey, JSON.stringify(batch), TIPS_SENT_TTL_MS);
    await sendLineBatch(batch, buf.userIds);
    for (const p of buf.persons) buffered.delete(p);
    buffers[lang] = { persons: [], userIds: [] };
  };

  const sendTwilio = async (person: string, lang: Lang, address: TwilioAddress) => {
    check();
    await store.set(
      twilioInflightKey,
      JSON.stringify({ person, at: Date.now() } satisfies TwilioInflight),
      TIPS_SENT_TTL_MS,
    );
    const channel: OfferChannel = address.to.startsWith('whatsapp:') ? 'whatsapp' : 'sms';
    const outcome = await senders.twilio!.send(address.to, address.from, textFor(lang, channel), signal);
    if (outcome === 'sent') report.twilio.recipients += 1;
    else report.twilio[outcome] += 1;
    await markSent([person]);
    await store.del(twilioInflightKey);
  };

  try {
    // 1. What a stopped run left half done.
    const lineLeft = await store.get(lineInflightKey);
    // A record that cannot be read names nobody: it is dropped (reported), and the walk below reaches its
    // people again, since none of them was marked sent. Some may get the tip twice; the alternative, failing
    // every run on it, would leave everyone without the week's tip.
    const batch =
      lineLeft === null
        ? undefined
        : orAbsent(() => readJson(LineInflightSchema, lineLeft, 'tips LINE batch'), unreadable);
    if (lineLeft !== null && batch === undefined) await store.del(lineInflightKey);
    if (batch !== undefined) {
      if (senders.line === undefined) throw new TypeError('a LINE batch is pending but LINE is off in this process');
      const userIds: string[] = [];
      if (Date.now() - batch.at < RETRY_KEY_LIFETIME_MS) {
        for (const p of batch.persons) {
          const sub = await subscriberOf(store, p, unreadable);
          if (sub?.channel === 'line') userIds.push(ids.open(sub.sealedAddress));
        }
      }
      // Past the key's lifetime a resend could arrive twice: the batch is taken as sent.
      await sendLineBatch(batch, userIds);
      report.line.resumedBatches += 1;
      deps.log.info({ week, recipients: userIds.length }, 'tips: resent the batch a stopped run left');
    }
    const twilioLeft = await store.get(twilioInflightKey);
    if (twilioLeft !== null) {
      // Unreadable (reported): the walk below reaches that person again, as for a LINE batch.
      const left = orAbsent(() => readJson(TwilioInflightSchema, twilioLeft, 'tips Twilio recipient'), unreadable);
      if (left !== undefined) {
        await markSent([left.person]);
        report.twilio.uncertain += 1;
      }
      await store.del(twilioInflightKey);
    }

    // 2. Everyone else, a page at a time.
    const batchSize = Math.min(deps.batchSize ?? MULTICAST_MAX_RECIPIENTS, MULTICAST_MAX_RECIPIENTS);
    for await (const page of subscriberPages(store, deps.pageSize ?? SUBSCRIBER_PAGE_SIZE, unreadable)) {
      check();
      const fresh = page.filter((s) => !buffered.has(s.person));
      const marks = await store.getMany(fresh.map((s) => keys.tipsSent(week, s.person)));
      for (const [i, { person, sub }] of fresh.entries()) {
        if (marks[i] !== null) {
          report.skipped.alreadySent += 1;
          continue;
        }
        if (senders[sub.channel] === undefined) {
          report.skipped.channelOff += 1;
          continue;
        }
        let address: string;
        try {
          address = ids.open(sub.sealedAddress);
        } catch {
          // Sealed under another ID_HASH_KEY: nobody can be reached there.
          report.skipped.unreadable += 1;
          continue;
        }
        if (sub.channel === 'line') {
          const buf = buffers[sub.lang];
          buf.persons.push(person);
          buf.userIds.push(address);
          buffered.add(person);
          if (buf.persons.length >= batchSize) await flush(sub.lang);
        } else if ((await store.mapGet(keys.optOuts(), person)) !== null) {
          report.skipped.optedOut += 1;
        } else {
          const to = orAbsent(() => readJson(TwilioAddressSchema, address, 'Twilio address'), unreadable);
          if (to === undefined) report.skipped.unreadable += 1;
          else await sendTwilio(person, sub.lang, to);
        }
      }
    }
    await flush('ja');
    await flush('en');
    check();
    if (report.skipped.channelOff > 0) {
      // Not done: a process with that channel on (or this one, restarted with it) sends to the rest.
      deps.log.warn({ week, skipped: report.skipped.channelOff }, 'tips: subscribers on a channel that is off here');
      return finish('sent');
    }
    await store.set(
      keys.tipsDone(week),
      JSON.stringify({ at: new Date().toISOString(), line: report.line.recipients, twilio: report.twilio.recipients }),
      TIPS_EDITION_TTL_MS,
    );
    deps.log.info({ week, line: report.line, twilio: report.twilio, skipped: report.skipped }, 'tips: week sent');
    return finish('sent');
  } finally {
    clearInterval(renew);
    await store.releaseLease(leaseKey, owner).catch(() => {});
  }
}
