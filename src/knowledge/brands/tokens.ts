// Lookalike tokens: the distinctive Latin names ("sagawa", "smbc", "jcb") a phishing host borrows, derived from
// each brand's domains (plus those it declares) and given to exactly one brand across the whole registry.
import { brandLabel } from './keys.ts';
import { type BrandEntry, BrandRegistryError } from './schema.ts';

/** Parts of domain labels that say nothing about which brand it is ("smbc-card" → "card"). */
const GENERIC_PARTS: ReadonlySet<string> = new Set([
  'bank',
  'card',
  'cards',
  'mail',
  'post',
  'mobile',
  'online',
  'info',
  'login',
  'secure',
  'support',
  'service',
  'japan',
  'direct',
  'group',
  'holdings',
  'official',
  'account',
  'shop',
  'shopping',
  'store',
  'portal',
  'member',
  'members',
  'news',
  'plus',
  'life',
  'home',
  'site',
  'cloud',
  'email',
  'auth',
  'help',
  'center',
  'smart',
  'point',
  'digital',
  'tokyo',
  'osaka',
  'meisai',
  'ichi',
  'waterworks',
  'metro',
  'exp',
  'sec',
  'net',
  'web',
  'www',
  'live',
  'office',
  'pay',
  'app',
  'apps',
  'nexco',
  'aozora',
  'odekake',
  // Place names in regional banks' domains (okinawa-bank.co.jp, akita-bank.co.jp): a travel site is not a bank.
  'okinawa',
  'akita',
]);

/** Shorter tokens than this are matched only as whole labels. */
export const MIN_INNER_TOKEN_CHARS = 4;

type TokenKind = 'declared' | 'label' | 'part';

/**
 * Each token belongs to one brand: declared tokens (must be unique) win, then the brand whose registrable label is
 * exactly the token ("rakuten" → rakuten.co.jp, not rakuten-card.co.jp); a token several brands derive equally is
 * dropped rather than guessed.
 */
export function resolveTokens(entries: BrandEntry[], where: string): Map<string, string[]> {
  const candidates = new Map<string, { id: string; kind: TokenKind }[]>();
  const add = (token: string, id: string, kind: TokenKind) => {
    const list = candidates.get(token) ?? [];
    if (!list.some((c) => c.id === id && c.kind === kind)) list.push({ id, kind });
    candidates.set(token, list);
  };
  for (const e of entries) {
    for (const t of e.tokens ?? []) add(t, e.id, 'declared');
    for (const d of [...e.domains, ...e.sharedDomains]) {
      const label = brandLabel(d);
      if (label.length >= 3 && !GENERIC_PARTS.has(label)) add(label, e.id, 'label');
      for (const part of label.split('-')) {
        if (part !== label && part.length >= MIN_INNER_TOKEN_CHARS && !GENERIC_PARTS.has(part)) add(part, e.id, 'part');
      }
    }
  }
  const owned = new Map<string, string[]>();
  for (const [token, list] of candidates) {
    const declared = list.filter((c) => c.kind === 'declared');
    if (declared.length > 1)
      throw new BrandRegistryError(
        `${where}: brand "${declared[1]?.id}" field "tokens": "${token}" is also declared by "${declared[0]?.id}"`,
      );
    const labels = [...new Set(list.filter((c) => c.kind === 'label').map((c) => c.id))];
    const brands = [...new Set(list.map((c) => c.id))];
    const id = declared[0]?.id ?? (labels.length === 1 ? labels[0] : brands.length === 1 ? brands[0] : undefined);
    if (id) owned.set(id, [...(owned.get(id) ?? []), token]);
  }
  return owned;
}
