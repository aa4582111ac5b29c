// An allow-list like the one the consultant builds from our knowledge: a few official hosts and numbers.
import type { AllowedContacts } from '../../../src/judge/contacts.ts';

export const allowed: AllowedContacts = {
  isAllowedUrl: (url) => {
    try {
      return ['www.npa.go.jp', 'www.kokusen.go.jp', 'www.sagawa-exp.co.jp'].includes(new URL(url).hostname);
    } catch {
      return false;
    }
  },
  isAllowedPhone: (digits) => ['9110', '188', '0570064370'].includes(digits),
};
