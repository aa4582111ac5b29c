// The extract step of a consultation (DESIGN.md, "consult"): normalise the text once, then pull
// every indicator out of the normalised text.

import type { Indicators } from '../domain.ts';
import { extractAmountsFromNormalized, extractPaymentMethodsFromNormalized } from './amounts.ts';
import { extractEmailsFromNormalized } from './emails.ts';
import { normalizeText } from './normalize.ts';
import { extractPhonesFromNormalized } from './phones.ts';
import { withRedirectTargets } from './redirects.ts';
import { extractUrlsFromNormalized } from './urls.ts';

/** Normalised text and every link, number, address, amount and payment method in it. */
export function extractIndicators(input: string): Indicators {
  const { text, invisibleChars, truncated } = normalizeText(input);
  return {
    text,
    invisibleChars,
    truncated,
    urls: withRedirectTargets(extractUrlsFromNormalized(text)),
    phones: extractPhonesFromNormalized(text),
    emails: extractEmailsFromNormalized(text),
    amounts: extractAmountsFromNormalized(text),
    paymentMethods: extractPaymentMethodsFromNormalized(text),
  };
}
