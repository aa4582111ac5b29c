// What a channel must provide to answer: conversation/worker.ts computes replies, an Outbox sends them.
import type { ImagePart } from '../consult/api.ts';
import type { ImageRef, Reply, Target } from './types.ts';

export interface SendContext {
  jobId: string;
  person: string;
  attempt: number;
}

export interface Outbox<T extends Target> {
  /** Shows that work has started (LINE loading animation). Best effort: failures are logged, not retried. */
  startWork(target: T): Promise<void>;
  /** Sends the replies as one platform call where the platform allows (LINE: at most 5 messages). */
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
