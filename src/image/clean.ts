// OCR output as text people wrote it. tesseract puts spaces between Japanese characters, reads "://" as
// " //" or ": / /", keeps full-width dots inside links, and a link wrapped by the phone comes back in two lines.
import { JAPANESE_SCRIPT } from '../text/script.ts';

/** Japanese script and the punctuation OCR reads around it (ideographic space, 、。「」, full-width ！-･, ・). */
const JA = String.raw`${JAPANESE_SCRIPT}\u3000-\u303f\uff01-\uff60\u30fb`;
const SPACE_BETWEEN_JA_RE = new RegExp(`(?<=[${JA}])[ \\t\\u3000]+(?=[${JA}])`, 'gu');
/** "http //", "https: / /", "https;//", "http:/ /" → "http://", "https://". */
const BROKEN_SCHEME_RE = /\b(h?ttps?)\s*[:;]?\s*\/\s?\/\s*/gi;
/** A full-width or ideographic dot between ASCII letters or digits is a dot in a link. */
const WIDE_DOT_RE = /(?<=[a-z0-9])\s?[。．｡・]\s?(?=[a-z0-9])/gi;
/** "example . com": a spaced dot before a lower-case label is a dot in a host. */
const SPACED_DOT_RE = /(?<=[a-z0-9]) \. ?(?=[a-z]{2,})/g;
/** A Japanese sentence the screen wrapped: the line ends inside it (not on 。！？) and the next goes on. */
const JA_OPEN_END_RE = new RegExp(`[${JA}](?<![。！？!?])$`, 'u');
const JA_START_RE = new RegExp(`^[${JA}]`, 'u');
const URL_CHARS = String.raw`A-Za-z0-9\-._~%!$&'()*+,;=:@\/?#`;
/** The last token of a line that is the start of a scheme the screen wrapped: "htt" | "ps://…". */
const SCHEME_HEAD_RE = new RegExp(`(?:^|[\\s${JA}])(ht{1,2}(?:ps?)?:?\\/?)$`, 'iu');
const SCHEME_RE = /^https?:\/\//i;
/** A whole line that is one run of link characters: the tail of a link wrapped anywhere. */
const URL_ONLY_LINE_RE = new RegExp(`^[${URL_CHARS}]+$`);
const URL_RUN_START_RE = new RegExp(`^[${URL_CHARS}]+`);
const URL_CHAR_RE = new RegExp(`[${URL_CHARS}]`);
const LINK_START_RE = /https?:\/\/|www\./i;
const AFTER_LINK_RUN_RE = new RegExp(`[\\s${JA}]`, 'u');

// The tests below read the run of link characters a line ends or starts with, found by a scan, and look inside
// it: a regex anchored at the end ("…[link chars]*$") would retry from every character, quadratic on long lines.

/** The run of link characters the line ends with. */
function endRun(line: string): string {
  let i = line.length;
  while (i > 0 && URL_CHAR_RE.test(line[i - 1]!)) i--;
  return line.slice(i);
}

/** The line ends in a link with its scheme. */
function endsInSchemeLink(line: string): boolean {
  return /https?:\/\//i.test(endRun(line));
}

/** A link that stops on a character no link ends with: it goes on on the next line whatever comes there. */
function endsInCutLink(line: string): boolean {
  const run = endRun(line);
  const start = LINK_START_RE.exec(run);
  return start !== null && run.length > start.index + start[0].length && /[-_=&?.%~]$/.test(run);
}

/** The end of a line that is a link being written: has a scheme, or ends on a character a link goes on after. */
function endsInOpenLink(line: string): boolean {
  return /[-./?=&_]$/.test(line) || LINK_START_RE.test(endRun(line));
}

/** The start of a line that carries on a link: a run of link characters with a dot, slash or query in it. */
function startsWithLinkTail(line: string): boolean {
  const run = URL_RUN_START_RE.exec(line)?.[0];
  if (run === undefined) return false;
  const next = line.codePointAt(run.length);
  if (next !== undefined && !AFTER_LINK_RUN_RE.test(String.fromCodePoint(next))) return false;
  return /^[./?=&#%_-]/.test(run) || /[./?=&#]/.test(run);
}

/** A short line with no letters: the clock or battery of a phone's status bar ("9:41", "87%"). */
const STATUS_BAR_RE = /^[^\p{L}]{1,6}$/u;

/**
 * Cleans recognised text line by line, then joins the links and Japanese sentences the screen had wrapped.
 * Paragraphs (separated by a blank line) are never joined to each other: a sender's name stays on its own.
 */
export function cleanOcrText(raw: string): string {
  return raw
    .split(/\r?\n[ \t]*\r?\n/)
    .map(cleanParagraph)
    .filter((p) => p !== '')
    .join('\n');
}

function cleanParagraph(raw: string): string {
  const lines = raw
    .split(/\r?\n/)
    .map((l) =>
      l
        .replace(SPACE_BETWEEN_JA_RE, '')
        .replace(BROKEN_SCHEME_RE, (_m, scheme: string) => `${scheme.toLowerCase()}://`)
        .replace(WIDE_DOT_RE, '.')
        .replace(SPACED_DOT_RE, '.')
        .replace(/[ \t]{2,}/g, ' ')
        .trim(),
    )
    .filter((l) => l !== '' && !STATUS_BAR_RE.test(l));
  const out: string[] = [];
  for (const line of lines) {
    const prev = out[out.length - 1];
    const joins =
      prev !== undefined &&
      (SCHEME_RE.test((SCHEME_HEAD_RE.exec(prev)?.[1] ?? '') + line) ||
        (endsInSchemeLink(prev) && URL_ONLY_LINE_RE.test(line)) ||
        (endsInCutLink(prev) && URL_RUN_START_RE.test(line)) ||
        (endsInOpenLink(prev) && startsWithLinkTail(line)) ||
        (JA_OPEN_END_RE.test(prev) && JA_START_RE.test(line)));
    if (joins) {
      out[out.length - 1] = prev + line;
    } else {
      out.push(line);
    }
  }
  return out.join('\n');
}
