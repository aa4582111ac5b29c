// The answer a webhook gives when it cannot queue an event: 503 with Retry-After, so the platform delivers
// it again later, never a 200 for an event that was not kept.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { BacklogFullError } from '../conversation/ingest.ts';

/** A store or queue that failed (Redis unreachable, disk full): try again soon. */
const STORE_RETRY_AFTER_S = 5;

export function sendUnavailable(req: FastifyRequest, reply: FastifyReply, err: unknown, channel: string) {
  if (err instanceof BacklogFullError) {
    return reply
      .code(503)
      .header('retry-after', String(err.retryAfterSeconds))
      .send({ error: 'busy: deliver again later' });
  }
  req.log.error({ err: { name: (err as Error).name, message: (err as Error).message }, channel }, 'event not queued');
  return reply
    .code(503)
    .header('retry-after', String(STORE_RETRY_AFTER_S))
    .send({ error: 'unavailable: deliver again later' });
}
