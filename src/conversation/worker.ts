// The job handler: one queued job → the replies → one send through the channel's outbox.
// Jobs may run more than once (retries, a stalled worker): the delivered marker stops a second answer, and
// the last attempt that still fails sends a short apology instead of leaving the person in silence.
import { randomUUID } from 'node:crypto';
import type { ImagePart } from '../consult/api.ts';
import { MAX_IMAGES_PER_CONSULTATION } from '../image/limits.ts';
import type { PersonIds } from '../infra/ids.ts';
import type { Log } from '../infra/log.ts';
import type { Metrics } from '../infra/metrics.ts';
import type { JobHandler, QueuedJob } from '../infra/queue/queue.ts';
import { DELIVERED_TTL_MS, keys } from '../infra/store/keys.ts';
import type { Store } from '../infra/store/store.ts';
import type { OfferChannel } from '../offers/offers.ts';
import { recordConsultation } from '../tips/trends.ts';
import { releaseTakenBurst, takeBurst } from './burst.ts';
import { loadContext, saveContext } from './context.ts';
import type { Outbox, Outboxes } from './outbox.ts';
import { erasePerson, isOptedOut, setOptedOut, subscribe, unsubscribe } from './person.ts';
import { type RespondDeps, respondToPostback, respondToTurn } from './respond.ts';
import type { BurstPart, ChannelJob, Command, ConversationContext, Reply, Target } from './types.ts';

export interface WorkerDeps extends RespondDeps {
  store: Store;
  ids: PersonIds;
  outboxes: Outboxes;
  contextTtlMs: number;
  log: Log;
  metrics: Metrics;
}

export const newConsultId = () => randomUUID().replace(/-/g, '').slice(0, 16);

function offerChannelOf(target: Target): OfferChannel {
  if (target.channel === 'line') return 'line';
  return target.to.startsWith('whatsapp:') ? 'whatsapp' : 'sms';
}

export class ChannelOffError extends Error {
  override name = 'ChannelOffError';
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
    if ((await deps.store.get(keys.delivered(job.id))) !== null) {
      log.debug('already answered');
      return;
    }
    const outbox = outboxFor(data.target);
    try {
      const outcome = await run(deps, job, outbox, log);
      deps.metrics.jobs.inc({ kind: data.kind, outcome });
    } catch (err) {
      log.warn({ err: { name: (err as Error).name, message: (err as Error).message } }, 'job failed');
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
    if (data.target.channel === 'twilio' && (await isOptedOut(deps.store, data.person))) return;
    await outbox.send(data.target, [{ kind: 'notice', notice: 'apology', lang: data.lang }], {
      jobId: job.id,
      person: data.person,
      attempt: job.attempt,
    });
    await deps.store.set(keys.delivered(job.id), '1', DELIVERED_TTL_MS);
    if (data.kind === 'turn') await releaseTakenBurst(deps.store, job.id);
  } catch (err) {
    log.error({ err: { name: (err as Error).name, message: (err as Error).message } }, 'apology failed too');
  }
}

type Outcome = 'answered' | 'superseded' | 'quiet';

async function run(deps: WorkerDeps, job: QueuedJob<ChannelJob>, outbox: Outbox<Target>, log: Log): Promise<Outcome> {
  const { data } = job;
  const { store } = deps;
  const ctx = { jobId: job.id, person: data.person, attempt: job.attempt };
  let replies: Reply[] = [];
  let newContext: ConversationContext | undefined;
  // On SMS / WhatsApp a person who opted out gets nothing, except the answer to START itself.
  const optedOut = data.target.channel === 'twilio' && (await isOptedOut(store, data.person));

  switch (data.kind) {
    case 'turn': {
      const parts = await takeBurst(store, data.person, data.seq, job.id);
      if (parts === null) return 'superseded';
      if (optedOut) {
        await releaseTakenBurst(store, job.id);
        return 'quiet';
      }
      await outbox.startWork(data.target).catch((err: Error) => log.debug({ err: err.message }, 'loading animation'));
      const { images, failures } = await fetchImages(outbox, parts, log);
      const started = Date.now();
      const result = await respondToTurn(deps, {
        parts,
        images,
        imageFailures: failures,
        context: await loadContext(store, data.person),
        langHint: data.lang,
        channel: data.target.channel,
        offerChannel: offerChannelOf(data.target),
      });
      if (result.replies.some((r) => r.kind === 'verdict')) {
        deps.metrics.consultSeconds.observe((Date.now() - started) / 1000);
      }
      replies = result.replies;
      newContext = result.context;
      break;
    }
    case 'postback': {
      if (data.topic === 'subscribe') {
        await subscribe(store, deps.ids, data.person, data.target, data.lang);
        replies = [{ kind: 'notice', notice: 'subscribed', lang: data.lang }];
      } else {
        replies = [respondToPostback(data.topic, data.consultId, await loadContext(store, data.person), data.lang)];
      }
      break;
    }
    case 'notice':
      replies = [{ kind: 'notice', notice: data.notice, lang: data.lang }];
      break;
    case 'command':
      replies = await runCommand(deps, data, data.command);
      break;
  }

  const startingAgain = data.kind === 'command' && data.command === 'start';
  if ((optedOut && !startingAgain) || replies.length === 0) {
    if (data.kind === 'turn') await releaseTakenBurst(store, job.id);
    return 'quiet';
  }
  // Remember the consultation before answering, so a quick tap on a button finds it.
  if (newContext !== undefined) await saveContext(store, data.person, newContext, deps.contextTtlMs);
  await outbox.send(data.target, replies, ctx);
  await store.set(keys.delivered(job.id), '1', DELIVERED_TTL_MS);
  // After the delivered marker, so a retried job cannot count one consultation twice (weekly tips, src/tips/).
  for (const r of replies) {
    if (r.kind !== 'verdict') continue;
    const facts = { ...r.verdict, channel: data.target.channel };
    await recordConsultation(store, facts, deps.now()).catch((err: Error) => log.warn({ err: err.message }, 'trends'));
  }
  if (data.kind === 'command' && data.command === 'stop') await setOptedOut(store, data.person, true);
  if (data.kind === 'turn') await releaseTakenBurst(store, job.id);
  deps.metrics.answerSeconds.observe((Date.now() - data.acceptedAt) / 1000, { channel: data.target.channel });
  return 'answered';
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
    case 'stop': {
      await unsubscribe(store, data.person);
      // The confirmation goes first; the opt-out is recorded right after it is sent (worker.run).
      const replies = notice('opted_out');
      if (replies.length === 0) await setOptedOut(store, data.person, true);
      return replies;
    }
    case 'start':
      // START is the SMS way back in: messages resume and so do the weekly tips (the STOP/START).
      await setOptedOut(store, data.person, false);
      await subscribe(store, deps.ids, data.person, data.target, data.lang);
      return notice('opted_in');
    case 'help':
      return notice('help');
  }
}

/** Screenshots judged per consultation; more in one burst are not fetched (a person sends one or two). */
export const MAX_IMAGES_PER_TURN = MAX_IMAGES_PER_CONSULTATION;

async function fetchImages(
  outbox: Outbox<Target>,
  parts: BurstPart[],
  log: Log,
): Promise<{ images: ImagePart[]; failures: number }> {
  const images: ImagePart[] = [];
  let failures = 0;
  for (const p of parts) {
    if (p.image === undefined || images.length + failures >= MAX_IMAGES_PER_TURN) continue;
    try {
      images.push(await outbox.fetchImage(p.image));
    } catch (err) {
      failures += 1;
      log.info({ err: { name: (err as Error).name, message: (err as Error).message } }, 'image not fetched');
    }
  }
  return { images, failures };
}
