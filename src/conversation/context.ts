// The last consultation of a person, for follow-ups and quick-reply buttons. It expires (CONTEXT_TTL_MIN).

import { keys } from '../infra/store/keys.ts';
import type { Store } from '../infra/store/store.ts';
import type { ConversationContext } from './types.ts';

export async function loadContext(store: Store, person: string): Promise<ConversationContext | null> {
  const raw = await store.get(keys.context(person));
  return raw === null ? null : (JSON.parse(raw) as ConversationContext);
}

export async function saveContext(
  store: Store,
  person: string,
  ctx: ConversationContext,
  ttlMs: number,
): Promise<void> {
  await store.set(keys.context(person), JSON.stringify(ctx), ttlMs);
}
