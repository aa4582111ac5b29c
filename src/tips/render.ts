// The finished message of one tip on one channel: the tip, at most one partner offer from OFFERS_FILE, and how
// to stop. The same function serves `tips preview` and the send, so the preview is exactly what goes out.
import { MAX_OFFERS_PER_ANSWER, type Offer, type OfferChannel, offerText } from '../offers/offers.ts';
import { WORDS } from '../words/book.ts';
import type { Tip } from './compose.ts';

/** Offers shown under a tip: inside their dates, for this channel, and for the tip's scam types when they name any. */
export function offersForTip(offers: readonly Offer[], tip: Tip, channel: OfferChannel, now: Date): Offer[] {
  const types = new Set(tip.patterns.map((p) => p.scamType));
  return offers
    .filter(
      (o) =>
        o.validFrom <= now &&
        now < o.validTo &&
        o.channels.includes(channel) &&
        (o.scamTypes === undefined || o.scamTypes.some((t) => types.has(t))),
    )
    .slice(0, MAX_OFFERS_PER_ANSWER);
}

export function renderTip(tip: Tip, channel: OfferChannel, offers: readonly Offer[], now: Date): string {
  const words = WORDS[tip.lang].tips;
  const parts = [tip.text];
  for (const o of offersForTip(offers, tip, channel, now)) {
    const { title, text } = offerText(o, tip.lang);
    parts.push(`${words.offerHeading(o.partner)}${title}\n${text}\n${o.url}`);
  }
  parts.push(words.footer[channel === 'line' ? 'line' : 'twilio']);
  return parts.join('\n\n');
}
