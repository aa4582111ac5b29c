// Text normalisation before any extraction or matching (DESIGN.md, "extract"). Scam senders hide
// links and cue words behind characters a person cannot see; we remove them and count them, since
// the count is itself a signal. NFKC folds full-width letters and digits ("ｓａｇａｗａ", "０９０") to
// ASCII so that every later pattern only has to know one spelling.

import { MAX_TEXT_CHARS } from '../limits.ts';
import { CONTROL_RE, INVISIBLE_RE } from '../text/invisible.ts';

/** Input is read in slices of this many code units so a 1 MB paste costs no more than its first slices. */
const SLICE_CHARS = 65_536;

// A surrogate half without its partner (binary garbage, cut UTF-16). Replaced so that NFKC, URL
// parsing and JSON output downstream all see well-formed text.
const LONE_SURROGATE_RE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

const NEWLINE_RE = /\r\n?|[\u2028\u2029\u0085]/g;

// Characters a slice must not start with: the second half of a surrogate pair, or a combining mark
// that NFKC would compose with the character before it.
const CONTINUATION_RE = /[\uDC00-\uDFFF\p{M}]/u;

/** How far a slice boundary may step back; bounded so a run of 100k combining marks stays linear. */
const MAX_BOUNDARY_STEPS = 32;

export interface NormalizeOptions {
  /** Cap on the returned text in UTF-16 code units; default MAX_TEXT_CHARS. */
  maxChars?: number;
}

export interface NormalizedText {
  text: string;
  /** Invisible characters (zero-width, tag, bidi controls) removed from the part of the input we read. */
  invisibleChars: number;
  /** The input held more text than maxChars and was cut. */
  truncated: boolean;
}

/**
 * NFKC-normalise `input`, remove (and count) invisible characters, drop control characters other
 * than \n and \t (\r becomes \n) and cap the result at `maxChars`. Never throws, whatever the input.
 */
export function normalizeText(input: string, opts: NormalizeOptions = {}): NormalizedText {
  const maxChars = Math.max(0, opts.maxChars ?? MAX_TEXT_CHARS);
  let text = '';
  let invisibleChars = 0;
  let pos = 0;
  while (pos < input.length && text.length <= maxChars) {
    let end = Math.min(input.length, pos + SLICE_CHARS);
    // Step back (a few characters at most) so that no pair, \r\n or composing sequence is split.
    for (let step = 0; step < MAX_BOUNDARY_STEPS && end < input.length && end > pos + 1; step++) {
      const next = input.charAt(end);
      if (!CONTINUATION_RE.test(next) && !(next === '\n' && input.charAt(end - 1) === '\r')) break;
      end--;
    }
    const slice = normalizeSlice(input.slice(pos, end));
    invisibleChars += slice.invisibleChars;
    text += slice.text;
    pos = end;
  }
  let truncated = pos < input.length;
  if (text.length > maxChars) {
    truncated = true;
    let cut = maxChars;
    const code = text.charCodeAt(cut - 1);
    if (code >= 0xd800 && code <= 0xdbff) cut--;
    text = text.slice(0, cut);
  }
  return { text, invisibleChars, truncated };
}

function normalizeSlice(slice: string): { text: string; invisibleChars: number } {
  let invisibleChars = 0;
  let text = slice.replace(LONE_SURROGATE_RE, '\uFFFD').replace(INVISIBLE_RE, () => {
    invisibleChars++;
    return '';
  });
  text = text.normalize('NFKC').replace(NEWLINE_RE, '\n').replace(CONTROL_RE, '');
  return { text, invisibleChars };
}
