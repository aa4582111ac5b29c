// Finding the brands a text names: every alias in the registry, matched on NFKC text, longest first and without
// overlaps, with links and e-mail domains masked out. Used by the index (lookup.ts).
import { SCHEME_LINK_RE } from '../../text/links.ts';
import type { Brand } from './schema.ts';

export interface BrandMention {
  brand: Brand;
  /** The alias as written in the registry. */
  alias: string;
  /** Offset in the NFKC-normalised text (the same text as `Indicators.text`). */
  index: number;
}

interface AliasEntry {
  brand: Brand;
  alias: string;
  /** NFKC, ASCII-lower-cased form compared against the text. */
  key: string;
  /** NFKC form, compared as written when the alias is case-sensitive. */
  exact: string;
  caseSensitive: boolean;
  wordStart: boolean;
  wordEnd: boolean;
}

/**
 * Upper-case Latin aliases this short (JCB, ETC, ANA, LINE) are ordinary words in other cases ("etc.", "line"):
 * they match as written.
 */
const CASE_SENSITIVE_MAX_CHARS = 4;

/** Bare host names and e-mail domains: label(.label)+ ending in a letter TLD, optional path. */
const BARE_HOST_RE =
  /(?<![a-z0-9.-])(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.|\[\.\]))+[a-z][a-z0-9-]{1,62}(?![a-z0-9-])(?:\/[^\s<>"'「」『』（）()]*)?/gi;
const MASK = '\u0000';

/** The brands' aliases, indexed by their first character. */
export class BrandAliases {
  private readonly aliasesByFirst = new Map<string, AliasEntry[]>();
  /** Aliases that are themselves host names ("amazon.co.jp"): a bare mention of one is a mention, not a link. */
  private readonly hostAliases = new Set<string>();

  constructor(brands: readonly Brand[]) {
    for (const b of brands) this.add(b);
    for (const list of this.aliasesByFirst.values()) list.sort((a, b) => b.key.length - a.key.length);
  }

  /** Brands the text names, in order of appearance (see BrandIndex.mentions). */
  mentions(text: string): BrandMention[] {
    const norm = text.normalize('NFKC');
    const lower = maskLinks(asciiLower(norm), this.hostAliases);
    const out: BrandMention[] = [];
    let i = 0;
    while (i < lower.length) {
      const candidates = this.aliasesByFirst.get(lower[i] ?? '');
      const hit = candidates?.find((a) => aliasAt(a, lower, norm, i));
      if (hit) {
        out.push({ brand: hit.brand, alias: hit.alias, index: i });
        i += hit.key.length;
      } else {
        i += 1;
      }
    }
    return out;
  }

  private add(b: Brand): void {
    const seen = new Set<string>();
    for (const alias of [b.name.ja, b.name.en, ...b.aliases]) {
      const exact = alias.normalize('NFKC');
      const key = asciiLower(exact);
      if (key.includes(MASK) || seen.has(key)) continue;
      seen.add(key);
      if (/^[a-z0-9.-]+\.[a-z]{2,}$/.test(key)) this.hostAliases.add(key);
      const entry: AliasEntry = {
        brand: b,
        alias,
        key,
        exact,
        caseSensitive: /^[A-Z0-9]+$/.test(exact) && exact.length <= CASE_SENSITIVE_MAX_CHARS,
        wordStart: isAsciiAlnum(key[0]),
        wordEnd: isAsciiAlnum(key[key.length - 1]),
      };
      const first = key[0] ?? '';
      const list = this.aliasesByFirst.get(first) ?? [];
      list.push(entry);
      this.aliasesByFirst.set(first, list);
    }
  }
}

function aliasAt(a: AliasEntry, lower: string, norm: string, i: number): boolean {
  if (!lower.startsWith(a.key, i)) return false;
  if (a.caseSensitive && !norm.startsWith(a.exact, i)) return false;
  if (a.wordStart && isAsciiAlnum(lower[i - 1])) return false;
  if (a.wordEnd && isAsciiAlnum(lower[i + a.key.length])) return false;
  return true;
}

/** Replaces links and e-mail domains with a mask of the same length, so offsets stay those of the text. */
function maskLinks(text: string, keep: ReadonlySet<string>): string {
  const blank = (m: string) => MASK.repeat(m.length);
  return text.replace(SCHEME_LINK_RE, blank).replace(BARE_HOST_RE, (m) => (keep.has(m) ? m : blank(m)));
}

/** Lower-cases ASCII letters only, so that every offset in the result is the offset in the input. */
function asciiLower(s: string): string {
  return s.replace(/[A-Z]/g, (c) => c.toLowerCase());
}

function isAsciiAlnum(c: string | undefined): boolean {
  return c !== undefined && /[a-z0-9]/i.test(c);
}
