// A node-redis connection handed to BullMQ (bullmq 6 takes node-redis through createNodeRedisClient,
// STACK.md). BullMQ treats a connection it was given as shared and never closes it, so whoever makes one
// closes it after the Queue or Worker: otherwise its socket keeps the process alive after shutdown.
import { createNodeRedisClient } from 'bullmq';
import { createClient } from 'redis';

export class OwnedRedisConnection {
  readonly #raw: ReturnType<typeof createClient>;
  /** For BullMQ's `connection` option. */
  readonly connection: ReturnType<typeof createNodeRedisClient>;

  /**
   * failFast: no offline queue, so while Redis is unreachable commands fail at once (a webhook answers 503)
   * instead of waiting for the reconnection. Workers keep the queue: they wait for Redis to come back.
   */
  constructor(url: string, opts: { failFast?: boolean } = {}) {
    this.#raw = createClient({ url, ...(opts.failFast ? { disableOfflineQueue: true } : {}) });
    // Without a listener, a dropped connection would crash the process; node-redis reconnects by itself.
    this.#raw.on('error', () => {});
    this.connection = createNodeRedisClient(this.#raw);
  }

  async close(): Promise<void> {
    if (!this.#raw.isOpen) return;
    await this.#raw.close().catch(() => this.#raw.destroy());
  }
}
