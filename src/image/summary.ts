// What the answer says about the pictures: what was read (shortened, links defanged and numbers with their last
// digits hidden, so the person can see whether we read it right but cannot tap or dial from it — the text may
// come from a vision model, LLM_VISION), plainly that nothing could be read, or why a picture could not be opened.
import type { Lang, Signal, UrlIndicator, Verdict } from '../domain.ts';
import { maskPhone } from '../evidence/phone-signals.ts';
import { defangText, defangUrl } from '../extract/defang.ts';
import { MAX_IMAGES_PER_CONSULTATION } from '../limits.ts';
import { PROBLEM_TEXT } from './problems.ts';
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
  const ja = lang === 'ja';
  if (read.legible) {
    const quote = shorten(read.text.replace(/\s+/g, ' ').trim(), READ_QUOTE_CHARS);
    const qr = read.qrUrls.join(' ');
    if (quote !== '' && qr !== '') {
      out.push(
        ja
          ? `画像から読み取った内容: 『${quote}』（QRコード: ${qr}）`
          : `Read from the picture: "${quote}" (QR code: ${qr})`,
      );
    } else if (quote !== '') {
      out.push(ja ? `画像から読み取った内容: 『${quote}』` : `Read from the picture: "${quote}"`);
    } else {
      out.push(
        ja ? `画像から読み取った内容: QRコードのリンク ${qr}` : `Read from the picture: a QR code linking to ${qr}`,
      );
    }
  } else if (r.problems.length < r.count) {
    out.push(
      ja
        ? '画像から文字を読み取れませんでした。お手数ですが、気になったメッセージの文章をコピーして送ってください。'
        : 'We could not find any text we can read in the picture. Please copy and send the text of the message instead.',
    );
  }
  for (const p of new Set(r.problems)) out.push(PROBLEM_TEXT[p][lang]);
  if (r.skipped > 0) {
    out.push(
      ja
        ? `画像が多いため、最初の${MAX_IMAGES_PER_CONSULTATION}枚だけを読み取りました。`
        : `There were many pictures, so only the first ${MAX_IMAGES_PER_CONSULTATION} were read.`,
    );
  }
  return out;
}

/** The evidence sentence for a link that came from a QR code. */
export function qrLinkSignal(u: UrlIndicator): Signal {
  const shown = defangUrl(u.url);
  return {
    code: 'qr_link',
    weight: QR_LINK_WEIGHT,
    subject: shown,
    detail: {
      ja: `リンク ${shown} は、画像の中のQRコードから読み取ったものです。QRコードは、読み取るまで行き先が見えません。`,
      en: `The link ${shown} was read from a QR code in the picture. A QR code hides where it leads until it is scanned.`,
    },
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
