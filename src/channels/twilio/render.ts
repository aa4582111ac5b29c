// Replies → one SMS / WhatsApp text within two segments, plus a link to the full answer page.
// Two segments: 2 × 153 GSM-7 characters, or 2 × 67 UTF-16 units when any character needs UCS-2
// (all Japanese text does). https://www.twilio.com/docs/glossary/what-sms-character-limit

import { followUpText } from '../../conversation/answer-text.ts';
import { noticeText } from '../../conversation/notices.ts';
import type { Reply } from '../../conversation/types.ts';
import type { Lang, Verdict } from '../../domain.ts';
import { WORDS } from '../../words/book.ts';

const GSM7_SEGMENT_CHARS = 153;
const UCS2_SEGMENT_UNITS = 67;
export const MAX_SEGMENTS = 2;

// GSM 03.38 basic set and the extension table (extension characters count twice).
const GSM7_BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
const GSM7_EXTENDED = '^{}\\[~]|€';

function gsm7Length(text: string): number | null {
  let n = 0;
  for (const ch of text) {
    if (GSM7_BASIC.includes(ch)) n += 1;
    else if (GSM7_EXTENDED.includes(ch)) n += 2;
    else return null;
  }
  return n;
}

/** Whether the text fits in MAX_SEGMENTS SMS segments. */
export function fitsSegments(text: string): boolean {
  const gsm = gsm7Length(text);
  return gsm !== null ? gsm <= GSM7_SEGMENT_CHARS * MAX_SEGMENTS : text.length <= UCS2_SEGMENT_UNITS * MAX_SEGMENTS;
}

/** Cuts `body` (at a line end where possible) so that body + tail fits in MAX_SEGMENTS. */
export function fitSms(body: string, tail = ''): string {
  const join = (b: string) => (tail ? `${b}\n${tail}` : b);
  if (fitsSegments(join(body))) return join(body);
  // An ellipsis is not in GSM-7: it would turn an English text into UCS-2 and halve the room.
  const dots = gsm7Length(body) !== null ? '...' : '…';
  let lo = 0;
  let hi = body.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (fitsSegments(join(`${body.slice(0, mid)}${dots}`))) lo = mid;
    else hi = mid - 1;
  }
  let cut = body.slice(0, lo);
  // Never leave half of a surrogate pair.
  if (/[\ud800-\udbff]$/.test(cut)) cut = cut.slice(0, -1);
  return join(`${cut}${dots}`);
}

/** Adds whole lines in order while they fit with the tail; the first line is cut if even it does not fit. */
function fitLines(lines: string[], tail: string): string {
  let body = '';
  for (const l of lines) {
    const next = body ? `${body}\n${l}` : l;
    if (!fitsSegments(tail ? `${next}\n${tail}` : next)) break;
    body = next;
  }
  return body ? (tail ? `${body}\n${tail}` : body) : fitSms(lines[0] ?? '', tail);
}

/** What was read from a screenshot, cut short enough to leave room for the steps in two segments. */
const READ_LINE_MAX_CHARS = 60;

function verdictLines(v: Verdict, imagesUnread: boolean): string[] {
  const words = WORDS[v.lang];
  const { word, subline } = words.answer.levels[v.level];
  const type = v.scamType !== 'none' ? words.answer.scamTypes[v.scamType] : subline;
  const head = v.lang === 'ja' ? `【${word}】${type}` : `${word}: ${type}`;
  const note = imagesUnread ? [words.channels.twilio.imageNoteShort] : [];
  // With a screenshot, what was read comes first so the person can see it was read right; the evidence follows.
  if (v.readFromImages) {
    const read = (v.reasons[0] ?? '').slice(0, READ_LINE_MAX_CHARS);
    return [head, read, ...note, ...v.advice.slice(0, 2), ...v.reasons.slice(1, 2)];
  }
  return [head, ...note, ...v.advice.slice(0, 2), ...v.reasons.slice(0, 1)];
}

/** The text of one reply; `link` is the full answer page, when this reply has one. */
export function renderTwilioText(reply: Reply, link: string | null): string {
  const tail = (lang: Lang) => (link ? `${WORDS[lang].channels.twilio.more} ${link}` : '');
  switch (reply.kind) {
    case 'verdict':
      return fitLines(verdictLines(reply.verdict, reply.imagesUnread), tail(reply.verdict.lang));
    case 'followup': {
      const v = reply.verdict;
      const text = reply.topic === 'detail' ? verdictLines(v, false) : followUpText(reply.topic, v).split('\n');
      return fitLines(text, tail(v.lang));
    }
    case 'notice':
      return fitSms(noticeText(reply.notice, reply.lang));
  }
}
