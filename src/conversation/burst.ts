// Bursts: a forwarded text, a screenshot and the question after them arrive as separate events but are one
// consultation. Nothing of this happens in the webhook (its one write is the job): each turn job, on its
// first run, joins its person's burst and waits out the window; when it runs again it takes the burst only if
// no later message has joined (the later message's job takes it instead).
//
// The window adapts: a lone text is answered after BURST_TEXT_WINDOW_MS; once a picture is part of the burst,
// the wait after the last message is BURST_IMAGE_WINDOW_MS, so the text or question that goes with a
// screenshot (before or after it) is judged with it.
//
// Entries hold what the person sent: they are sealed in the store (infra/ids.ts sealJson).
import { z } from 'zod';
import type { PersonIds } from '../infra/ids.ts';
import { BURST_TTL_MS, keys } from '../infra/store/keys.ts';
import { orAbsent, readSealedJson, type UnreadableReport } from '../infra/store/read.ts';
import type { Store } from '../infra/store/store.ts';
import { type BurstPart, BurstPartSchema } from './types.ts';

/** A lone text: just long enough for the rest of a multi-message forward, which LINE delivers back to back. */
export const BURST_TEXT_WINDOW_MS = 200;
/** A burst with a picture: a person sends the screenshot and its text (or their question) a moment apart. */
export const BURST_IMAGE_WINDOW_MS = 1_500;

export interface BurstWindows {
  textMs: number;
  imageMs: number;
}

export const DEFAULT_BURST_WINDOWS: BurstWindows = { textMs: BURST_TEXT_WINDOW_MS, imageMs: BURST_IMAGE_WINDOW_MS };

/** One job's message in the burst list. */
interface BurstEntry {
  job: string;
  /** When the event was accepted (ms), and its place in its webhook request. */
  at: number;
  seq: number;
  parts: BurstPart[];
}

/** Entries written by an older version may lack fields: they add nothing. */
const StoredBurstEntrySchema = z.looseObject({
  job: z.string().optional(),
  at: z.number().optional(),
  seq: z.number().optional(),
  parts: z.array(BurstPartSchema).optional(),
});
type StoredBurstEntry = z.output<typeof StoredBurstEntrySchema>;

export type BurstStep = { kind: 'wait'; until: number } | { kind: 'superseded' } | { kind: 'take'; parts: BurstPart[] };

function dueAt(entries: StoredBurstEntry[], w: BurstWindows): number {
  const last = Math.max(...entries.map((e) => e.at ?? 0));
  const withPicture = entries.some((e) => (e.parts ?? []).some((p) => p.image !== undefined));
  return last + (withPicture ? w.imageMs : w.textMs);
}

/**
 * The entries of a stored list. One that cannot be read (sealed under another key, damaged) adds nothing but
 * keeps its place, so positions still match the list: the rest of the burst is answered without it.
 */
function openEntries(ids: PersonIds, values: string[], report: UnreadableReport | undefined): StoredBurstEntry[] {
  return values.map(
    (v) =>
      orAbsent(() => readSealedJson(ids, StoredBurstEntrySchema, v, 'burst entry'), report) ?? {
        job: '',
        at: 0,
        seq: 0,
        parts: [],
      },
  );
}

/** In the order they were sent. */
function partsOf(entries: StoredBurstEntry[]): BurstPart[] {
  return [...entries]
    .sort((a, b) => (a.at ?? 0) - (b.at ?? 0) || (a.seq ?? 0) - (b.seq ?? 0))
    .flatMap((e) => e.parts ?? []);
}

/**
 * One run of a turn job: join the burst (once), then wait, step aside for a later message, or take the
 * burst. A taken burst is kept under the job, so a retry of the job takes the same messages again.
 */
export async function stepBurst(
  store: Store,
  ids: PersonIds,
  person: string,
  entry: BurstEntry,
  windows: BurstWindows,
  now: number,
  report?: UnreadableReport,
): Promise<BurstStep> {
  const kept = await store.listRange(keys.takenBurst(entry.job));
  if (kept.length > 0) {
    return { kind: 'take', parts: partsOf(openEntries(ids, kept, report)) };
  }
  const burstKey = keys.burst(person);
  const joined = await store.listJoin(burstKey, keys.burstJoined(entry.job), ids.sealJson(entry), BURST_TTL_MS);
  const entries = openEntries(ids, joined.values, report);
  // Our message is no longer where we put it: a later message's job took the burst with it.
  if (entries[joined.position - 1]?.job !== entry.job) return { kind: 'superseded' };
  if (joined.position !== entries.length) return { kind: 'superseded' };
  const due = dueAt(entries, windows);
  if (due > now) return { kind: 'wait', until: due };
  const taken = await store.listTakeIfLength(burstKey, joined.position, {
    key: keys.takenBurst(entry.job),
    ttlMs: BURST_TTL_MS,
  });
  // Someone joined between our look and the take: their job takes the burst, with our message in it.
  if (taken === null) return { kind: 'superseded' };
  return { kind: 'take', parts: partsOf(openEntries(ids, taken, report)) };
}

export async function releaseTakenBurst(store: Store, jobId: string): Promise<void> {
  await store.del(keys.takenBurst(jobId), keys.burstJoined(jobId));
}
