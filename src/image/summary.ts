// What the answer says about the pictures: what was read (shortened, links defanged and numbers with their last
// digits hidden, so the person can see whether we read it right but cannot tap or dial from it — the text may
// come from a vision model, LLM_VISION), plainly that nothing could be read, or why a picture could not be opened.
import type { Lang, Signal, UrlIndicator, Verdict } from '../domain.ts';
import { maskPhone } from '../evidence/phone-signals.ts';
import { defangText, defangUrl } from '../extract/defang.ts';
import { MAX_IMAGES_PER_CONSULTATION } from '../limits.ts';
import { WORDS } from '../words/book.ts';
import { signalDetail } from '../words/signals.ts';
import { problemText } from './problems.ts';
import type { ImagesReading } from './reader.ts';

/** Characters of the read text quoted in the first reason. */
export const READ_QUOTE_CHARS = 80;
/** Characters of the read text kept in the verdict (readFromImages.text). */
export const READ_TEXT_MAX_CHARS = 2_000;
/** A link read from a QR code adds this much to the risk score: the person cannot see where it leads. */
export const QR_LINK_WEIGHT = 10;

export type ReadFromImages = NonNullable<Verdict['readFromImages']>;

/** The reading as the verdict carries it: links defanged, text capped. */
export function readFromImagesOf(r: ImagesReading): ReadFromImages {
  return {
    text: shorten(maskNumbers(defangText(r.text)), READ_TEXT_MAX_CHARS),
    qrUrls: r.qrUrls.map(defangUrl),
    legible: r.legible,
  };
}

/** The sentences that open the reasons: what was read, or that nothing was, and any picture we could not open. */
export function imageReasons(r: ImagesReading, read: ReadFromImages, lang: Lang): string[] {
  const out: string[] = [];
  const words = WORDS[lang].reasons;
  if (read.legible) {
    const quote = shorten(read.text.replace(/\s+/g, ' ').trim(), READ_QUOTE_CHARS);
    const qr = read.qrUrls.join(' ');
    if (quote !== '' && qr !== '') {
      out.push(words.readQuoteAndQr(quote, qr));
    } else if (quote !== '') {
      out.push(words.readQuote(quote));
    } else {
      out.push(words.readQr(qr));
    }
  } else if (r.problems.length < r.count) {
    out.push(words.nothingRead);
  }
  for (const p of new Set(r.problems)) out.push(problemText(p, lang));
  if (r.skipped > 0) out.push(words.someImagesRead(MAX_IMAGES_PER_CONSULTATION));
  return out;
}

/** The evidence sentence for a link that came from a QR code. */
export function qrLinkSignal(u: UrlIndicator): Signal {
  const shown = defangUrl(u.url);
  return {
    code: 'qr_link',
    weight: QR_LINK_WEIGHT,
    subject: shown,
    detail: signalDetail('qr_link', { shown }),
  };
}

// A run of digits and the separators numbers are written with; greedy, and every digit starts a match, so linear.
const DIGIT_GROUP = /\d[\d\- ‐‑–—−ー().・]*\d|\d/g;
const DATE_LIKE = /^\d{4}[-/.]\d{1,2}[-/.]\d{1,2}$/;
/** Fewer digits than this are amounts, times and codes, not numbers to dial. */
const NUMBER_MIN_DIGITS = 6;

/** Every run of six or more digits with its last digits hidden (maskPhone), dates apart. */
export function maskNumbers(s: string): string {
  return s.replace(DIGIT_GROUP, (m) =>
    m.replace(/\D/g, '').length >= NUMBER_MIN_DIGITS && !DATE_LIKE.test(m) ? maskPhone(m) : m,
  );
}

function shorten(s: string, max: number): string {
  const chars = [...s];
  return chars.length <= max ? s : `${chars.slice(0, max - 1).join('')}…`;
}
