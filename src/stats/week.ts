// ISO weeks (YYYY-Www) as the people served live them: weekly trends and tips are counted in the configured
// TZ (Asia/Tokyo unless set), the zone the tips cron runs in, whatever clock the servers keep; so a consultation
// at 08:00 JST on a Monday belongs to that Monday's week. Callers pass config.TZ down.
// ISO 8601 week dates: weeks start on Monday; week 1 is the one holding the year's first Thursday.

/** TZ's default (config.ts): the service was built for people in Japan. */
export const DEFAULT_TZ = 'Asia/Tokyo';
const DAY_MS = 86_400_000;
const WEEK_PATTERN = /^(\d{4})-W(\d{2})$/;

export class WeekError extends Error {
  override name = 'WeekError';
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** The calendar date (year, month 1-12, day) of an instant in a time zone. */
export function calendarDate(at: Date, tz: string): { y: number; m: number; d: number } {
  let f = dateFormats.get(tz);
  if (f === undefined) {
    f = new Intl.DateTimeFormat('en-CA', { timeZone: tz, year: 'numeric', month: '2-digit', day: '2-digit' });
    dateFormats.set(tz, f);
  }
  const [y, m, d] = f.format(at).split('-').map(Number) as [number, number, number];
  return { y, m, d };
}

function isoWeekOfDate(y: number, m: number, d: number): { year: number; week: number } {
  const date = Date.UTC(y, m - 1, d);
  const dow = (new Date(date).getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  const thursday = date + (3 - dow) * DAY_MS;
  const year = new Date(thursday).getUTCFullYear();
  const week = 1 + Math.floor((thursday - Date.UTC(year, 0, 1)) / (7 * DAY_MS));
  return { year, week };
}

const format = (year: number, week: number) => `${year}-W${String(week).padStart(2, '0')}`;

/** The ISO week of an instant, in `tz` (config.TZ; Asia/Tokyo unless told). */
export function isoWeekOf(at: Date, tz: string = DEFAULT_TZ): string {
  const { y, m, d } = calendarDate(at, tz);
  const { year, week } = isoWeekOfDate(y, m, d);
  return format(year, week);
}

function weeksInYear(year: number): number {
  // A year has 53 ISO weeks when 28 December falls in week 53.
  return isoWeekOfDate(year, 12, 28).week;
}

/** Checks YYYY-Www (e.g. 2026-W48); throws WeekError saying what is wrong. */
export function parseWeek(s: string): { year: number; week: number } {
  const m = WEEK_PATTERN.exec(s.trim());
  if (m === null) throw new WeekError(`"${s}" is not a week: write it as YYYY-Www, e.g. 2026-W48`);
  const year = Number(m[1]);
  const week = Number(m[2]);
  if (week < 1 || week > weeksInYear(year)) throw new WeekError(`${year} has no week ${week}`);
  return { year, week };
}

/** Monday of the week, as a UTC midnight timestamp of that calendar date. */
function mondayUtc(week: string): number {
  const { year, week: w } = parseWeek(week);
  const jan4 = Date.UTC(year, 0, 4);
  const jan4dow = (new Date(jan4).getUTCDay() + 6) % 7;
  return jan4 - jan4dow * DAY_MS + (w - 1) * 7 * DAY_MS;
}

/** The calendar date of the week's Monday. */
export function weekMonday(week: string): { y: number; m: number; d: number } {
  const t = new Date(mondayUtc(week));
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

/** The week `n` weeks after (negative: before) `week`. */
export function shiftWeek(week: string, n: number): string {
  const t = new Date(mondayUtc(week) + n * 7 * DAY_MS);
  const { year, week: w } = isoWeekOfDate(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
  return format(year, w);
}

/** Orders weeks: negative when a is before b. */
export function compareWeeks(a: string, b: string): number {
  return mondayUtc(a) - mondayUtc(b);
}
