// What a channel must provide to answer: conversation/worker.ts computes replies, an Outbox sends them.
import type { ImagePart } from '../consult/api.ts';
import type { DeliveryProgress } from './delivery.ts';
import type { ImageRef, Reply, Target } from './types.ts';

export interface SendContext {
  /** The job: links derived from it (answer pages) are the same on every run. */
  jobId: string;
  person: string;
  /** The answer's delivery record: resume at `progress.sent`, record each part's intent and success. */
  progress: DeliveryProgress;
}

export interface Outbox<T extends Target> {
  /** Shows that work has started (LINE loading animation). Best effort: failures are logged, not retried. */
  startWork(target: T): Promise<void>;
  /**
   * Sends the replies, part by part (LINE: one call of at most 5 messages; Twilio: one message per reply),
   * starting at the first part not yet confirmed and never sending a part twice (see delivery.ts).
   */
  send(target: T, replies: Reply[], ctx: SendContext): Promise<void>;
  /** Fetches and size-checks one image the person sent. */
  fetchImage(ref: ImageRef): Promise<ImagePart>;
}

export interface Outboxes {
  line?: Outbox<Extract<Target, { channel: 'line' }>>;
  twilio?: Outbox<Extract<Target, { channel: 'twilio' }>>;
}

/** A platform said no (status, method) — distinct from the network failing. */
export class PlatformError extends Error {
  override name = 'PlatformError';
  constructor(
    readonly platform: 'line' | 'twilio',
    readonly api: string,
    readonly status: number,
    message: string,
  ) {
    super(`${platform} ${api} answered ${status}: ${message}`);
  }
}
