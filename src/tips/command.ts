// `anshin tips trends | preview | send`: the weekly tips by hand, against the same data as `serve`
// (DATA_DIR's SQLite file, or Redis when REDIS_URL is set). Safe while `serve` runs: sends share the week's
// lease and marks with the scheduler, so a week is sent once whoever starts it.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { UsageError } from '../cli/errors.ts';
import type { CommandIo } from '../cli/io.ts';
import { type Config, loadConfig } from '../config.ts';
import { LANGS, type Lang } from '../domain.ts';
import { loadIdHashKey, PersonIds } from '../infra/ids.ts';
import { createLogger } from '../infra/log.ts';
import { REDIS_KEY_PREFIX, SQLITE_FILE } from '../infra/runtime.ts';
import { SqliteStore } from '../infra/store/sqlite.ts';
import type { Store } from '../infra/store/store.ts';
import type { OfferChannel } from '../offers/offers.ts';
import { formatTrends, readTrends, tipSourcesLine, tipTrendSources } from '../stats/trends.ts';
import { isoWeekOf, parseWeek, shiftWeek, WeekError } from '../stats/week.ts';
import type { DeliveryReport } from './deliver.ts';
import { editionFor } from './edition.ts';
import { renderTip } from './render.ts';
import { createTipsService, type TipsServiceOptions } from './service.ts';

export const TIPS_USAGE = `Usage:
  anshin tips trends [--week YYYY-Www]                 this week's (or that week's) consultation counts
  anshin tips preview [--week YYYY-Www] [--lang ja|en]  exactly what the week's tip will send
  anshin tips send [--week YYYY-Www]                    send the week's tip to every subscriber, once`;

/** What tests replace: the store (a Redis prefix of their own) and the service's parts. */
export interface TipsCommandOverrides {
  store?: Store;
  service?: Partial<TipsServiceOptions>;
  now?: () => Date;
}

export async function openTipsStore(config: Config): Promise<Store> {
  return config.REDIS_URL !== undefined
    ? (await import('../infra/store/redis.ts')).RedisStore.connect({ url: config.REDIS_URL, prefix: REDIS_KEY_PREFIX })
    : new SqliteStore({ file: path.join(config.DATA_DIR, SQLITE_FILE) });
}

export function tipsCommand(argv: string[], io: CommandIo): Promise<number> {
  return runTipsCommand(argv, io);
}

export async function runTipsCommand(argv: string[], io: CommandIo, o: TipsCommandOverrides = {}): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub !== 'trends' && sub !== 'preview' && sub !== 'send') {
    throw new UsageError(`say trends, preview or send\n${TIPS_USAGE}`);
  }
  const { values } = parseArgs({
    args: rest,
    options: { week: { type: 'string' }, lang: { type: 'string' } },
    strict: true,
  });
  const now = o.now ?? (() => new Date());
  try {
    if (values.week !== undefined) parseWeek(values.week);
  } catch (err) {
    if (err instanceof WeekError) throw new UsageError(err.message);
    throw err;
  }
  if (values.lang !== undefined && !(LANGS as readonly string[]).includes(values.lang)) {
    throw new UsageError('--lang must be ja or en');
  }
  if (values.lang !== undefined && sub !== 'preview') throw new UsageError('--lang is for preview only');

  const config = loadConfig(io.env);
  // This week in TZ, as the scheduler and the counters see it.
  const week = values.week ?? isoWeekOf(now(), config.TZ);
  const store = o.store ?? (await openTipsStore(config));
  try {
    if (sub === 'trends') {
      const [t, prev] = await Promise.all([readTrends(store, week), readTrends(store, shiftWeek(week, -1))]);
      io.stdout.write(`${formatTrends(t, prev, config.TZ)}\n${tipSourcesLine(tipTrendSources(config))}\n`);
      return 0;
    }
    const service = createTipsService({
      config,
      store,
      ids: new PersonIds(loadIdHashKey(config)),
      log: createLogger({ LOG_LEVEL: config.LOG_LEVEL === 'info' ? 'warn' : config.LOG_LEVEL }),
      now,
      ...o.service,
    });
    if (sub === 'preview') {
      const langs: Lang[] = values.lang ? [values.lang as Lang] : [...LANGS];
      const { edition, kept } = await editionFor(service.editionDeps, week, 'if_begun');
      io.stderr.write(
        `tips ${week} (reports on ${edition.dataWeek})${kept ? '' : ' — draft: not kept, the week has not begun'}\n`,
      );
      for (const lang of langs) {
        const tip = edition.tips[lang];
        io.stderr.write(
          `-- ${lang}: ${tip.basis === 'trends' ? 'from the week\u2019s trends' : 'featured article'}, written by ${tip.by}` +
            `${tip.fallbackReason ? ` (LLM text not used: ${tip.fallbackReason})` : ''}\n`,
        );
        io.stdout.write(previewOf(tip, service.deliverDeps.offers, now()));
      }
      return 0;
    }
    const report = await service.sendWeek(week);
    io.stdout.write(`${describeReport(report)}\n`);
    return 0;
  } catch (err) {
    if (err instanceof UsageError) throw err;
    io.stderr.write(`anshin tips ${sub}: ${(err as Error).name}: ${(err as Error).message}\n`);
    return 1;
  } finally {
    if (o.store === undefined) await store.close();
  }
}

const CHANNEL_NAMES: Record<OfferChannel, string> = { line: 'LINE', sms: 'SMS', whatsapp: 'WhatsApp' };

/** One block per distinct text: channels whose message is the same share a block. */
function previewOf(tip: Parameters<typeof renderTip>[0], offers: Parameters<typeof renderTip>[2], now: Date): string {
  const byText = new Map<string, OfferChannel[]>();
  for (const ch of ['line', 'sms', 'whatsapp'] as const) {
    const text = renderTip(tip, ch, offers, now);
    byText.set(text, [...(byText.get(text) ?? []), ch]);
  }
  let out = '';
  for (const [text, channels] of byText) {
    out += `===== ${tip.lang} · ${channels.map((c) => CHANNEL_NAMES[c]).join(' / ')} =====\n${text}\n\n`;
  }
  return out;
}

export function describeReport(r: DeliveryReport): string {
  if (r.status === 'already_sent') return `tips ${r.week}: already sent earlier; nothing sent now`;
  if (r.status === 'busy') return `tips ${r.week}: another process is sending this week's tips; nothing sent here`;
  const s = r.skipped;
  return [
    `tips ${r.week}: sent in ${r.seconds} s`,
    `  LINE: ${r.line.recipients} people in ${r.line.batches} multicasts (${r.line.resumedBatches} resumed, ${r.line.rateLimited} rate-limited waits)`,
    `  SMS/WhatsApp: ${r.twilio.recipients} people (${r.twilio.refused} refused by Twilio, ${r.twilio.uncertain} uncertain)`,
    `  not sent: ${s.alreadySent} already had it, ${s.optedOut} opted out, ${s.channelOff} on a channel that is off, ${s.unreadable} unreadable`,
  ].join('\n');
}
