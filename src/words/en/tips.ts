// The weekly tips' fixed texts in English.
import type { TipWords } from '../types.ts';

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

export const tips: TipWords = {
  head: (m, d) => `Scam alert for the week of ${MONTHS[m - 1]} ${d}`,
  grew: 'Last week, more people asked us about these scams:',
  featured: 'A scam to watch out for now:',
  spot: 'How to spot it',
  action: 'What to do',
  more: 'More',
  offerHeading: (partner) => `From ${partner}: `,
  footer: {
    line: 'To stop these alerts, send "unsubscribe".',
    twilio: 'Reply STOP to stop these messages.',
  },
};
