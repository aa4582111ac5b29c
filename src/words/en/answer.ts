// The verdict's own words in English: levels, scam types, headings, follow-up openings, helpline names.
// We never say "safe": the lowest level says what we found and that it is not a guarantee.
import type { AnswerWords } from '../types.ts';

export const answer: AnswerWords = {
  levels: {
    danger: { word: 'Danger', subline: 'This is very likely a scam.', headline: 'Danger: this is very likely a scam' },
    caution: { word: 'Caution', subline: 'This may be a scam.', headline: 'Caution: this may be a scam' },
    low: {
      word: 'No clear warning signs',
      subline: 'We found no clear warning signs. That does not prove it is genuine.',
      headline: 'No clear warning signs (that does not prove it is genuine)',
    },
    unknown: {
      word: 'Could not judge',
      subline: 'There was not enough to judge.',
      headline: 'Could not judge: there was not enough to go on',
    },
  },
  scamTypes: {
    phishing: 'Phishing (a fake site that steals your details)',
    delivery_sms: 'Fake delivery notice',
    refund: 'Refund scam',
    fictitious_billing: 'Fake bill for money you do not owe',
    impersonation_call: 'Impersonation scam (family, bank staff)',
    fake_authority: 'Fake police, prosecutor or official',
    investment: 'Investment scam',
    romance: 'Romance scam',
    support_scam: 'Tech-support scam',
    prize: 'Fake prize or lottery',
    side_job: 'Side-job or easy-money scam',
    loan: 'Advance-fee loan scam',
    account_takeover: 'Account takeover (codes and passwords)',
    fake_shop: 'Fake online shop',
    malware: 'Malicious app or malware',
    other: 'Possible scam',
    none: 'No specific scam pattern',
  },
  sections: {
    type: 'Type',
    reasons: 'What we found',
    now: 'What to do now',
    acted: 'If you already opened, entered or paid',
    contacts: 'Where to get help',
    articles: 'Read more',
    judged: {
      local: "This check was made automatically by anshin's rules.",
      llm: "This check was made automatically by an AI and anshin's rules.",
    },
  },
  followUps: {
    acted: 'If you already opened, entered or paid, please do this now.',
    contacts: 'Where you can get help:',
    advice: 'What to do now:',
    again: 'Here is what we found about the message you sent:',
  },
  followUpHelp: 'Where to get help:',
  standardContacts: { police: 'Police consultation line (Japan)', consumer: 'Consumer hotline (Japan)' },
  helplines: {
    policeConsultation: 'Police consultation line (not an emergency)',
    consumerHotline: 'Consumer hotline (bills, contracts, payments)',
    emergency: 'Police emergency (danger now, someone coming to your home)',
  },
};
