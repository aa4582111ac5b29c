// What the numbers in a message say on their own: overseas and premium-rate numbers; and how a number from a
// message is shown in an answer.
import type { Indicators, Signal } from '../domain.ts';
import type { BrandLookup } from './ports.ts';

/**
 * A number taken from a message, shown with its last digits hidden: enough to recognise it, not enough to dial it
 * from our answer (an answer must never hand the person a scammer's number).
 */
export function maskPhone(raw: string): string {
  let hide = 2;
  const chars = [...raw];
  for (let i = chars.length - 1; i >= 0 && hide > 0; i--) {
    if (/[0-9]/.test(chars[i]!)) {
      chars[i] = '×';
      hide -= 1;
    }
  }
  return chars.join('');
}

export function phoneSignals(ind: Indicators, brands: BrandLookup): Signal[] {
  const out: Signal[] = [];
  const intl = ind.phones.find((p) => p.kind === 'international' && !brands.byPhone(p.e164));
  if (intl) {
    out.push({
      code: 'international_phone',
      weight: 25,
      scamType: 'impersonation_call',
      subject: maskPhone(intl.raw),
      detail: {
        ja: `海外の電話番号（${maskPhone(intl.raw)}）が書かれています。日本の会社や役所が、海外の番号から連絡することはほとんどありません。`,
        en: `It gives an overseas number (${maskPhone(intl.raw)}). Japanese companies and offices almost never contact you from abroad.`,
      },
    });
  }
  const premium = ind.phones.find((p) => p.kind === 'premium');
  if (premium) {
    out.push({
      code: 'premium_phone',
      weight: 25,
      subject: maskPhone(premium.raw),
      detail: {
        ja: `有料の電話番号（${maskPhone(premium.raw)}）が書かれています。掛けると高い料金がかかります。`,
        en: `It gives a premium-rate number (${maskPhone(premium.raw)}) that costs a lot to call.`,
      },
    });
  }
  return out;
}
