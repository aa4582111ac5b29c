// The contact finder the guards rely on: every link, address and number, and the allow-list asked about each.
// Fixtures are ours; scam domains and numbers are fictional.
import { describe, expect, it } from 'vitest';
import { type AllowedContacts, findContacts, stripUnknownContacts } from '../../src/judge/contacts.ts';
import { allowed } from './helpers/allowed.ts';

describe('stripUnknownContacts', () => {
  it.each([
    ['a URL', '詳しくは https://evil.example.top/a?b=1 へ', 1],
    ['a defanged URL', '詳しくは hxxps://evil-site[.]top/a へ', 1],
    ['a bare domain glued to Japanese', '確認はsagawa-xx.topへ', 1],
    ['an email address', 'info@sagawa-xx.top まで', 1],
    ['an IP host', 'http://203.0.113.7/login', 1],
    ['a toll-free number', '0120-555-019 にお電話ください', 1],
    ['an international number', 'Call +1 (202) 555-0147 now', 1],
    ['a full-width number', '０９０－１２３４－５６７８', 1],
    ['a number written with the long-vowel mark', '０１２０ー５５５ー０１９', 1],
    ['a number spread out with spaces', '0 1 2 0 5 5 5 0 1 9', 1],
    ['a number glued to TEL', 'TEL0120555019', 1],
    ['an unknown short code after a phone word', '電話 #8000 へ', 1],
    ['amounts and dates', '5,000円を2024年3月10日までに、30分以内に。2024-03-10', 0],
    ['allowed contacts', '#9110、188、0570-064-370、https://www.npa.go.jp/', 0],
    ['a file-like word that is no domain', 'Node.js で作られています', 0],
  ])('handles %s', (_name, text, removed) => {
    expect(stripUnknownContacts(text, allowed).removed).toBe(removed);
  });

  it('reports the digits it asks about', () => {
    const found = findContacts('+81 3-1234-5678 / #9110 / 188 / ＋８１９０１２３４５６７８');
    expect(found.found.filter((c) => c.kind === 'phone').map((c) => c.value)).toEqual([
      '81312345678',
      '9110',
      '188',
      '819012345678',
    ]);
  });

  it('removes the unknown contact from the text', () => {
    const out = stripUnknownContacts('確認は 0120-555-019 または #9110 へ', allowed);
    expect(out).toEqual({ text: '確認は または #9110 へ', removed: 1 });
  });

  it('treats an allow-list that throws as a no', () => {
    const broken: AllowedContacts = {
      isAllowedUrl: () => {
        throw new Error('registry not loaded');
      },
      isAllowedPhone: () => true,
    };
    expect(stripUnknownContacts('https://www.npa.go.jp/', broken).removed).toBe(1);
  });
});
