// Replies → one SMS / WhatsApp text within two segments, plus a link to the full answer page.
// Two segments: 2 × 153 GSM-7 characters, or 2 × 67 UTF-16 units when any character needs UCS-2
// (all Japanese text does). https://www.twilio.com/docs/glossary/what-sms-character-limit
import { renderVerdictText } from '../../consult/render.ts';
import type { Lang } from '../../domain.ts';
import { followUpText } from '../../conversation/answer-text.ts';
import { noticeText } from '../../conversation/notices.ts';
import type { Reply } from '../../conversation/types.ts';

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
  let lo = 0;
  let hi = body.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (fitsSegments(join(`${body.slice(0, mid)}…`))) lo = mid;
    else hi = mid - 1;
  }
  let cut = body.slice(0, lo);
  const nl = cut.lastIndexOf('\n');
  if (nl > lo / 2) cut = cut.slice(0, nl);
  // Never leave half of a surrogate pair.
  if (/[\ud800-\udbff]$/.test(cut)) cut = cut.slice(0, -1);
  return join(`${cut}…`);
}

const MORE: Record<Lang, string> = { ja: '詳しく:', en: 'More:' };
const IMAGE_NOTE_SHORT: Record<Lang, string> = {
  ja: '※画像はまだ読めないため文章で判定',
  en: 'Pictures cannot be read yet; text only.',
};

/** The text of one reply; `link` is the full answer page, when this reply has one. */
export function renderTwilioText(reply: Reply, link: string | null): string {
  const tail = (lang: Lang) => (link ? `${MORE[lang]} ${link}` : '');
  switch (reply.kind) {
    case 'verdict': {
      const v = reply.verdict;
      const text = renderVerdictText(v, { detail: 'short' });
      const withNote = reply.imagesUnread ? `${IMAGE_NOTE_SHORT[v.lang]}\n${text}` : text;
      return fitSms(withNote, tail(v.lang));
    }
    case 'followup': {
      const v = reply.verdict;
      const text = reply.topic === 'detail' ? renderVerdictText(v, { detail: 'short' }) : followUpText(reply.topic, v);
      return fitSms(text, tail(v.lang));
    }
    case 'notice':
      return fitSms(noticeText(reply.notice, reply.lang));
  }
}
