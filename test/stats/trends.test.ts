// The weekly trends keep people (LINE, Twilio) apart from /v1/check and the try page, and the tip is chosen
// from the people's counts unless the operator adds the others (TIPS_COUNT_API, TIPS_COUNT_WEB).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import type { Channel } from '../../src/domain.ts';
import { PersonIds } from '../../src/infra/ids.ts';
import { silentLog } from '../../src/infra/log.ts';
import { SqliteStore } from '../../src/infra/store/sqlite.ts';
import { loadArticles } from '../../src/knowledge/articles.ts';
import { readTrends, recordConsultation, tipTrendSources } from '../../src/stats/trends.ts';
import { isoWeekOf } from '../../src/stats/week.ts';
import { MIN_CONSULTATIONS_FOR_TRENDS } from '../../src/tips/compose.ts';
import { composeEdition } from '../../src/tips/edition.ts';
import { createTipsService } from '../../src/tips/service.ts';
import { webApp } from '../web/helpers/app.ts';

const articles = loadArticles();
const IN_W47 = new Date('2026-11-18T03:00:00Z');
const danger = (channel: Channel) =>
  ({ level: 'danger', scamType: 'delivery_sms', brands: ['sagawa'], channel }) as const;

describe('trends by source', () => {
  let store: SqliteStore;
  beforeAll(async () => {
    store = new SqliteStore({ file: ':memory:' });
    for (const c of ['line', 'twilio', 'api', 'cli', 'web'] as const)
      await recordConsultation(store, danger(c), IN_W47);
  });
  afterAll(async () => {
    await store.close();
  });

  it('keeps /v1/check (and the CLI) and the try page in their own counters', async () => {
    expect(await store.mapEntries('trends:2026-W47')).toMatchObject({ total: '2', 'channel:line': '1' });
    expect(await store.mapEntries('trends:2026-W47')).not.toHaveProperty('channel:api');
    expect(await store.mapEntries('trends:2026-W47:api')).toMatchObject({ total: '2', 'channel:cli': '1' });
    expect(await store.mapEntries('trends:2026-W47:web')).toMatchObject({ total: '1', 'channel:web': '1' });
  });

  it('reads every source by default (console, `tips trends`), each channel apart', async () => {
    const all = await readTrends(store, '2026-W47');
    expect(all).toMatchObject({
      total: 5,
      byType: { delivery_sms: 5 },
      byBrand: { sagawa: 5 },
      byChannel: { line: 1, twilio: 1, api: 1, cli: 1, web: 1 },
    });
    const people = await readTrends(store, '2026-W47', ['people']);
    expect(people).toMatchObject({ total: 2, byType: { delivery_sms: 2 }, byChannel: { line: 1, twilio: 1 } });
  });

  it('tipTrendSources: people, plus what the operator adds', () => {
    expect(tipTrendSources(loadConfig({}))).toEqual(['people']);
    expect(tipTrendSources(loadConfig({ TIPS_COUNT_API: 'true' }))).toEqual(['people', 'api']);
    expect(tipTrendSources(loadConfig({ TIPS_COUNT_API: 'yes', TIPS_COUNT_WEB: 'on' }))).toEqual([
      'people',
      'api',
      'web',
    ]);
  });
});

describe('the tip is not chosen by API calls', () => {
  let store: SqliteStore;
  beforeAll(async () => {
    store = new SqliteStore({ file: ':memory:' });
    // One integrator's script sends a burst of delivery-SMS checks; people asked about nothing that week.
    for (let i = 0; i < MIN_CONSULTATIONS_FOR_TRENDS + 10; i++) {
      await recordConsultation(store, danger('api'), IN_W47);
      await recordConsultation(store, danger('web'), IN_W47);
    }
  });
  afterAll(async () => {
    await store.close();
  });

  it('by default the API and the try page are ignored: the featured article goes out', async () => {
    const e = await composeEdition({ store, articles }, '2026-W48');
    expect(e.tips.ja.basis).toBe('featured');
    expect(e.tips.en.basis).toBe('featured');
  });

  it.each([
    ['TIPS_COUNT_API', { TIPS_COUNT_API: 'true' }],
    ['TIPS_COUNT_WEB', { TIPS_COUNT_WEB: 'true' }],
  ])('with %s the tip reports what they asked about', async (_n, env) => {
    const config = loadConfig({ DATA_DIR: '/nonexistent-anshin-trends-test', ...env });
    const service = createTipsService({
      config,
      store,
      ids: new PersonIds(Buffer.alloc(32, 7)),
      log: silentLog,
      articles,
      polisher: null,
      senders: {},
    });
    const e = await composeEdition(service.editionDeps, '2026-W48');
    expect(e.tips.ja.basis).toBe('trends');
    expect(e.tips.ja.patterns.map((p) => p.articleId)).toContain('delivery-sms');
  });

  it('the service reads only the people’s trends unless told', () => {
    const service = createTipsService({
      config: loadConfig({ DATA_DIR: '/nonexistent-anshin-trends-test' }),
      store,
      ids: new PersonIds(Buffer.alloc(32, 7)),
      log: silentLog,
      articles,
      polisher: null,
      senders: {},
    });
    expect(service.editionDeps.sources).toEqual(['people']);
  });
});

describe('POST /v1/check is counted apart', () => {
  it('a verdict of the API lands in the API counters, not the people’s', async () => {
    const w = await webApp();
    try {
      const r = await w.app.inject({
        method: 'POST',
        url: '/v1/check',
        payload: { text: '【佐川急便】お荷物のお届けにあがりましたが不在の為持ち帰りました http://sagawa-xx.top/' },
      });
      expect(r.statusCode).toBe(200);
      const week = isoWeekOf(new Date());
      expect(await w.runtime.store.mapEntries(`trends:${week}:api`)).toMatchObject({ total: '1', 'channel:api': '1' });
      expect(await w.runtime.store.mapEntries(`trends:${week}`)).toEqual({});
      expect((await readTrends(w.runtime.store, week, ['people'])).total).toBe(0);
    } finally {
      await w.close();
    }
  });
});

describe('the week follows TZ', () => {
  // Monday 30 November 2026, 00:30 in Auckland (NZDT, UTC+13), is still Sunday 20:30 in Tokyo.
  const MONDAY_0030_AUCKLAND = new Date('2026-11-29T11:30:00Z');

  it('counts a consultation just after midnight on Monday, local time, in the new week', async () => {
    const store = new SqliteStore({ file: ':memory:' });
    try {
      await recordConsultation(store, danger('line'), MONDAY_0030_AUCKLAND, 'Pacific/Auckland');
      expect((await readTrends(store, '2026-W49')).byChannel).toEqual({ line: 1 });
      expect((await readTrends(store, '2026-W48')).total).toBe(0);
    } finally {
      await store.close();
    }
  });

  it('with the default (Asia/Tokyo) the same instant is still in the old week', async () => {
    const store = new SqliteStore({ file: ':memory:' });
    try {
      await recordConsultation(store, danger('line'), MONDAY_0030_AUCKLAND);
      expect((await readTrends(store, '2026-W48')).byChannel).toEqual({ line: 1 });
      expect((await readTrends(store, '2026-W49')).total).toBe(0);
    } finally {
      await store.close();
    }
  });
});
