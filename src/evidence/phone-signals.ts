// What the numbers in a message say on their own: overseas and premium-rate numbers; and how a number from a
// message is shown in an answer.
import type { Indicators, Signal } from '../domain.ts';
import { signalDetail } from '../words/signals.ts';
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
      detail: signalDetail('international_phone', { phone: maskPhone(intl.raw) }),
    });
  }
  const premium = ind.phones.find((p) => p.kind === 'premium');
  if (premium) {
    out.push({
      code: 'premium_phone',
      weight: 25,
      subject: maskPhone(premium.raw),
      detail: signalDetail('premium_phone', { phone: maskPhone(premium.raw) }),
    });
  }
  return out;
}
