// Sealed payloads over both queues: the contract still holds, the stored payload and a failed attempt's
// record hold nothing raw, and jobs an older version queued unsealed (or that no key can open) are handled.
import { createClient } from 'redis';
import { afterEach, describe, expect, it } from 'vitest';
import { PersonIds } from '../../src/infra/ids.ts';
import { BullQueue } from '../../src/infra/queue/bullmq.ts';
import { EmbeddedQueue } from '../../src/infra/queue/embedded.ts';
import { type SealedPayload, SealedQueue } from '../../src/infra/queue/sealed.ts';
import { SqliteStore } from '../../src/infra/store/sqlite.ts';
import { queueContract } from './queue-contract.ts';
import { TEST_REDIS_URL, uniquePrefix } from './redis-env.ts';

const ids = new PersonIds(Buffer.from('queue-test-key-0123456789'));
const PHONE = '+447700900888';

interface Payload {
  n: number;
  to?: string;
}

let store: SqliteStore | undefined;
queueContract(
  'sealed embedded',
  async () => {
    store = new SqliteStore({ file: ':memory:' });
    return new SealedQueue(new EmbeddedQueue<SealedPayload>(store, { maxAttempts: 3, backoff: () => 50 }), ids);
  },
  async () => {
    await store?.close();
  },
);

let prefix = '';
queueContract(
  'sealed bullmq',
  async () => {
    prefix = uniquePrefix('sealed');
    return new SealedQueue(
      new BullQueue<SealedPayload>({ url: TEST_REDIS_URL, prefix, maxAttempts: 3, backoffBaseMs: 50 }),
      ids,
    );
  },
  async () => {
    const cleaner = new BullQueue({ url: TEST_REDIS_URL, prefix });
    await cleaner.obliterate();
    await cleaner.close();
  },
);

async function until(check: () => boolean | Promise<boolean>, what: string): Promise<void> {
  const start = Date.now();
  while (!(await check())) {
    if (Date.now() - start > 10_000) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('SealedQueue', () => {
  const open: { close(): Promise<void> }[] = [];
  afterEach(async () => {
    for (const o of open.splice(0).reverse()) await o.close();
  });

  function embedded() {
    const s = new SqliteStore({ file: ':memory:' });
    const inner = new EmbeddedQueue<SealedPayload>(s, { backoff: () => 50 });
    open.push(s, inner);
    return { store: s, inner };
  }

  it('runs a job an older version queued unsealed, and says so', async () => {
    const { store: s, inner } = embedded();
    // What an older version wrote: the payload itself.
    await (inner as unknown as EmbeddedQueue<Payload>).add('old', { n: 5 });
    const reports: string[] = [];
    const queue = new SealedQueue<Payload>(inner, ids, (job, reason) => reports.push(`${job} ${reason}`));
    const seen: Payload[] = [];
    await queue.process(async (job) => {
      seen.push(job.data);
    });
    await until(() => seen.length === 1, 'the old job');
    expect(seen).toEqual([{ n: 5 }]);
    expect(reports).toEqual(['old unsealed']);
    await until(async () => (await queue.counts()).active === 0, 'the job to finish');
    expect(s.db.prepare("SELECT data FROM jobs WHERE id = 'old'").get()).toEqual({ data: '' });
  });

  it('drops a job sealed under another key, with a report, instead of retrying it', async () => {
    const { store: s, inner } = embedded();
    await new SealedQueue<Payload>(inner, new PersonIds(Buffer.from('another-key-0123456789'))).add('other', { n: 6 });
    const reports: string[] = [];
    const queue = new SealedQueue<Payload>(inner, ids, (job, reason) => reports.push(`${job} ${reason}`));
    let ran = 0;
    await queue.process(async () => {
      ran += 1;
    });
    await until(() => reports.length === 1, 'the report');
    expect(reports).toEqual(['other unreadable']);
    expect(ran).toBe(0);
    await until(async () => (await queue.counts()).active === 0, 'the job to end');
    expect(s.db.prepare("SELECT attempts, data FROM jobs WHERE id = 'other'").get()).toEqual({ attempts: 1, data: '' });
  });

  it("keeps a failed attempt's message out of Redis: BullMQ records only the error's name", async () => {
    const bullPrefix = uniquePrefix('sealed-fail');
    const inner = new BullQueue<SealedPayload>({ url: TEST_REDIS_URL, prefix: bullPrefix, backoffBaseMs: 1_000 });
    const queue = new SealedQueue<Payload>(inner, ids);
    open.push({
      close: async () => {
        await inner.obliterate();
        await queue.close();
      },
    });
    let attempts = 0;
    await queue.add('fails-once', { n: 7, to: PHONE });
    await queue.process(async (job) => {
      attempts += 1;
      if (job.attempt === 1) {
        throw Object.assign(new Error(`The 'To' number ${job.data.to} is not a valid phone number.`), {
          name: 'PlatformError',
          status: 400,
        });
      }
    });
    await until(async () => attempts === 1 && (await queue.counts()).delayed === 1, 'the retry to wait');
    const client = createClient({ url: TEST_REDIS_URL });
    await client.connect();
    const stored: string[] = [];
    for await (const batch of client.scanIterator({ MATCH: `${bullPrefix}*`, COUNT: 500 })) {
      for (const key of batch)
        if ((await client.type(key)) === 'hash') stored.push(JSON.stringify(await client.hGetAll(key)));
    }
    await client.quit();
    const job = stored.find((v) => v.includes('failedReason'));
    expect(job).toBeDefined();
    expect(job).toContain('PlatformError (status 400)');
    for (const v of stored) expect(v).not.toContain(PHONE.slice(1));
    await until(() => attempts === 2, 'the retry');
  });
});
