// What we hold about one person, and erasing it ("データ削除" / "delete my data", or blocking the account).
import { z } from 'zod';
import type { Lang } from '../domain.ts';
import type { PersonIds } from '../infra/ids.ts';
import { keys, personKeys } from '../infra/store/keys.ts';
import { orAbsent, readJson, type UnreadableReport } from '../infra/store/read.ts';
import type { Store } from '../infra/store/store.ts';
import type { Target } from './types.ts';

/** A weekly-tips subscription. The address is sealed (infra/ids.ts): the store alone does not reveal it. */
export interface Subscription {
  channel: Target['channel'];
  sealedAddress: string;
  lang: Lang;
  since: string;
}

/** Versions before the language was kept wrote none (they spoke Japanese), nor always the opt-in time. */
const SubscriptionSchema: z.ZodType<Subscription> = z.object({
  channel: z.enum(['line', 'twilio']),
  sealedAddress: z.string(),
  lang: z.unknown().transform((l): Lang => (l === 'en' ? 'en' : 'ja')),
  since: z.string().catch(''),
});

/**
 * A stored subscription, or undefined when it cannot be read (reported): nobody can be reached through it, so
 * it is skipped as if absent. It stays in the store, so the person's next "subscribe" writes it anew.
 */
export function readSubscription(raw: string, report: UnreadableReport | undefined): Subscription | undefined {
  return orAbsent(() => readJson(SubscriptionSchema, raw, 'subscription'), report);
}

export function addressOf(target: Target): string {
  return target.channel === 'line' ? target.userId : JSON.stringify({ to: target.to, from: target.from });
}

export async function subscribe(
  store: Store,
  ids: PersonIds,
  person: string,
  target: Target,
  lang: Lang,
): Promise<void> {
  const sub: Subscription = {
    channel: target.channel,
    sealedAddress: ids.seal(addressOf(target)),
    lang,
    since: new Date().toISOString(),
  };
  await store.mapSet(keys.subscriptions(), person, JSON.stringify(sub));
}

export async function unsubscribe(store: Store, person: string): Promise<void> {
  await store.mapDelete(keys.subscriptions(), person);
}

export async function getSubscription(
  store: Store,
  person: string,
  report?: UnreadableReport,
): Promise<Subscription | null> {
  const raw = await store.mapGet(keys.subscriptions(), person);
  return raw === null ? null : (readSubscription(raw, report) ?? null);
}

export async function isOptedOut(store: Store, person: string): Promise<boolean> {
  return (await store.mapGet(keys.optOuts(), person)) !== null;
}

export async function setOptedOut(store: Store, person: string, optedOut: boolean): Promise<void> {
  if (optedOut) await store.mapSet(keys.optOuts(), person, new Date().toISOString());
  else await store.mapDelete(keys.optOuts(), person);
}

/** Remembers a full-answer page as this person's, so erasing the person erases the page too. */
export async function recordAnswerPage(store: Store, person: string, token: string, ttlMs: number): Promise<void> {
  await store.listPush(keys.answerIndex(person), token, ttlMs);
}

/**
 * Erases everything held about the person: pending messages, the last consultation, counters, answer pages
 * and the subscription. An SMS opt-out is kept (only the hash and a date): it is what stops us from ever
 * messaging that number again, which the person asked for. Then the store's files are purged, so what was
 * deleted cannot be read back from them either (Store.purge; README, "What is stored").
 */
export async function erasePerson(store: Store, person: string): Promise<void> {
  const pages = await store.listRange(keys.answerIndex(person));
  await store.del(...pages.map((t) => keys.answerPage(t)), ...personKeys(person));
  await store.mapDelete(keys.subscriptions(), person);
  await store.purge();
}
