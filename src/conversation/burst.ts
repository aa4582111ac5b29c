// Bursts: a forwarded text and the question after it arrive as separate events but are one consultation.
// Each event appends to the person's burst and queues a job delayed by the burst window; when a job runs,
// it takes the burst only if no later message has joined (the later message's job will take it instead).

import { BURST_TTL_MS, keys } from '../infra/store/keys.ts';
import type { Store } from '../infra/store/store.ts';
import type { BurstPart } from './types.ts';

/** Wait this long after a message for more of the same burst (LINE delivers a multi-message forward at once). */
export const BURST_WINDOW_MS = 700;

export async function appendToBurst(store: Store, person: string, part: BurstPart): Promise<number> {
  return store.listPush(keys.burst(person), JSON.stringify(part), BURST_TTL_MS);
}

/**
 * The burst's parts when `seq` is still the last message, else null (superseded). The taken parts are kept
 * under the job for the job's retries, because the burst itself is gone once taken.
 */
export async function takeBurst(store: Store, person: string, seq: number, jobId: string): Promise<BurstPart[] | null> {
  const kept = await store.get(keys.takenBurst(jobId));
  if (kept !== null) return JSON.parse(kept) as BurstPart[];
  const raw = await store.listTakeIfLength(keys.burst(person), seq);
  if (raw === null) return null;
  const parts = raw.map((r) => JSON.parse(r) as BurstPart);
  await store.set(keys.takenBurst(jobId), JSON.stringify(parts), BURST_TTL_MS);
  return parts;
}

export async function releaseTakenBurst(store: Store, jobId: string): Promise<void> {
  await store.del(keys.takenBurst(jobId));
}
