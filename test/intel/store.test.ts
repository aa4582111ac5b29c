import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { PhoneIndicator, UrlIndicator } from '../../src/domain.ts';
import { IntelStore } from '../../src/intel/store.ts';

// Written out as the extractor hands it over, so the store is checked against the contract, not our parser.
const link: UrlIndicator = {
  raw: 'https://www.sagawa-xx.top/track?id=1',
  url: 'https://www.sagawa-xx.top/track?id=1',
  host: 'www.sagawa-xx.top',
  hostUnicode: 'www.sagawa-xx.top',
  domain: 'sagawa-xx.top',
  tld: 'top',
  isIp: false,
  defanged: false,
  bare: false,
};
const phone: PhoneIndicator = { raw: '050-1234-5678', e164: '+815012345678', country: 'JP', kind: 'ip' };
const NOW = new Date('2025-01-01T00:00:00Z');

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

describe('IntelStore', () => {
  it('finds a link by exact URL, host and registrable domain, and a phone by E.164', () => {
    const store = IntelStore.open(':memory:');
    store.write(
      [
        { kind: 'url', value: link.url, source: 'feed-a', listedAt: '2024-01-04T10:02:00+09:00', label: '佐川急便' },
        { kind: 'host', value: link.host, source: 'feed-a', listedAt: '2024-01-04T10:02:00+09:00', label: '佐川急便' },
        { kind: 'domain', value: 'sagawa-xx.top', source: 'feed-b', listedAt: null, label: null },
        { kind: 'phone', value: '+815012345678', source: 'feed-c', listedAt: null, label: null },
      ],
      NOW,
    );
    const hits = store.lookup({ urls: [link], phones: [phone] });
    expect(hits).toEqual([
      { kind: 'url', value: link.url, source: 'feed-a', listedAt: '2024-01-04T10:02:00+09:00', label: '佐川急便' },
      { kind: 'host', value: link.host, source: 'feed-a', listedAt: '2024-01-04T10:02:00+09:00', label: '佐川急便' },
      // No date in the feed: the import time, in Japan time.
      { kind: 'domain', value: 'sagawa-xx.top', source: 'feed-b', listedAt: '2025-01-01T09:00:00+09:00', label: null },
      { kind: 'phone', value: '+815012345678', source: 'feed-c', listedAt: '2025-01-01T09:00:00+09:00', label: null },
    ]);
    store.close();
  });

  it('returns each hit once when several links share a host, and nothing for unknown links', () => {
    const store = IntelStore.open(':memory:');
    store.write([{ kind: 'host', value: link.host, source: 'feed-a', listedAt: null, label: null }], NOW);
    const other = { ...link, url: 'https://www.sagawa-xx.top/other' };
    expect(store.lookup({ urls: [link, other], phones: [] })).toHaveLength(1);
    const clean = { ...link, url: 'https://example.com/', host: 'example.com', domain: 'example.com' };
    expect(store.lookup({ urls: [clean], phones: [] })).toEqual([]);
    expect(store.lookup({ urls: [], phones: [] })).toEqual([]);
    store.close();
  });

  it('keeps one row per source, so two feeds listing the same host give two hits', () => {
    const store = IntelStore.open(':memory:');
    const counts = store.write(
      [
        { kind: 'host', value: link.host, source: 'feed-a', listedAt: null, label: null },
        { kind: 'host', value: link.host, source: 'feed-b', listedAt: null, label: null },
      ],
      NOW,
    );
    expect(counts).toEqual({ inserted: 2, updated: 0 });
    expect(store.lookup({ urls: [link], phones: [] }).map((h) => h.source)).toEqual(['feed-a', 'feed-b']);
    expect(store.stats()).toEqual([
      { source: 'feed-a', kind: 'host', count: 1 },
      { source: 'feed-b', kind: 'host', count: 1 },
    ]);
    store.close();
  });

  it('merges re-written entries: earliest date wins, same date relabels, undated never overwrites', () => {
    const store = IntelStore.open(':memory:');
    const entry = { kind: 'host' as const, value: link.host, source: 'f' };
    const at = (listedAt: string | null, label: string | null) => [{ ...entry, listedAt, label }];
    expect(store.write(at('2024-02-01T00:00:00+09:00', 'A'), NOW)).toEqual({ inserted: 1, updated: 0 });
    expect(store.write(at('2024-02-01T00:00:00+09:00', 'A'), NOW)).toEqual({ inserted: 0, updated: 0 });
    expect(store.write(at('2024-03-01T00:00:00+09:00', 'later'), NOW)).toEqual({ inserted: 0, updated: 0 });
    expect(store.write(at(null, 'undated'), NOW)).toEqual({ inserted: 0, updated: 0 });
    expect(store.write(at('2024-02-01T00:00:00+09:00', 'B'), NOW)).toEqual({ inserted: 0, updated: 1 });
    expect(store.write(at('2024-01-01T00:00:00+09:00', 'C'), NOW)).toEqual({ inserted: 0, updated: 1 });
    const [hit] = store.lookup({ urls: [link], phones: [] });
    expect(hit).toMatchObject({ listedAt: '2024-01-01T00:00:00+09:00', label: 'C' });
    store.close();
  });

  it('creates its folder, and a store re-opened from the same file keeps its data', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'anshin-intel-'));
    dirs.push(dir);
    const file = path.join(dir, 'nested', 'intel.db');
    const first = IntelStore.open(file);
    first.write([{ kind: 'phone', value: phone.e164, source: 'feed-c', listedAt: null, label: 'note' }], NOW);
    first.close();
    expect(fs.existsSync(file)).toBe(true);

    const again = IntelStore.open(file);
    expect(again.lookup({ urls: [], phones: [phone] })).toEqual([
      { kind: 'phone', value: '+815012345678', source: 'feed-c', listedAt: '2025-01-01T09:00:00+09:00', label: 'note' },
    ]);
    expect(again.stats()).toEqual([{ source: 'feed-c', kind: 'phone', count: 1 }]);
    again.close();
  });
});
