import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { IntelHit } from '../../src/domain.ts';
import { IntelFileError, importJpcert, importList, JPCERT_SOURCE } from '../../src/intel/import.ts';
import { toPhoneIndicator, toUrlIndicator } from '../../src/intel/indicators.ts';
import { IntelStore } from '../../src/intel/store.ts';

// Fictional phishing hosts in the JPCERT/CC phishurl-list layout: a quoted URL with a comma and doubled
// quotes, a brand with a comma, a label over two lines, a blank date, a garbage row, a shared host.
const JPCERT_CSV = [
  'date,URL,description',
  '2024/01/04 10:02:00,https://sagawa-xx.top/login,佐川急便',
  '2024/01/05 11:30:00,"https://shop.compromised-xx.jp/wp/a,b.php?x=""1""","Amazon, Japan"',
  ',https://nodate-xx.xyz/,三井住友カード',
  '2024/01/06 12:00:00,not a url at all,Garbage',
  '2024/01/07 13:00:00,https://docs.google.com/forms/d/e/FAKE-FORM/viewform,楽天',
  '2024/01/08 14:00:00,https://two-lines-xx.top/,"国税庁',
  'e-Tax"',
  '',
].join('\r\n');

const LIST_TXT = [
  '# Title: test list',
  '# Updated: 2025-07-19T12:11:28Z',
  'evil-domain-xx.top',
  'Login.Evil-Sub-xx.top.',
  '203.0.113.7',
  'https://phish-xx.icu/path?a=1',
  'bit.ly',
  'hxxps://defanged-xx[.]top/x',
  '',
  '+81-3-1234-5678',
  '050-1234-5678',
  '! an adblock-style comment',
  'this is garbage',
  'foo.notatld',
].join('\n');

let dir: string;
let store: IntelStore;

function write(name: string, text: string): string {
  const file = path.join(dir, name);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  return file;
}

function lookupUrl(written: string): IntelHit[] {
  const url = toUrlIndicator(written);
  if (url === null) throw new Error(`test link ${written} did not parse`);
  return store.lookup({ urls: [url], phones: [] });
}

function lookupPhone(written: string): IntelHit[] {
  const phone = toPhoneIndicator(written);
  if (phone === null) throw new Error(`test number ${written} did not parse`);
  return store.lookup({ urls: [], phones: [phone] });
}

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'anshin-intel-import-'));
  store = IntelStore.open(path.join(dir, 'intel.db'));
});

afterEach(() => {
  store.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('importJpcert', () => {
  it('imports url and host entries with source, JST date and brand, skipping garbage', async () => {
    const started = performance.now();
    const report = await importJpcert(store, [write('202401.csv', JPCERT_CSV)]);
    const elapsedMs = performance.now() - started;
    expect(report).toMatchObject({ files: 1, rows: 6, skipped: 1, updated: 0 });
    // 5 urls + 4 hosts: docs.google.com gets no host entry.
    expect(report.inserted).toBe(9);
    // Whole milliseconds of this import, not seconds or a clock reading.
    expect(Number.isInteger(report.ms)).toBe(true);
    expect(report.ms).toBeLessThanOrEqual(Math.ceil(elapsedMs));

    expect(lookupUrl('https://sagawa-xx.top/login')).toEqual([
      {
        kind: 'url',
        value: 'https://sagawa-xx.top/login',
        source: JPCERT_SOURCE,
        listedAt: '2024-01-04T10:02:00+09:00',
        label: '佐川急便',
      },
      {
        kind: 'host',
        value: 'sagawa-xx.top',
        source: JPCERT_SOURCE,
        listedAt: '2024-01-04T10:02:00+09:00',
        label: '佐川急便',
      },
    ]);
    expect(lookupUrl('https://shop.compromised-xx.jp/wp/a,b.php?x=%221%22').map((h) => [h.kind, h.label])).toEqual([
      ['url', 'Amazon, Japan'],
      ['host', 'Amazon, Japan'],
    ]);
    expect(lookupUrl('https://two-lines-xx.top/')[0]?.label).toBe('国税庁\r\ne-Tax');
  });

  it('matches another page on a listed host by host only, and never by registrable domain', async () => {
    await importJpcert(store, [write('202401.csv', JPCERT_CSV)]);
    expect(lookupUrl('https://sagawa-xx.top/other').map((h) => h.kind)).toEqual(['host']);
    // The rest of a compromised site's domain is not flagged.
    expect(lookupUrl('https://www.compromised-xx.jp/')).toEqual([]);
    expect(store.stats().map((s) => s.kind)).not.toContain('domain');
  });

  it('dates a row without a date with the import time', async () => {
    const before = Date.now();
    await importJpcert(store, [write('202401.csv', JPCERT_CSV)]);
    const [hit] = lookupUrl('https://nodate-xx.xyz/');
    expect(hit?.listedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+09:00$/);
    expect(Date.parse(hit?.listedAt ?? '')).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000);
  });

  it('keeps only the exact URL on a shared host', async () => {
    await importJpcert(store, [write('202401.csv', JPCERT_CSV)]);
    expect(lookupUrl('https://docs.google.com/forms/d/e/FAKE-FORM/viewform').map((h) => h.kind)).toEqual(['url']);
    expect(lookupUrl('https://docs.google.com/forms/d/e/SOMEONE-ELSE/viewform')).toEqual([]);
  });

  it('is idempotent, and a changed label on re-import updates the entry', async () => {
    const file = write('202401.csv', JPCERT_CSV);
    await importJpcert(store, [file]);
    const stats = store.stats();
    expect(await importJpcert(store, [file])).toMatchObject({ rows: 6, inserted: 0, updated: 0, skipped: 1 });
    expect(store.stats()).toEqual(stats);

    write('202401.csv', JPCERT_CSV.replace('佐川急便', '佐川急便 (SMS)'));
    expect(await importJpcert(store, [file])).toMatchObject({ inserted: 0, updated: 2 });
    expect(lookupUrl('https://sagawa-xx.top/login').map((h) => h.label)).toEqual(['佐川急便 (SMS)', '佐川急便 (SMS)']);
  });

  it('searches folders for CSV files and takes a source name', async () => {
    write('feed/2024/202401.csv', JPCERT_CSV);
    write('feed/2024/202402.csv', 'date,URL,description\n2024/02/01 09:00:00,https://later-xx.top/,au\n');
    write('feed/README.txt', 'https://not-a-csv-xx.top/\n');
    const report = await importJpcert(store, [path.join(dir, 'feed')], { source: 'jpcert-test' });
    expect(report).toMatchObject({ files: 2, rows: 7 });
    expect(lookupUrl('https://later-xx.top/')[0]?.source).toBe('jpcert-test');
    expect(lookupUrl('https://not-a-csv-xx.top/')).toEqual([]);
  });

  it('fails before writing anything when a path does not exist', async () => {
    const file = write('202401.csv', JPCERT_CSV);
    await expect(importJpcert(store, [file, path.join(dir, 'missing.csv')])).rejects.toThrow(IntelFileError);
    expect(store.stats()).toEqual([]);
  });
});

describe('importList', () => {
  it('turns domains, hosts, IPs, URLs and phone numbers into entries, and counts what it skipped', async () => {
    const report = await importList(store, [write('test-list.txt', LIST_TXT)]);
    // Skipped: 2 comments, 1 blank, bit.ly (shared), 1 "!" comment, 2 garbage lines.
    expect(report).toMatchObject({ files: 1, rows: 14, skipped: 7, updated: 0 });
    expect(store.stats()).toEqual([
      { source: 'test-list', kind: 'domain', count: 1 },
      { source: 'test-list', kind: 'host', count: 4 },
      { source: 'test-list', kind: 'phone', count: 2 },
      { source: 'test-list', kind: 'url', count: 2 },
    ]);
  });

  it('matches a listed registrable domain on any of its hosts, dated by the list header', async () => {
    await importList(store, [write('test-list.txt', LIST_TXT)]);
    expect(lookupUrl('https://www.evil-domain-xx.top/a/b')).toEqual([
      {
        kind: 'domain',
        value: 'evil-domain-xx.top',
        source: 'test-list',
        listedAt: '2025-07-19T21:11:28+09:00',
        label: null,
      },
    ]);
  });

  it('keeps a listed subdomain at host level', async () => {
    await importList(store, [write('test-list.txt', LIST_TXT)]);
    expect(lookupUrl('http://login.evil-sub-xx.top/').map((h) => [h.kind, h.value])).toEqual([
      ['host', 'login.evil-sub-xx.top'],
    ]);
    expect(lookupUrl('http://www.evil-sub-xx.top/')).toEqual([]);
    expect(lookupUrl('http://203.0.113.7/x').map((h) => h.kind)).toEqual(['host']);
  });

  it('reads URL lines, defanged ones too, as url + host', async () => {
    await importList(store, [write('test-list.txt', LIST_TXT)]);
    expect(lookupUrl('https://phish-xx.icu/path?a=1').map((h) => h.kind)).toEqual(['url', 'host']);
    expect(lookupUrl('https://defanged-xx.top/x').map((h) => h.kind)).toEqual(['url', 'host']);
  });

  it('stores phone numbers in E.164 whichever way they were written', async () => {
    await importList(store, [write('test-list.txt', LIST_TXT)]);
    expect(lookupPhone('03-1234-5678')).toMatchObject([{ kind: 'phone', value: '+81312345678' }]);
    expect(lookupPhone('+81 50 1234 5678')).toMatchObject([{ kind: 'phone', value: '+815012345678' }]);
    expect(lookupPhone('090-1111-2222')).toEqual([]);
  });

  it('is idempotent', async () => {
    const file = write('test-list.txt', LIST_TXT);
    await importList(store, [file]);
    expect(await importList(store, [file])).toMatchObject({ inserted: 0, updated: 0 });
  });

  it('names the source after each file in a folder', async () => {
    write('lists/a.txt', 'a-xx.top\n');
    write('lists/sub/b.txt', 'b-xx.top\n');
    await importList(store, [path.join(dir, 'lists')]);
    expect(store.stats().map((s) => s.source)).toEqual(['a', 'b']);
  });
});
