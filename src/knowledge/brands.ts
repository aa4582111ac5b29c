// The brand registry: organisations scammers impersonate in Japan, with the domains, numbers and SMS sender names
// they really use (knowledge/brands.yaml). Loaded once and indexed so that evidence can ask "is this host / number
// really X's?", "which brands does this text name?" and "does this host borrow a brand's name?" in O(labels).
//
// What the rest of the code imports; the parts live in brands/: schema.ts (an entry's fields), load.ts (reading and
// the rules across entries), tokens.ts (lookalike tokens), keys.ts (how hosts, numbers and senders compare),
// lookup.ts (the index), mentions.ts (brands named in text), lookalike.ts (brand names inside hosts).
export { DEFAULT_BRANDS_FILE, loadBrands, parseBrands } from './brands/load.ts';
export { BrandIndex } from './brands/lookup.ts';
export type { BrandMention } from './brands/mentions.ts';
export {
  BRAND_CATEGORIES,
  type Brand,
  type BrandCategory,
  type BrandEntry,
  BrandRegistryError,
} from './brands/schema.ts';
