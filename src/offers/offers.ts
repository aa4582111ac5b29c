// Partner offers the operator configures in OFFERS_FILE (YAML or JSON): e.g. a security app's free trial,
// shown under a verdict only inside its dates and only for the levels, scam types and channels it names.
import fs from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { type Lang, LEVELS, type Level, SCAM_TYPES, type ScamType } from '../domain.ts';

export const OFFER_CHANNELS = ['line', 'sms', 'whatsapp'] as const;
export type OfferChannel = (typeof OFFER_CHANNELS)[number];

const bilingual = z.object({ ja: z.string().min(1).max(400), en: z.string().min(1).max(400) });
const isoDate = z.union([z.string(), z.date()]).transform((v, ctx) => {
  const d = v instanceof Date ? v : new Date(v);
  if (Number.isNaN(d.getTime())) {
    ctx.addIssue({
      code: 'custom',
      message: `not a date: ${String(v)} (write 2025-04-01 or 2025-04-01T00:00:00+09:00)`,
    });
    return z.NEVER;
  }
  return d;
});

/** Also what a stored offer is read back with (in a reply): JSON keeps its dates as strings, parsed here again. */
export const OfferSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9_-]{0,63}$/, 'id: lower-case letters, digits, - and _'),
    partner: z.string().min(1).max(100),
    title: bilingual,
    text: bilingual,
    url: z.string().regex(/^https:\/\/\S+$/, 'url must be an https:// link'),
    validFrom: isoDate,
    validTo: isoDate,
    levels: z.array(z.enum(LEVELS)).min(1).default(['danger', 'caution']),
    scamTypes: z.array(z.enum(SCAM_TYPES)).optional(),
    channels: z.array(z.enum(OFFER_CHANNELS)).min(1).default(['line', 'sms', 'whatsapp']),
  })
  .refine((o) => o.validFrom < o.validTo, { message: 'validFrom must be before validTo' });

const OffersFileSchema = z.object({ offers: z.array(OfferSchema) });

export type Offer = z.output<typeof OfferSchema>;

export class OffersFileError extends Error {
  override name = 'OffersFileError';
}

/** Reads and checks OFFERS_FILE; .json is JSON, anything else YAML. Throws OffersFileError naming each problem. */
export function loadOffers(file: string): Offer[] {
  let raw: unknown;
  try {
    const text = fs.readFileSync(file, 'utf8');
    raw = file.endsWith('.json') ? JSON.parse(text) : parseYaml(text);
  } catch (err) {
    throw new OffersFileError(`cannot read OFFERS_FILE ${file}: ${(err as Error).message}`);
  }
  const parsed = OffersFileSchema.safeParse(raw);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new OffersFileError(`OFFERS_FILE ${file} is not valid:\n${lines.join('\n')}`);
  }
  const ids = new Set<string>();
  for (const o of parsed.data.offers) {
    if (ids.has(o.id)) throw new OffersFileError(`OFFERS_FILE ${file}: offer id ${o.id} is used twice`);
    ids.add(o.id);
  }
  return parsed.data.offers;
}

export interface OfferQuery {
  level: Level;
  scamType: ScamType;
  channel: OfferChannel;
  now: Date;
}

/** At most one offer per answer, so the verdict stays the point of the message. */
export const MAX_OFFERS_PER_ANSWER = 1;

export function selectOffers(offers: readonly Offer[], q: OfferQuery): Offer[] {
  return offers
    .filter(
      (o) =>
        o.validFrom <= q.now &&
        q.now < o.validTo &&
        o.levels.includes(q.level) &&
        o.channels.includes(q.channel) &&
        (o.scamTypes === undefined || o.scamTypes.includes(q.scamType)),
    )
    .slice(0, MAX_OFFERS_PER_ANSWER);
}

export function offerText(o: Offer, lang: Lang): { title: string; text: string } {
  return { title: o.title[lang], text: o.text[lang] };
}
