// Plain-text parts of answers shared by every channel: follow-up answers and public contacts. The words are
// the book's (src/words); this file only puts them together.
import type { Contact, Lang, Verdict } from '../domain.ts';
import { bilingual, WORDS } from '../words/book.ts';
import type { FollowUpTopic } from './types.ts';

// Public helplines in Japan (https://www.npa.go.jp/bureau/soumu/madoguchi.html, https://www.caa.go.jp/policies/policy/local_cooperation/local_consumer_administration/hotline/).
const POLICE_CONSULTATION: Contact = {
  label: bilingual((w) => w.answer.helplines.policeConsultation),
  phone: '#9110',
};
const CONSUMER_HOTLINE: Contact = { label: bilingual((w) => w.answer.helplines.consumerHotline), phone: '188' };
const EMERGENCY: Contact = { label: bilingual((w) => w.answer.helplines.emergency), phone: '110' };

/** The person's own bank or brand first (from the verdict), then the public lines that fit the case. */
export function contactsFor(v: Verdict): Contact[] {
  const out: Contact[] = [...v.contacts];
  const add = (c: Contact) => {
    if (!out.some((o) => o.phone !== undefined && o.phone === c.phone)) out.push(c);
  };
  if (['impersonation_call', 'fake_authority'].includes(v.scamType)) add(EMERGENCY);
  add(POLICE_CONSULTATION);
  if (['fictitious_billing', 'fake_shop', 'side_job', 'investment', 'prize', 'loan', 'refund'].includes(v.scamType)) {
    add(CONSUMER_HOTLINE);
  }
  return out;
}

export function contactLine(c: Contact, lang: Lang): string {
  return [c.label[lang], c.phone, c.url].filter((s) => s !== undefined && s !== '').join(' ');
}

const bullets = (items: string[]) => items.map((s) => `・${s}`);

/** Plain text answering a follow-up from the last verdict (not 'detail': channels render that themselves). */
export function followUpText(topic: Exclude<FollowUpTopic, 'detail'>, v: Verdict): string {
  const lang = v.lang;
  const words = WORDS[lang].answer;
  const head = words.followUps[topic];
  const contacts = bullets(contactsFor(v).map((c) => contactLine(c, lang)));
  switch (topic) {
    case 'acted': {
      const steps = v.ifAlreadyActed.length > 0 ? v.ifAlreadyActed : v.advice;
      return [head, ...bullets(steps), '', words.followUpHelp, ...contacts].join('\n');
    }
    case 'contacts':
      return [head, ...contacts].join('\n');
    case 'advice':
      return [head, ...bullets(v.advice)].join('\n');
    case 'again':
      return [
        head,
        `【${words.levels[v.level].word}】${words.levels[v.level].subline}`,
        ...bullets(v.advice.slice(0, 2)),
      ].join('\n');
  }
}
