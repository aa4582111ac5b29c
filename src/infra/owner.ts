// Who holds a lease: host, process id and a random part, so that a holder on this host whose process is
// gone (killed, crashed) can be recognised and taken over at once instead of waiting for the lease to end.
import { randomUUID } from 'node:crypto';
import os from 'node:os';

const SEPARATOR = '|';

export function processOwnerId(): string {
  return [os.hostname(), process.pid, randomUUID().slice(0, 8)].join(SEPARATOR);
}

/** True only for a holder on this host whose process no longer exists; unknown or remote holders are alive. */
export function isDeadLocalOwner(holder: string): boolean {
  const [host, pidText] = holder.split(SEPARATOR);
  const pid = Number(pidText);
  if (host !== os.hostname() || !Number.isInteger(pid) || pid <= 0 || pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return false;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'ESRCH';
  }
}
