import { RedisStore } from '../../src/infra/store/redis.ts';
import type { Store } from '../../src/infra/store/store.ts';
import { TEST_REDIS_URL, uniquePrefix } from './redis-env.ts';
import { storeContract } from './store-contract.ts';

storeContract(
  'redis',
  async () => RedisStore.connect({ url: TEST_REDIS_URL, prefix: uniquePrefix('store') }),
  async (s: Store) => (s as RedisStore).deleteAllWithPrefix(),
);
