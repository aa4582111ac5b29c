// The shape of one brand registry entry (knowledge/brands.yaml), checked field by field with zod; what loading
// makes of it (Brand); and the one error loading throws. The rules across entries are in load.ts.
import { z } from 'zod';

export const BRAND_CATEGORIES = [
  'bank',
  'card',
  'securities',
  'carrier',
  'delivery',
  'ecommerce',
  'payment',
  'government',
  'utility',
  'transport',
  'tech',
  'insurance',
  'other',
] as const;
export type BrandCategory = (typeof BRAND_CATEGORIES)[number];

const bilingual = z.object({ ja: z.string().min(1), en: z.string().min(1) });
const httpsUrl = z.url({ protocol: /^https$/, error: 'must be an https URL' });
/** Lower-case ASCII host name: labels of letters, digits and inner hyphens, at least one dot. */
const hostname = z
  .string()
  .regex(
    /^(?=.{4,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z](?:[a-z0-9-]{0,61}[a-z0-9])?$/,
    'not a lower-case host name',
  );

/**
 * An SMS sender as the phone shows it: a number (digits, spaces, hyphens, a leading +; short codes such as 157) or
 * a sender name ("NTT DOCOMO", "KDDIからのお知らせ"). Notes in brackets belong in the source, not in the value.
 */
const smsSender = z
  .string()
  .trim()
  .regex(
    /^(?:\+?\d[\d -]{1,18}\d|[^\s()（）\d+][^()（）]{0,38}[^\s()（）])$/,
    'write a number (digits, spaces, hyphens, a leading +) or a sender name, without notes in brackets',
  );

/** One fact with the page that states it; `source` must be one of the entry's `sources` URLs. */
const hostFact = z.strictObject({ host: hostname, source: httpsUrl });
const senderFact = z.strictObject({ sender: smsSender, source: httpsUrl });

export const brandEntrySchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be kebab-case'),
  name: bilingual,
  category: z.enum(BRAND_CATEGORIES),
  aliases: z.array(z.string().trim().min(1)).min(1),
  domains: z.array(hostname),
  phones: z
    .array(z.strictObject({ number: z.string().regex(/^(?:#\d{3,4}|\d{3}|[0-9+][0-9-]{6,})$/), label: bilingual }))
    .default([]),
  /** Numbers and names the brand's own SMS come from, each owned by this brand alone. */
  smsSenders: z.array(senderFact).default([]),
  /**
   * Sender numbers a carrier shows for SMS relayed from many companies (SoftBank's 0032069000): the brand does send
   * from it, but so do others, so it proves nothing on its own. Must be listed by every brand that cites it.
   */
  sharedSmsSenders: z.array(senderFact).default([]),
  /**
   * The brand's own link shorteners (g.co for Google): a link there is the brand's, but it hides the page it
   * opens. Never a public shortener anyone can use. Several brands of one group may list the same host.
   */
  shorteners: z.array(hostFact).default([]),
  /**
   * Domains the brand sends mail from that are not its web domains (a mail-delivery domain named on its own page).
   * A mail from there is the brand's; a link there is not vouched for.
   */
  mailDomains: z.array(hostFact).default([]),
  contact: z.strictObject({ label: bilingual, url: httpsUrl }),
  sharedDomains: z.array(hostname).default([]),
  /**
   * Hosts under the official domains where anyone can publish (sites.google.com, line.me account and group links):
   * real infrastructure of the brand, but a link there proves nothing about who wrote the page.
   */
  userContent: z.array(hostname).default([]),
  /** Mail domains under the official domains where customers hold addresses (docomo.ne.jp, yahoo.co.jp). */
  userMail: z.array(hostname).default([]),
  /** Extra lookalike tokens beyond those derived from the domains (lower-case letters, digits, hyphens). */
  tokens: z.array(z.string().regex(/^[a-z0-9-]{2,}$/)).optional(),
  /** `search`: a page naming the domain was found and cited. `top-page`: only the brand's top page is cited. */
  confirmation: z.enum(['search', 'top-page']),
  sources: z.array(z.strictObject({ name: z.string().min(1), url: httpsUrl })).min(1),
});

export type BrandEntry = z.infer<typeof brandEntrySchema>;

/** A registry entry with its lookalike tokens resolved across the whole registry. */
export interface Brand extends BrandEntry {
  /** Distinctive Latin names found in lookalike hosts ("sagawa", "smbc", "jcb"); each owned by one brand. */
  tokens: string[];
  /** The hosts of `shorteners`, for code that only needs the names. */
  shortenerHosts: string[];
}

export class BrandRegistryError extends Error {
  override name = 'BrandRegistryError';
}
