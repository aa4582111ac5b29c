// The last consultation of a person, for follow-ups and quick-reply buttons. It expires (CONTEXT_TTL_MIN).
// It quotes what the person sent (links, numbers, text read from pictures): sealed in the store.
import type { PersonIds } from '../infra/ids.ts';
import { keys } from '../infra/store/keys.ts';
import type { Store } from '../infra/store/store.ts';
import type { ConversationContext } from './types.ts';

export async function loadContext(store: Store, ids: PersonIds, person: string): Promise<ConversationContext | null> {
  const raw = await store.get(keys.context(person));
  if (raw === null) return null;
  try {
    return ids.openJson<ConversationContext>(raw);
  } catch {
    // Sealed under another key: as if it had expired.
    return null;
  }
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
