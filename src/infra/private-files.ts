// DATA_DIR holds what the store keeps about people and the key that seals it: only the service's own user
// may read it. Directories are made 0700 and files 0600 whatever the umask, and files an older version left
// readable by others (0644 / 0755) are tightened when they are opened.
import fs from 'node:fs';

export const PRIVATE_DIR_MODE = 0o700;
export const PRIVATE_FILE_MODE = 0o600;

/** Takes away group and other permissions; a path owned by another user is left as it is. */
function tighten(p: string, mode: number): void {
  const st = fs.statSync(p);
  if ((st.mode & 0o777 & ~mode) === 0) return;
  try {
    fs.chmodSync(p, st.mode & mode);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EPERM') throw err;
  }
}

/** Makes `dir` (and any missing parent) with 0700, or tightens it to that. */
export function ensurePrivateDir(dir: string): void {
  fs.mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  tighten(dir, PRIVATE_DIR_MODE);
}

/** Creates `file` empty with 0600 when it is missing, or tightens it to that; its folder is made private too. */
export function ensurePrivateFile(file: string, dir: string): void {
  ensurePrivateDir(dir);
  fs.closeSync(fs.openSync(file, 'a', PRIVATE_FILE_MODE));
  tighten(file, PRIVATE_FILE_MODE);
}

/** Tightens `file` to 0600 when it exists (a SQLite -wal / -shm an older version made). */
export function tightenIfPresent(file: string): void {
  try {
    tighten(file, PRIVATE_FILE_MODE);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
}
