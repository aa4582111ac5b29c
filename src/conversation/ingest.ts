// What every webhook does with one platform event, after the signature: one durable write, the queued job,
// which is also the event's claim (queue/*.ts: the event id is refused for CLAIM_TTL_MS after). A
// redelivered or concurrently delivered event is queued once; nothing else is written before the 200.
// Rate counting and burst joining happen in the worker (worker.ts, burst.ts), off this path.
import type { Lang } from '../domain.ts';
import type { Metrics } from '../infra/metrics.ts';
import { freshestFirst, type JobQueue, safeJobId } from '../infra/queue/queue.ts';
import type { BurstPart, ChannelJob, Command, FollowUpTopic, NoticeKey, Target } from './types.ts';

export interface IngestDeps {
  queue: JobQueue<ChannelJob>;
  metrics: Metrics;
  /**
   * Refuse new events (503 + Retry-After) once this many jobs wait or run: past it, the queue could not
   * reach the newest events while their reply tokens last.
   */
  maxBacklog: number;
}

export type IngestAction =
  | { kind: 'message'; parts: BurstPart[] }
  | { kind: 'command'; command: Command; quiet?: boolean }
  | { kind: 'postback'; topic: FollowUpTopic | 'subscribe'; consultId: string }
  | { kind: 'notice'; notice: NoticeKey };

export interface IngestEvent {
  channel: Target['channel'];
  /** LINE webhookEventId, Twilio MessageSid. */
  eventId: string;
  person: string;
  /** The language of the event's text, read by the route (its default when there is no text). */
  lang: Lang;
  target: Target;
  action: IngestAction;
  /** Its place among the events of one webhook request (bursts keep their order). */
  seq?: number;
}

export type IngestOutcome = 'accepted' | 'duplicate';

/** The backlog is full: the platform should deliver this again later. */
export class BacklogFullError extends Error {
  override name = 'BacklogFullError';
  constructor(readonly retryAfterSeconds: number) {
    super(`the queue is full; deliver again in ${retryAfterSeconds} s`);
  }
}

/** How long to ask a platform to wait before delivering again when the backlog is full. */
export const BACKLOG_RETRY_AFTER_S = 30;

export function claimId(channel: string, eventId: string): string {
  return `${channel}-${safeJobId(eventId)}`;
}

/** Throws BacklogFullError when new work should be refused; reads a cached count, so it costs nothing. */
export function checkBacklog(deps: IngestDeps, channel: string): void {
  if (deps.queue.backlog() >= deps.maxBacklog) {
    deps.metrics.webhookRejected.inc({ channel, reason: 'backlog' });
    throw new BacklogFullError(BACKLOG_RETRY_AFTER_S);
  }
}

export async function ingest(deps: IngestDeps, ev: IngestEvent): Promise<IngestOutcome> {
  const acceptedAt = Date.now();
  const base = { person: ev.person, lang: ev.lang, target: ev.target, acceptedAt };
  const { action } = ev;
  let data: ChannelJob;
  switch (action.kind) {
    case 'message':
      // The event's language was read from its text by the route: the text part carries it into the burst.
      data = {
        ...base,
        kind: 'turn',
        parts: action.parts.map((p) => (p.text !== undefined ? { ...p, lang: ev.lang } : p)),
        seq: ev.seq ?? 0,
      };
      break;
    case 'command':
      data = { ...base, kind: 'command', command: action.command, quiet: action.quiet };
      break;
    case 'postback':
      data = { ...base, kind: 'postback', topic: action.topic, consultId: action.consultId };
      break;
    case 'notice':
      data = { ...base, kind: 'notice', notice: action.notice };
      break;
  }
  // The freshest reply token first: under a backlog, the newest events still get a reply (not a paid push).
  const fresh = ev.target.channel === 'line' && ev.target.replyToken !== undefined ? ev.target.sentAt : acceptedAt;
  const jobId = await deps.queue.add(claimId(ev.channel, ev.eventId), data, { priority: freshestFirst(fresh) });
  const outcome: IngestOutcome = jobId === null ? 'duplicate' : 'accepted';
  deps.metrics.webhookEvents.inc({ channel: ev.channel, outcome });
  return outcome;
}
