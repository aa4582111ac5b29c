// Five-field cron patterns (minute hour day-of-month month day-of-week) evaluated in a time zone, for the
// embedded tips scheduler (tips/scheduler.ts) and for config.ts, which refuses a TIPS_CRON it cannot read; it
// lives here, below both. BullMQ evaluates the same TIPS_CRON itself in Redis mode. Supports *, lists, ranges,
// steps and three-letter month and day names; as in Vixie cron, when both day fields are restricted a day
// matching either one fires. https://man7.org/linux/man-pages/man5/crontab.5.html
const MINUTE_MS = 60_000;
/** A weekly pattern fires within 7 days; a monthly one within 31; give up after a year. */
const SEARCH_LIMIT_MINUTES = 366 * 24 * 60;

export class CronError extends Error {
  override name = 'CronError';
}

interface Field {
  values: Set<number>;
  /** The field was "*" (matters for the day-of-month / day-of-week rule). */
  any: boolean;
}

export interface CronPattern {
  source: string;
  minute: Field;
  hour: Field;
  dom: Field;
  month: Field;
  dow: Field;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const DAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

function parseField(text: string, name: string, min: number, max: number, names: string[] = [], base = 0): Field {
  const values = new Set<number>();
  const num = (s: string): number => {
    const i = names.indexOf(s.toLowerCase());
    const n = i >= 0 ? i + base : Number(s);
    if (!Number.isInteger(n) || n < min || n > max) throw new CronError(`${name}: "${s}" is not in ${min}-${max}`);
    return n;
  };
  for (const part of text.split(',')) {
    const [range, stepText] = part.split('/') as [string, string | undefined];
    const step = stepText === undefined ? 1 : Number(stepText);
    if (!Number.isInteger(step) || step < 1) throw new CronError(`${name}: bad step in "${part}"`);
    let lo: number;
    let hi: number;
    if (range === '*') [lo, hi] = [min, max];
    else if (range.includes('-')) {
      const [a, b] = range.split('-') as [string, string];
      [lo, hi] = [num(a), num(b)];
      if (lo > hi) throw new CronError(`${name}: range "${range}" runs backwards`);
    } else {
      lo = num(range);
      hi = stepText === undefined ? lo : max;
    }
    for (let v = lo; v <= hi; v += step) values.add(v);
  }
  return { values, any: text === '*' };
}

export function parseCron(source: string): CronPattern {
  const parts = source.trim().split(/\s+/);
  if (parts.length !== 5) {
    throw new CronError(`"${source}" needs 5 fields (minute hour day month weekday), e.g. "0 10 * * 1"`);
  }
  const [mi, h, dom, mo, dow] = parts as [string, string, string, string, string];
  const dowField = parseField(dow, 'day of week', 0, 7, DAYS);
  // 7 is Sunday too.
  if (dowField.values.delete(7)) dowField.values.add(0);
  return {
    source,
    minute: parseField(mi, 'minute', 0, 59),
    hour: parseField(h, 'hour', 0, 23),
    dom: parseField(dom, 'day of month', 1, 31),
    month: parseField(mo, 'month', 1, 12, MONTHS, 1),
    dow: dowField,
  };
}

const wallFormats = new Map<string, Intl.DateTimeFormat>();

interface Wall {
  minute: number;
  hour: number;
  dom: number;
  month: number;
  dow: number;
}

function wallClock(t: number, tz: string): Wall {
  let f = wallFormats.get(tz);
  if (f === undefined) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: tz,
      hourCycle: 'h23',
      month: 'numeric',
      day: 'numeric',
      weekday: 'short',
      hour: 'numeric',
      minute: 'numeric',
    });
    wallFormats.set(tz, f);
  }
  const p: Record<string, string> = {};
  for (const part of f.formatToParts(new Date(t))) p[part.type] = part.value;
  return {
    minute: Number(p.minute),
    hour: Number(p.hour),
    dom: Number(p.day),
    month: Number(p.month),
    dow: DAYS.indexOf((p.weekday ?? '').toLowerCase()),
  };
}

function dayMatches(c: CronPattern, w: Wall): boolean {
  const dom = c.dom.values.has(w.dom);
  const dow = c.dow.values.has(w.dow);
  if (c.dom.any || c.dow.any) return (c.dom.any || dom) && (c.dow.any || dow);
  return dom || dow;
}

function matches(c: CronPattern, w: Wall): boolean {
  return c.minute.values.has(w.minute) && c.hour.values.has(w.hour) && c.month.values.has(w.month) && dayMatches(c, w);
}

/** The first firing strictly after `after`, in time zone `tz`. */
export function nextFire(c: CronPattern, after: Date, tz: string): Date {
  let t = Math.floor(after.getTime() / MINUTE_MS) * MINUTE_MS + MINUTE_MS;
  for (let i = 0; i < SEARCH_LIMIT_MINUTES; i++) {
    const w = wallClock(t, tz);
    if (matches(c, w)) return new Date(t);
    // Skip the rest of an hour that cannot match.
    t += !c.hour.values.has(w.hour) || !dayMatches(c, w) ? (60 - w.minute) * MINUTE_MS : MINUTE_MS;
  }
  throw new CronError(`"${c.source}" never fires`);
}

/** The last firing at or before `before`, or null when there was none within `withinMs`. */
export function previousFire(c: CronPattern, before: Date, tz: string, withinMs: number): Date | null {
  const floor = before.getTime() - withinMs;
  let t = Math.floor(before.getTime() / MINUTE_MS) * MINUTE_MS;
  while (t >= floor) {
    const w = wallClock(t, tz);
    if (matches(c, w)) return new Date(t);
    t -= !c.hour.values.has(w.hour) || !dayMatches(c, w) ? (w.minute + 1) * MINUTE_MS : MINUTE_MS;
  }
  return null;
}
