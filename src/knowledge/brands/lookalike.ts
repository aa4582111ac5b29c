// Finding a brand's name in a host: its lookalike tokens (tokens.ts) in a trie, read across every label, and
// the one-edit test behind typosquats. Used by the index (lookup.ts).
import type { Brand } from './schema.ts';
import { MIN_INNER_TOKEN_CHARS } from './tokens.ts';

/**
 * Brand tokens that are also everyday words or sit inside other words (online, purchase, oricon): they count only
 * when they are a whole host label ("line.me.example.top"), never inside one.
 */
const WHOLE_LABEL_ONLY: ReadonlySet<string> = new Set([
  'line',
  'chase',
  'promise',
  'orico',
  'visa',
  'boy',
  'aplus',
  'mizuho',
  'daiwa',
  'nomura',
  'matsui',
  'diners',
]);

/** Tokens at least this long may appear anywhere inside a label; shorter ones must start a label or a part. */
const ANYWHERE_TOKEN_CHARS = 6;

interface TrieNode {
  next: Map<string, TrieNode>;
  token?: string;
}

/** The brands' lookalike tokens, indexed for the longest one inside a host. */
export class HostTokens {
  private readonly wholeLabelTokens = new Map<string, Brand>();
  private readonly tokenTrie: TrieNode = { next: new Map() };
  private readonly tokenOwner = new Map<string, Brand>();

  constructor(brands: readonly Brand[]) {
    for (const b of brands) this.add(b);
  }

  /** The brand whose token is the longest found in the host's labels, whole or (for longer tokens) inside one. */
  longestIn(h: string): Brand | undefined {
    let best: { token: string; brand: Brand } | undefined;
    const consider = (token: string, brand: Brand | undefined) => {
      if (brand && (!best || token.length > best.token.length)) best = { token, brand };
    };
    for (const label of h.split('.')) {
      consider(label, this.wholeLabelTokens.get(label));
      for (let start = 0; start < label.length; start++) {
        let node: TrieNode | undefined = this.tokenTrie;
        for (let j = start; j < label.length && node; j++) {
          node = node.next.get(label[j] ?? '');
          const token = node?.token;
          if (!token) continue;
          const startsPart = start === 0 || !/[a-z]/.test(label[start - 1] ?? '');
          if (token.length >= ANYWHERE_TOKEN_CHARS || startsPart) consider(token, this.tokenOwner.get(token));
        }
      }
    }
    return best?.brand;
  }

  private add(b: Brand): void {
    for (const token of b.tokens) {
      if (token.length < MIN_INNER_TOKEN_CHARS || WHOLE_LABEL_ONLY.has(token)) {
        this.wholeLabelTokens.set(token, b);
        continue;
      }
      this.tokenOwner.set(token, b);
      let node = this.tokenTrie;
      for (const ch of token) {
        let next = node.next.get(ch);
        if (!next) {
          next = { next: new Map() };
          node.next.set(ch, next);
        }
        node = next;
      }
      node.token = token;
    }
  }
}

/** Levenshtein distance ≤ 1, or one swap of neighbouring characters. */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return false;
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}
