// The last consultation of a person, for follow-ups and quick-reply buttons. It expires (CONTEXT_TTL_MIN).
// It quotes what the person sent (links, numbers, text read from pictures): sealed in the store.
import type { PersonIds } from '../infra/ids.ts';
import { keys } from '../infra/store/keys.ts';
import { orAbsent, readSealedJson, type UnreadableReport } from '../infra/store/read.ts';
import type { Store } from '../infra/store/store.ts';
import { type ConversationContext, ConversationContextSchema } from './types.ts';

/**
 * One that cannot be read (sealed under another key, damaged) is as if it had expired: a follow-up button
 * then answers that its consultation is gone, as it does after CONTEXT_TTL_MIN.
 */
export async function loadContext(
  store: Store,
  ids: PersonIds,
  person: string,
  report?: UnreadableReport,
): Promise<ConversationContext | null> {
  const raw = await store.get(keys.context(person));
  if (raw === null) return null;
  return orAbsent(() => readSealedJson(ids, ConversationContextSchema, raw, 'conversation context'), report) ?? null;
}

export async function saveContext(
  store: Store,
  ids: PersonIds,
  person: string,
  ctx: ConversationContext,
  ttlMs: number,
): Promise<void> {
  await store.set(keys.context(person), ids.sealJson(ctx), ttlMs);
}
