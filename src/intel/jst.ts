// Dates in the intel store are ISO 8601 in Japan time (+09:00), the zone the JPCERT/CC feed writes in.
// Keeping one offset everywhere makes the stored strings compare correctly as plain text, which the
// "earliest listing wins" rule in the store relies on.

const JST_OFFSET_MS = 9 * 60 * 60 * 1000;

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** `date` as `YYYY-MM-DDTHH:MM:SS+09:00`. */
export function toJstIso(date: Date): string {
  const j = new Date(date.getTime() + JST_OFFSET_MS);
  return (
    `${pad(j.getUTCFullYear(), 4)}-${pad(j.getUTCMonth() + 1)}-${pad(j.getUTCDate())}` +
    `T${pad(j.getUTCHours())}:${pad(j.getUTCMinutes())}:${pad(j.getUTCSeconds())}+09:00`
  );
}

const JST_WALL_CLOCK = /^(\d{4})[/-](\d{1,2})[/-](\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;

/**
 * A feed's wall-clock date in Japan time (`2024/01/04 10:02:00`, `2024-01-04`) or a full ISO timestamp with
 * its own offset (`2025-07-19T12:11:28Z`), as JST ISO. Null when blank or not a real date.
 */
export function parseFeedDate(text: string): string | null {
  const s = text.trim();
  if (s === '') return null;
  const m = JST_WALL_CLOCK.exec(s);
  if (m) {
    const [y, mo, d, h, mi, sec] = [m[1], m[2], m[3], m[4] ?? '0', m[5] ?? '0', m[6] ?? '0'].map(Number) as [
      number,
      number,
      number,
      number,
      number,
      number,
    ];
    const utc = Date.UTC(y, mo - 1, d, h, mi, sec) - JST_OFFSET_MS;
    const back = new Date(utc + JST_OFFSET_MS);
    // Date.UTC rolls 2024/02/31 over into March: refuse instead of storing a date the feed never wrote.
    if (back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d || h > 23 || mi > 59 || sec > 59) return null;
    return toJstIso(new Date(utc));
  }
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})$/.test(s)) {
    const t = Date.parse(s);
    return Number.isNaN(t) ? null : toJstIso(new Date(t));
  }
  return null;
}
