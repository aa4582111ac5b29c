// The delivery record of one answer: what we decided to send, which parts went out, and the part whose
// send was started but never confirmed (the process died, or the network failed, during the call).
//
// Every step is written before the next one starts: the answer is recorded before the first send; each
// part's intent ("about to send part i by reply / push / sms") before its platform call; its success after.
// A re-run of the job (retry, a process killed mid-job) reads the record and resumes at the first part not
// confirmed, resolving the unconfirmed one without sending it twice (channels/*/outbox.ts say how).
// The record quotes the answer (and so what the person sent): it is sealed in the store (infra/ids.ts).
import { z } from 'zod';
import type { PersonIds } from '../infra/ids.ts';
import { DELIVERY_TTL_MS, keys } from '../infra/store/keys.ts';
import { orAbsent, readSealedJson, type UnreadableReport } from '../infra/store/read.ts';
import type { Store } from '../infra/store/store.ts';
import { type Reply, ReplySchema } from './types.ts';

export type DeliveryPurpose = 'answer' | 'apology';

/** A part whose send an earlier run started and did not see the end of. */
export interface Unconfirmed {
  part: number;
  /** How it was being sent: 'reply' / 'push' (LINE), 'message' (Twilio). */
  via: string;
  /** When the intent was recorded (ms, our clock). */
  at: number;
}

interface DeliveryRecord {
  replies: Reply[];
  /** Parts confirmed sent (0…). */
  sent: number;
  inflight?: Unconfirmed;
  /** Every part went out (the replies are then emptied: nothing of the answer is kept past the job). */
  done?: boolean;
}

const DeliveryRecordSchema: z.ZodType<DeliveryRecord> = z.looseObject({
  replies: z.array(ReplySchema),
  sent: z.number().int().nonnegative(),
  inflight: z.looseObject({ part: z.number().int().nonnegative(), via: z.string(), at: z.number() }).optional(),
  done: z.boolean().optional(),
});

export class DeliveryTakenError extends Error {
  override name = 'DeliveryTakenError';
}

/** What an outbox needs while sending: where to resume, and the calls that record each step. */
export interface DeliveryProgress {
  /** Unique per answer (job and purpose): the seed of LINE retry keys. */
  readonly id: string;
  /** Parts already confirmed sent: start at this one. */
  readonly sent: number;
  /** The part an earlier run started and did not confirm, if it is this one. */
  unconfirmed(part: number): Unconfirmed | undefined;
  /** Records, durably, that `part` is about to be sent `via` a platform call. */
  begin(part: number, via: string): Promise<void>;
  /** Records, durably, that `part` went out (or was found to have gone out). */
  confirm(part: number): Promise<void>;
  /** Aborted when the queue hands the job back: stop before the next platform call. */
  readonly signal: AbortSignal;
}

export class Delivery implements DeliveryProgress {
  readonly id: string;
  readonly signal: AbortSignal;
  readonly #store: Store;
  readonly #ids: PersonIds;
  readonly #key: string;
  #record: DeliveryRecord | null;
  /** The record's in-flight part as this run found it (an earlier run's), before this run wrote any. */
  readonly #found: Unconfirmed | undefined;

  private constructor(
    store: Store,
    ids: PersonIds,
    jobId: string,
    purpose: DeliveryPurpose,
    record: DeliveryRecord | null,
    signal: AbortSignal,
  ) {
    this.#store = store;
    this.#ids = ids;
    this.#key = keys.delivery(jobId, purpose);
    this.id = `${jobId}:${purpose}`;
    this.signal = signal;
    this.#record = record;
    this.#found = record?.inflight;
  }

  static async load(
    store: Store,
    ids: PersonIds,
    jobId: string,
    purpose: DeliveryPurpose,
    signal: AbortSignal,
    report?: UnreadableReport,
  ): Promise<Delivery> {
    const raw = await store.get(keys.delivery(jobId, purpose));
    // One that cannot be read (damaged, sealed under another key) is as if none were written: the answer is
    // decided and sent again from the first part. The person may get a part twice; without this every attempt
    // would fail on the same record and they would get no answer, nor the apology.
    const record =
      raw === null
        ? null
        : (orAbsent(() => readSealedJson(ids, DeliveryRecordSchema, raw, `${purpose} delivery record`), report) ??
          null);
    return new Delivery(store, ids, jobId, purpose, record, signal);
  }

  /** The answer as decided, or null before it was decided. */
  get replies(): Reply[] | null {
    return this.#record?.replies ?? null;
  }

  get done(): boolean {
    return this.#record?.done === true;
  }

  get sent(): number {
    return this.#record?.sent ?? 0;
  }

  async #save(): Promise<void> {
    await this.#store.set(this.#key, this.#ids.sealJson(this.#record), DELIVERY_TTL_MS);
  }

  /** Records the answer before anything is sent: a re-run sends exactly this, not a new computation. */
  async decide(replies: Reply[]): Promise<void> {
    if (this.#record !== null) throw new DeliveryTakenError('this answer was already decided');
    this.#record = { replies, sent: 0 };
    await this.#save();
  }

  unconfirmed(part: number): Unconfirmed | undefined {
    return this.#found?.part === part && this.sent <= part ? this.#found : undefined;
  }

  async begin(part: number, via: string): Promise<void> {
    if (this.#record === null) throw new DeliveryTakenError('begin() before decide()');
    if (this.signal.aborted) throw new DeliveryTakenError('the job was handed back; another run sends the rest');
    this.#record.inflight = { part, via, at: Date.now() };
    await this.#save();
  }

  async confirm(part: number): Promise<void> {
    if (this.#record === null) throw new DeliveryTakenError('confirm() before decide()');
    this.#record.sent = Math.max(this.#record.sent, part + 1);
    delete this.#record.inflight;
    await this.#save();
  }

  /** Marks the answer delivered. What was said is dropped: only "done" must outlive the job. */
  async finish(): Promise<void> {
    this.#record = { replies: [], sent: this.#record?.sent ?? 0, done: true };
    await this.#save();
  }
}
