// The job handler: one queued job → the replies → one send through the channel's outbox.
// Jobs may run more than once (retries, a process killed mid-job). The delivery record (delivery.ts) makes
// that safe: the answer is decided and recorded once, before the first send, and a re-run resumes it where
// it stopped. The last attempt that still fails sends a short apology instead of leaving the person in silence.
// Longer than 300 lines: one job's way from its delivery record to the send, with what each kind of job decides.
import { randomUUID } from 'node:crypto';
import type { ImagePart } from '../consult/api.ts';
import type { PersonIds } from '../infra/ids.ts';
import type { Log } from '../infra/log.ts';
import type { Metrics } from '../infra/metrics.ts';
import type { JobHandler, QueuedJob, RunLater } from '../infra/queue/queue.ts';
import { keys, RATE_WINDOW_MS } from '../infra/store/keys.ts';
import { type UnreadableReport, unreadableReporter } from '../infra/store/read.ts';
import type { Store } from '../infra/store/store.ts';
import { MAX_IMAGES_PER_CONSULTATION } from '../limits.ts';
import type { OfferChannel } from '../offers/offers.ts';
import { recordConsultation } from '../stats/trends.ts';
import { type BurstWindows, DEFAULT_BURST_WINDOWS, releaseTakenBurst, stepBurst } from './burst.ts';
import { loadContext, saveContext } from './context.ts';
import { Delivery } from './delivery.ts';
import type { Outbox, Outboxes } from './outbox.ts';
import { erasePerson, isOptedOut, setOptedOut, subscribe, unsubscribe } from './person.ts';
import { type RespondDeps, respondToPostback, respondToTurn } from './respond.ts';
import type { BurstPart, ChannelJob, Command, Reply, Target } from './types.ts';

export interface WorkerDeps extends RespondDeps {
  store: Store;
  ids: PersonIds;
  outboxes: Outboxes;
  contextTtlMs: number;
  /** Consultations per person per hour before the friendly "please wait" answer (then silence). */
  rateLimitPerHour: number;
  burstWindows?: BurstWindows;
  /** TZ: the time zone the weekly trends count consultations in (Asia/Tokyo unless set). */
  tz?: string;
  log: Log;
  metrics: Metrics;
}

/** A stored value the job could not read and went on without: logged and counted, never quoted. */
const unreadable = (deps: WorkerDeps): UnreadableReport => unreadableReporter(deps.log, deps.metrics);

export const newConsultId = () => randomUUID().replace(/-/g, '').slice(0, 16);

/** The loading animation is started alongside the judging; the answer waits this long at most for it. */
const LOADING_WAIT_MS = 2_000;

function offerChannelOf(target: Target): OfferChannel {
  if (target.channel === 'line') return 'line';
  return target.to.startsWith('whatsapp:') ? 'whatsapp' : 'sms';
}

export class ChannelOffError extends Error {
  override name = 'ChannelOffError';
}

/** The forms a person's address takes in a platform's error message ("The 'To' number +81… is not valid"). */
function addressForms(target: Target): string[] {
  if (target.channel === 'line') return [target.userId];
  const bare = target.to.replace(/^whatsapp:/, '');
  return [target.to, bare, bare.replace(/^\+/, '')].filter((a) => a.length >= 4);
}

/** An error for the log: its name and message, without the person's address (ids are logged only as hashes). */
function errInfo(err: unknown, target?: Target) {
  let message = String((err as Error)?.message ?? err);
  for (const a of target === undefined ? [] : addressForms(target)) message = message.replaceAll(a, '[person]');
  return { name: (err as Error)?.name, message };
}

export function createJobHandler(deps: WorkerDeps): JobHandler<ChannelJob> {
  const outboxFor = (target: Target): Outbox<Target> => {
    const box = deps.outboxes[target.channel] as Outbox<Target> | undefined;
    if (box === undefined) throw new ChannelOffError(`${target.channel} is off in this process (credentials missing)`);
    return box;
  };

  return async (job: QueuedJob<ChannelJob>) => {
    const { data } = job;
    const log = deps.log.child({ job: job.id, person: data.person, kind: data.kind, attempt: job.attempt });
    const delivery = await Delivery.load(deps.store, deps.ids, job.id, 'answer', job.signal, unreadable(deps));
    if (delivery.done) {
      log.debug('already answered');
      return;
    }
    // A run after the last attempt (the process died just after apologising): the person has their answer.
    if (
      job.attempt > job.maxAttempts &&
      (await Delivery.load(deps.store, deps.ids, job.id, 'apology', job.signal, unreadable(deps))).done
    )
      return;
    const outbox = outboxFor(data.target);
    try {
      const outcome = await run(deps, job, delivery, outbox, log);
      if (typeof outcome === 'object') return outcome;
      deps.metrics.jobs.inc({ kind: data.kind, outcome });
    } catch (err) {
      if (job.signal.aborted) throw err;
      log.warn({ err: errInfo(err, data.target) }, 'job failed');
      if (job.attempt >= job.maxAttempts) {
        deps.metrics.jobs.inc({ kind: data.kind, outcome: 'failed' });
        await apologise(deps, job, outbox, log);
      }
      throw err;
    }
  };
}

async function apologise(deps: WorkerDeps, job: QueuedJob<ChannelJob>, outbox: Outbox<Target>, log: Log) {
  const { data } = job;
  try {
    const apology = await Delivery.load(deps.store, deps.ids, job.id, 'apology', job.signal, unreadable(deps));
    if (apology.done) return;
    if (data.target.channel === 'twilio' && (await isOptedOut(deps.store, data.person))) return;
    if (apology.replies === null) await apology.decide([{ kind: 'notice', notice: 'apology', lang: data.lang }]);
    await outbox.send(data.target, apology.replies!, { jobId: job.id, person: data.person, progress: apology });
    await apology.finish();
    if (data.kind === 'turn') await releaseTakenBurst(deps.store, job.id);
  } catch (err) {
    log.error({ err: errInfo(err, data.target) }, 'apology failed too');
  }
}

type Outcome = 'answered' | 'superseded' | 'quiet' | RunLater;

/** What this job has to say, or that it says nothing (superseded, opted out), or that it must wait. */
type Decision = { replies: Reply[] } | Exclude<Outcome, 'answered'>;

async function run(
  deps: WorkerDeps,
  job: QueuedJob<ChannelJob>,
  delivery: Delivery,
  outbox: Outbox<Target>,
  log: Log,
): Promise<Outcome> {
  const { data } = job;
  const { store } = deps;
  if (delivery.replies === null) {
    const decision = await decide(deps, job, outbox, log);
    if (decision === 'superseded') return decision;
    if (decision === 'quiet') {
      if (data.kind === 'turn') await releaseTakenBurst(store, job.id);
      return decision;
    }
    if ('runAt' in decision) return decision;
    // Recorded before the first send: every re-run sends exactly this.
    await delivery.decide(decision.replies);
  } else if (await silencedByOptOut(store, data)) {
    // The person opted out between the decision and this re-run: nothing more goes to them.
    await delivery.finish();
    return 'quiet';
  }
  const replies = delivery.replies!;
  await outbox.send(data.target, replies, { jobId: job.id, person: data.person, progress: delivery });
  await delivery.finish();
  // After the delivery is finished, so a re-run cannot count one consultation twice (weekly tips, src/tips/).
  for (const r of replies) {
    if (r.kind !== 'verdict') continue;
    const facts = { ...r.verdict, channel: data.target.channel };
    await recordConsultation(store, facts, deps.now(), deps.tz).catch((err: Error) =>
      log.warn({ err: err.message }, 'trends'),
    );
  }
  if (data.kind === 'turn') await releaseTakenBurst(store, job.id);
  deps.metrics.answerSeconds.observe((Date.now() - data.acceptedAt) / 1000, { channel: data.target.channel });
  return 'answered';
}

/**
 * The one opt-out decision: on SMS / WhatsApp a person who sent STOP gets nothing from this job, except the
 * answers to STOP and START themselves. Asked when the answer is decided and again before a re-run sends it.
 */
async function silencedByOptOut(store: Store, data: ChannelJob): Promise<boolean> {
  if (data.target.channel !== 'twilio') return false;
  if (data.kind === 'command' && (data.command === 'stop' || data.command === 'start')) return false;
  return isOptedOut(store, data.person);
}

async function decide(
  deps: WorkerDeps,
  job: QueuedJob<ChannelJob>,
  outbox: Outbox<Target>,
  log: Log,
): Promise<Decision> {
  const { data } = job;
  const { store } = deps;
  const silenced = await silencedByOptOut(store, data);
  if (silenced && data.kind !== 'command') return 'quiet';

  let replies: Reply[] = [];
  switch (data.kind) {
    case 'turn': {
      const step = await stepBurst(
        store,
        deps.ids,
        data.person,
        // A job queued by an older version has no parts of its own: it is answered with a request for the text.
        { job: job.id, at: data.acceptedAt, seq: data.seq ?? 0, parts: data.parts ?? [] },
        deps.burstWindows ?? DEFAULT_BURST_WINDOWS,
        Date.now(),
        unreadable(deps),
      );
      if (step.kind === 'wait') return { runAt: step.until };
      if (step.kind === 'superseded') return 'superseded';
      // Counted per consultation, here rather than in the webhook; commands and buttons are never limited.
      const count = await store.incr(keys.rate(data.person), RATE_WINDOW_MS);
      if (count > deps.rateLimitPerHour) {
        // One friendly answer per window; after that, silence rather than a reply to every message of a flood.
        if (!(await store.claim(keys.rateNotice(data.person), RATE_WINDOW_MS))) return 'quiet';
        return { replies: [{ kind: 'notice', notice: 'rate_limited', lang: data.lang }] };
      }
      return consultation(deps, data, step.parts, outbox, log);
    }
    case 'postback': {
      if (data.topic === 'subscribe') {
        await subscribe(store, deps.ids, data.person, data.target, data.lang);
        replies = [{ kind: 'notice', notice: 'subscribed', lang: data.lang }];
      } else {
        replies = [
          respondToPostback(
            data.topic,
            data.consultId,
            await loadContext(store, deps.ids, data.person, unreadable(deps)),
            data.lang,
          ),
        ];
      }
      break;
    }
    case 'notice':
      replies = [{ kind: 'notice', notice: data.notice, lang: data.lang }];
      break;
    case 'command':
      if (silenced) {
        // データ削除 and the like still act for an opted-out number; only the confirmation is withheld.
        await runCommand(deps, data, data.command);
        return 'quiet';
      }
      replies = await runCommand(deps, data, data.command);
      break;
  }
  return replies.length === 0 ? 'quiet' : { replies };
}

async function consultation(
  deps: WorkerDeps,
  data: ChannelJob & { kind: 'turn' },
  parts: BurstPart[],
  outbox: Outbox<Target>,
  log: Log,
): Promise<Decision> {
  const { store } = deps;
  // Shown while judging; the answer waits for it to land, or the animation would run on after the answer.
  const loading = outbox
    .startWork(data.target)
    .catch((err: Error) => log.debug({ err: err.message }, 'loading animation'));
  const { images, failures } = await fetchImages(outbox, parts, log);
  const started = Date.now();
  const result = await respondToTurn(deps, {
    parts,
    images,
    imageFailures: failures,
    context: await loadContext(store, deps.ids, data.person, unreadable(deps)),
    langHint: data.lang,
    channel: data.target.channel,
    offerChannel: offerChannelOf(data.target),
  });
  if (result.replies.some((r) => r.kind === 'verdict')) {
    deps.metrics.consultSeconds.observe((Date.now() - started) / 1000);
  }
  // Remembered before answering, so a quick tap on a button finds it.
  if (result.context !== undefined) await saveContext(store, deps.ids, data.person, result.context, deps.contextTtlMs);
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([loading, new Promise((r) => (timer = setTimeout(r, LOADING_WAIT_MS)))]);
  clearTimeout(timer);
  return { replies: result.replies };
}

async function runCommand(
  deps: WorkerDeps,
  data: ChannelJob & { kind: 'command' },
  command: Command,
): Promise<Reply[]> {
  const { store } = deps;
  const notice = (n: Extract<Reply, { kind: 'notice' }>['notice']): Reply[] =>
    data.quiet ? [] : [{ kind: 'notice', notice: n, lang: data.lang }];
  switch (command) {
    case 'delete_data':
      await erasePerson(store, data.person);
      return notice('deleted');
    case 'forget':
      await erasePerson(store, data.person);
      return [];
    case 'subscribe':
      await subscribe(store, deps.ids, data.person, data.target, data.lang);
      return notice('subscribed');
    case 'unsubscribe':
      await unsubscribe(store, data.person);
      return notice('unsubscribed');
    case 'stop':
      // Recorded first: nothing but this one confirmation goes to the number from now on.
      await unsubscribe(store, data.person);
      await setOptedOut(store, data.person, true);
      return notice('opted_out');
    case 'start':
      // START is the SMS way back in: messages resume and so do the weekly tips (the STOP/START).
      await setOptedOut(store, data.person, false);
      await subscribe(store, deps.ids, data.person, data.target, data.lang);
      return notice('opted_in');
    case 'help':
      return notice('help');
  }
}

async function fetchImages(
  outbox: Outbox<Target>,
  parts: BurstPart[],
  log: Log,
): Promise<{ images: ImagePart[]; failures: number }> {
  const images: ImagePart[] = [];
  let failures = 0;
  for (const p of parts) {
    // Pictures past the ones a consultation reads are not fetched at all.
    if (p.image === undefined || images.length + failures >= MAX_IMAGES_PER_CONSULTATION) continue;
    try {
      images.push(await outbox.fetchImage(p.image));
    } catch (err) {
      failures += 1;
      log.info({ err: errInfo(err) }, 'image not fetched');
    }
  }
  return { images, failures };
}
