import { BullQueue } from '../../src/infra/queue/bullmq.ts';
import { queueContract } from './queue-contract.ts';
import { TEST_REDIS_URL, uniquePrefix } from './redis-env.ts';

let queue: BullQueue<{ n: number }> | undefined;
let prefix = '';
queueContract(
  'bullmq',
  async () => {
    prefix = uniquePrefix('queue');
    queue = new BullQueue({ url: TEST_REDIS_URL, prefix, maxAttempts: 3, backoffBaseMs: 50 });
    return queue;
  },
  async () => {
    const cleaner = new BullQueue({ url: TEST_REDIS_URL, prefix });
    await cleaner.obliterate();
    await cleaner.close();
  },
);
