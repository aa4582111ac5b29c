// Reading back what we stored. Every JSON value read from the store (or a file we wrote) is checked against
// the schema kept next to its type, so a value damaged on disk, written by hand or by another version, fails
// here with an error naming what was stored and what was wrong, instead of deep inside a worker.
//
// Errors never quote the value: stored values hold what people sent, and keys hold person ids. So a problem
// is described by the schema's own field path and zod's message ("expected string, received number"), and
// JSON that does not parse only as "not JSON" (V8's SyntaxError quotes the text). Schemas read here keep data
// out of their paths: no records keyed by person ids.
import type { z } from 'zod';
import { type PersonIds, SealedValueError } from '../ids.ts';
import type { Log } from '../log.ts';
import type { Metrics } from '../metrics.ts';

/** A stored value that is not what its schema says. `what` names the value ("delivery record"), never a key. */
export class StoredValueError extends Error {
  override name = 'StoredValueError';
  constructor(
    readonly what: string,
    readonly problem: string,
  ) {
    super(`the stored ${what} cannot be read: ${problem}`);
  }
}

/** At most this many problems in one message: one is usually enough to see what happened. */
const MAX_PROBLEMS = 3;

function describeIssues(error: z.ZodError): string {
  const lines = error.issues
    .slice(0, MAX_PROBLEMS)
    .map((i) => `${i.path.length > 0 ? i.path.map(String).join('.') : '(the value)'}: ${i.message}`);
  const more = error.issues.length - MAX_PROBLEMS;
  return lines.join('; ') + (more > 0 ? ` (and ${more} more)` : '');
}

function check<S extends z.ZodType>(schema: S, value: unknown, what: string): z.output<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new StoredValueError(what, describeIssues(parsed.error));
  return parsed.data;
}

/** Parses a stored JSON value and checks it. Throws StoredValueError. */
export function readJson<S extends z.ZodType>(schema: S, raw: string, what: string): z.output<S> {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    throw new StoredValueError(what, 'not JSON');
  }
  return check(schema, value, what);
}

/** Opens a sealed JSON value (infra/ids.ts sealJson) and checks it. Throws StoredValueError. */
export function readSealedJson<S extends z.ZodType>(ids: PersonIds, schema: S, raw: string, what: string): z.output<S> {
  let value: unknown;
  try {
    value = ids.openJson(raw);
  } catch (err) {
    if (err instanceof SealedValueError) throw new StoredValueError(what, err.message);
    throw new StoredValueError(what, 'not JSON');
  }
  return check(schema, value, what);
}

/** Told of each stored value a reader could not read and went on without. */
export type UnreadableReport = (err: StoredValueError) => void;

/** Logs (what and why, never the value or its key) and counts each unreadable value by what it was. */
export function unreadableReporter(log: Pick<Log, 'warn'> | undefined, metrics: Metrics | undefined): UnreadableReport {
  return (err) => {
    metrics?.storedUnreadable.inc({ what: err.what });
    log?.warn({ stored: err.what, problem: err.problem }, 'store: an unreadable value was treated as absent');
  };
}

/**
 * For readers that can go on without the value: its reading, or undefined when it is unreadable (reported).
 * Other errors (the store is down) still throw.
 */
export function orAbsent<T>(read: () => T, report: UnreadableReport | undefined): T | undefined {
  try {
    return read();
  } catch (err) {
    if (!(err instanceof StoredValueError)) throw err;
    report?.(err);
    return undefined;
  }
}
