// Characters a person cannot see, which scam senders use to hide or reorder text and to slip cue words past
// filters: zero-width (U+200B-U+200D, U+2060-U+2064, U+FEFF, U+180E, soft hyphen U+00AD), bidi controls (U+200E,
// U+200F, U+061C, U+202A-U+202E, U+2066-U+2069), the deprecated format characters U+206A-U+206F and Unicode
// tags (U+E0000-U+E007F). See https://www.unicode.org/reports/tr9/ and UTS #39 on spoofing.

/** Every invisible character; global, for replace() and counting (never test(), which would keep state). */
export const INVISIBLE_RE =
  /[\u00AD\u061C\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u206F\uFEFF]|[\u{E0000}-\u{E007F}]/gu;

/** C0 and C1 controls and DEL, except tab and newline; global, for replace(). */
export const CONTROL_RE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;

/** NFKC (full-width look-alikes become plain ASCII), then invisible characters and controls removed. */
export function stripInvisible(s: string): string {
  return s.normalize('NFKC').replace(INVISIBLE_RE, '').replace(CONTROL_RE, '');
}
