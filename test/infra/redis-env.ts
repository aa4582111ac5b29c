// Tests that need Redis talk to a real one: REDIS_URL, or the local default that .ci/run starts.
import { randomUUID } from 'node:crypto';

export const TEST_REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

/** A key prefix no other test run shares, so runs can clean up after themselves without touching others. */
export function uniquePrefix(label: string): string {
  return `anshin-test:${label}:${randomUUID().slice(0, 8)}:`;
}
