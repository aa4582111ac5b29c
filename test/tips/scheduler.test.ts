// The weekly schedule: the embedded timer (catch-up after a missed firing, else the next Monday 10:00 JST)
// and the BullMQ job scheduler in Redis mode (one scheduler however many processes start it).
import { Queue } from 'bullmq';
import { afterEach, describe, expect, it } from 'vitest';
import { parseCron } from '../../src/infra/cron.ts';
import { silentLog } from '../../src/infra/log.ts';
import {
  startEmbeddedScheduler,
  startTipsScheduler,
  TIPS_QUEUE,
  type TipsScheduler,
} from '../../src/tips/scheduler.ts';
import { until } from '../conversation/harness.ts';
import { TEST_REDIS_URL, uniquePrefix } from '../infra/redis-env.ts';

const config = { TIPS_CRON: '0 10 * * 1', TZ: 'Asia/Tokyo', REDIS_URL: undefined };
const open: TipsScheduler[] = [];
afterEach(async () => {
  for (const s of open.splice(0)) await s.close();
});

describe('embedded tips scheduler', () => {
  it('sends this week at once when the process was down at Monday 10:00', async () => {
    const weeks: string[] = [];
    const thursday = new Date('2026-11-26T05:00:00Z');
    const s = startEmbeddedScheduler(
      { config, log: silentLog, now: () => thursday, run: async (w) => void weeks.push(w) },
      parseCron(config.TIPS_CRON),
    );
    open.push(s);
    await until(() => weeks.length === 1, 'the catch-up send');
    expect(weeks).toEqual(['2026-W48']);
    await until(() => s.next() !== null, 'the next firing');
    expect(s.next()?.toISOString()).toBe('2026-11-30T01:00:00.000Z');
  });

  it('waits for Monday 10:00 Tokyo time when started before it', () => {
    const weeks: string[] = [];
    const mondayEarly = new Date('2026-11-22T22:00:00Z'); // Mon 07:00 JST
    const s = startEmbeddedScheduler(
      { config, log: silentLog, now: () => mondayEarly, run: async (w) => void weeks.push(w) },
      parseCron(config.TIPS_CRON),
    );
    open.push(s);
    expect(s.next()?.toISOString()).toBe('2026-11-23T01:00:00.000Z');
    expect(weeks).toEqual([]);
  });

  it('names the week in TZ, as the counters do: a firing just after midnight on Monday sends the new week', async () => {
    const weeks: string[] = [];
    const auckland = { ...config, TIPS_CRON: '30 0 * * 1', TZ: 'Pacific/Auckland' };
    // Mon 30 Nov 2026 02:00 NZDT; the firing at 00:30 was missed. In Tokyo it is still Sunday (week 48).
    const mondayNight = new Date('2026-11-29T13:00:00Z');
    const s = startEmbeddedScheduler(
      { config: auckland, log: silentLog, now: () => mondayNight, run: async (w) => void weeks.push(w) },
      parseCron(auckland.TIPS_CRON),
    );
    open.push(s);
    await until(() => weeks.length === 1, 'the catch-up send');
    expect(weeks).toEqual(['2026-W49']);
  });
});

describe('BullMQ tips scheduler', () => {
  it('keeps one job scheduler in Redis however many processes start it, in Tokyo time', async () => {
    const prefix = uniquePrefix('tips-bull').slice(0, -1);
    const redisConfig = { ...config, REDIS_URL: TEST_REDIS_URL };
    const run = async () => {};
    for (let i = 0; i < 3; i++)
      open.push(await startTipsScheduler({ config: redisConfig, log: silentLog, run, bullPrefix: prefix }));
    expect(open.every((s) => s.kind === 'bullmq')).toBe(true);
    const { createNodeRedisClient } = await import('bullmq');
    const { createClient } = await import('redis');
    const queue = new Queue(TIPS_QUEUE, {
      connection: createNodeRedisClient(createClient({ url: TEST_REDIS_URL })),
      prefix,
    });
    try {
      const schedulers = await queue.getJobSchedulers();
      expect(schedulers).toHaveLength(1);
      expect(schedulers[0]).toMatchObject({ pattern: '0 10 * * 1', tz: 'Asia/Tokyo' });
      expect(await queue.getDelayedCount()).toBe(1);
    } finally {
      for (const s of open.splice(0)) await s.close();
      await queue.obliterate({ force: true });
      await queue.close();
    }
  });
});
