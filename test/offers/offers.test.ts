import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadOffers, OffersFileError, selectOffers } from '../../src/offers/offers.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'anshin-offers-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const base = {
  id: 'trial',
  partner: 'Example',
  title: { ja: '無料体験', en: 'Free trial' },
  text: { ja: '30日間無料です。', en: 'Free for 30 days.' },
  url: 'https://security.example.com/trial',
  validFrom: '2025-04-01T00:00:00+09:00',
  validTo: '2025-05-01T00:00:00+09:00',
  levels: ['danger'],
  scamTypes: ['delivery_sms'],
  channels: ['line'],
};

function write(name: string, body: string): string {
  const f = path.join(dir, name);
  fs.writeFileSync(f, body);
  return f;
}

describe('offers', () => {
  it('loads the shipped example', () => {
    const offers = loadOffers(path.resolve('knowledge/offers.example.yaml'));
    expect(offers.length).toBeGreaterThan(0);
    expect(offers[0]!.validFrom).toBeInstanceOf(Date);
  });

  it('loads JSON and shows an offer only inside its dates and for its level, type and channel', () => {
    const offers = loadOffers(write('o.json', JSON.stringify({ offers: [base] })));
    const q = { level: 'danger', scamType: 'delivery_sms', channel: 'line' } as const;
    expect(selectOffers(offers, { ...q, now: new Date('2025-04-10T00:00:00Z') }).map((o) => o.id)).toEqual(['trial']);
    expect(selectOffers(offers, { ...q, now: new Date('2025-03-31T14:59:59Z') })).toEqual([]);
    expect(selectOffers(offers, { ...q, now: new Date('2025-04-30T15:00:00Z') })).toEqual([]);
    const inside = new Date('2025-04-10T00:00:00Z');
    expect(selectOffers(offers, { ...q, level: 'caution', now: inside })).toEqual([]);
    expect(selectOffers(offers, { ...q, scamType: 'romance', now: inside })).toEqual([]);
    expect(selectOffers(offers, { ...q, channel: 'sms', now: inside })).toEqual([]);
  });

  it('names what is wrong in a bad file', () => {
    const bad = write('bad.yaml', 'offers:\n  - id: BAD ID\n    url: http://plain.example.com\n');
    expect(() => loadOffers(bad)).toThrow(OffersFileError);
    expect(() => loadOffers(bad)).toThrow(/url must be an https/);
    expect(() => loadOffers(path.join(dir, 'missing.yaml'))).toThrow(/cannot read OFFERS_FILE/);
    const backwards = write('b.json', JSON.stringify({ offers: [{ ...base, validTo: '2025-01-01' }] }));
    expect(() => loadOffers(backwards)).toThrow(/validFrom must be before validTo/);
  });
});
