// Walks the weekly-tips subscriptions a page at a time, so a send never holds every subscriber in memory.
// Subscriptions are written by the conversation layer (conversation/person.ts): channel, language, opt-in
// time and the sealed address, keyed by the person's hash.
import { readSubscription, type Subscription } from '../conversation/person.ts';
import { keys } from '../infra/store/keys.ts';
import type { UnreadableReport } from '../infra/store/read.ts';
import type { Store } from '../infra/store/store.ts';

export interface Subscriber {
  person: string;
  sub: Subscription;
}

export const SUBSCRIBER_PAGE_SIZE = 500;

/** Pages of subscribers. A subscriber may appear twice in one walk (Redis HSCAN): callers dedupe. */
export async function* subscriberPages(
  store: Store,
  pageSize = SUBSCRIBER_PAGE_SIZE,
  report?: UnreadableReport,
): AsyncGenerator<Subscriber[]> {
  let cursor = '0';
  do {
    const page = await store.mapScan(keys.subscriptions(), cursor, pageSize);
    cursor = page.cursor;
    const subs: Subscriber[] = [];
    for (const [person, raw] of page.entries) {
      const sub = readSubscription(raw, report);
      if (sub !== undefined) subs.push({ person, sub });
    }
    if (subs.length > 0) yield subs;
  } while (cursor !== '0');
}

/** One person's subscription, read as the conversation reads it. */
export { getSubscription as subscriberOf } from '../conversation/person.ts';
