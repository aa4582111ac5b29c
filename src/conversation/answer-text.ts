// Plain-text parts of answers shared by every channel: level words, follow-up answers, public contacts.
// We never say "safe": the lowest level says no clear sign was found.
import type { Contact, Lang, Verdict } from '../domain.ts';
import { LEVEL_SUBLINES, LEVEL_WORDS } from '../judge/compose.ts';
import type { FollowUpTopic } from './types.ts';

export { LEVEL_SUBLINES, LEVEL_WORDS };

// Public helplines in Japan (https://www.npa.go.jp/bureau/soumu/madoguchi.html, https://www.caa.go.jp/policies/policy/local_cooperation/local_consumer_administration/hotline/).
const POLICE_CONSULTATION: Contact = {
  label: { ja: '警察相談専用電話（急ぎでないとき）', en: 'Police consultation line (not an emergency)' },
  phone: '#9110',
};
const CONSUMER_HOTLINE: Contact = {
  label: { ja: '消費者ホットライン（お金の契約や請求）', en: 'Consumer hotline (bills, contracts, payments)' },
  phone: '188',
};
const EMERGENCY: Contact = {
  label: {
    ja: '警察（いま危ないとき、相手が家に来るとき）',
    en: 'Police emergency (danger now, someone coming to your home)',
  },
  phone: '110',
};

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

const HEADINGS: Record<Exclude<FollowUpTopic, 'detail'>, Record<Lang, string>> = {
  acted: {
    ja: 'もう開いた・入力した・払ったときは、次のことをしてください。',
    en: 'If you already opened, entered or paid, please do this now.',
  },
  contacts: { ja: '相談できるところです。', en: 'Where you can get help:' },
  advice: { ja: 'いますぐすることです。', en: 'What to do now:' },
  again: { ja: '先ほどのメッセージの判定です。', en: 'Here is what we found about the message you sent:' },
};

const bullets = (items: string[]) => items.map((s) => `・${s}`);

/** Plain text answering a follow-up from the last verdict (not 'detail': channels render that themselves). */
export function followUpText(topic: Exclude<FollowUpTopic, 'detail'>, v: Verdict): string {
  const lang = v.lang;
  const head = HEADINGS[topic][lang];
  const contacts = bullets(contactsFor(v).map((c) => contactLine(c, lang)));
  switch (topic) {
    case 'acted': {
      const steps = v.ifAlreadyActed.length > 0 ? v.ifAlreadyActed : v.advice;
      const more = lang === 'ja' ? '相談先:' : 'Where to get help:';
      return [head, ...bullets(steps), '', more, ...contacts].join('\n');
    }
    case 'contacts':
      return [head, ...contacts].join('\n');
    case 'advice':
      return [head, ...bullets(v.advice)].join('\n');
    case 'again':
      return [
        head,
        `【${LEVEL_WORDS[v.level][lang]}】${LEVEL_SUBLINES[v.level][lang]}`,
        ...bullets(v.advice.slice(0, 2)),
      ].join('\n');
  }
}
