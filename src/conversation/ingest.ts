// What every webhook does with one platform event, after the signature: claim it, then queue it.
// The claim comes before any side effect, so a redelivered or concurrently delivered event is queued once;
// the claim key doubles as the job id (SHARED STYLE, habit 3).
import type { Lang } from '../domain.ts';
import type { Metrics } from '../infra/metrics.ts';
import type { JobQueue } from '../infra/queue/queue.ts';
import { CLAIM_TTL_MS, keys, RATE_WINDOW_MS } from '../infra/store/keys.ts';
import type { Store } from '../infra/store/store.ts';
import { appendToBurst, BURST_WINDOW_MS } from './burst.ts';
import type { BurstPart, ChannelJob, Command, FollowUpTopic, NoticeKey, Target } from './types.ts';

export interface IngestDeps {
  store: Store;
  queue: JobQueue<ChannelJob>;
  metrics: Metrics;
  /** Messages per person per hour before the friendly "please wait" answer. */
  rateLimitPerHour: number;
  burstWindowMs?: number;
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
  lang: Lang;
  target: Target;
  action: IngestAction;
}

export type IngestOutcome = 'accepted' | 'duplicate' | 'rate_limited' | 'dropped';

/** Job ids allow letters, digits, - and _ only (BullMQ refuses ':' in custom ids). */
const jobIdOf = (channel: string, eventId: string) => `${channel}-${eventId.replace(/[^A-Za-z0-9_-]/g, '_')}`;

export async function ingest(deps: IngestDeps, ev: IngestEvent): Promise<IngestOutcome> {
  const claimKey = keys.claim(ev.channel, ev.eventId);
  if (!(await deps.store.claim(claimKey, CLAIM_TTL_MS))) {
    deps.metrics.webhookEvents.inc({ channel: ev.channel, outcome: 'duplicate' });
    return 'duplicate';
  }
  try {
    const outcome = await queueEvent(deps, ev, jobIdOf(ev.channel, ev.eventId));
    deps.metrics.webhookEvents.inc({ channel: ev.channel, outcome });
    return outcome;
  } catch (err) {
    // Not queued: give the claim back so the platform's redelivery can try again.
    await deps.store.del(claimKey).catch(() => {});
    throw err;
  }
}

async function queueEvent(deps: IngestDeps, ev: IngestEvent, jobId: string): Promise<IngestOutcome> {
  const base = { person: ev.person, lang: ev.lang, target: ev.target, acceptedAt: Date.now() };
  const { action } = ev;
  // Commands (データ削除, STOP) and buttons are never rate-limited: a person can always leave or erase.
  if (action.kind === 'command') {
    await deps.queue.add(jobId, { ...base, kind: 'command', command: action.command, quiet: action.quiet });
    return 'accepted';
  }
  if (action.kind === 'postback') {
    await deps.queue.add(jobId, { ...base, kind: 'postback', topic: action.topic, consultId: action.consultId });
    return 'accepted';
  }
  const count = await deps.store.incr(keys.rate(ev.person), RATE_WINDOW_MS);
  if (count > deps.rateLimitPerHour) {
    // One friendly answer per window; after that, silence rather than a reply to every message of a flood.
    if (await deps.store.claim(keys.rateNotice(ev.person), RATE_WINDOW_MS)) {
      await deps.queue.add(jobId, { ...base, kind: 'notice', notice: 'rate_limited' });
    }
    return 'rate_limited';
  }
  if (action.kind === 'notice') {
    await deps.queue.add(jobId, { ...base, kind: 'notice', notice: action.notice });
    return 'accepted';
  }
  let seq = 0;
  for (const part of action.parts) seq = await appendToBurst(deps.store, ev.person, part);
  await deps.queue.add(jobId, { ...base, kind: 'turn', seq }, { delayMs: deps.burstWindowMs ?? BURST_WINDOW_MS });
  return 'accepted';
}
