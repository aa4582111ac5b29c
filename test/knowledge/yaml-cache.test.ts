// The YAML cache gives exactly what yaml.parse gives, follows every edit (content hash), writes only into its own
// folder, keeps what JSON cannot carry out of the cache, and still parses where it cannot write.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadArticles } from '../../src/knowledge/articles.ts';
import { DEFAULT_BRANDS_FILE, loadBrands } from '../../src/knowledge/brands.ts';
import {
  createYamlCache,
  DEFAULT_YAML_CACHE_DIR,
  MAX_CACHE_ENTRIES,
  survivesJson,
} from '../../src/knowledge/yaml-cache.ts';

const dirs: string[] = [];
const tmp = () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'anshin-yaml-cache-'));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});
const entries = (dir: string) => (fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.json')) : []);

describe('createYamlCache', () => {
  it('returns what yaml.parse returns, from the cache the second time', () => {
    const dir = path.join(tmp(), 'cache');
    const cache = createYamlCache(dir);
    const text = 'id: x\nphones:\n  - number: 188\n    label: { ja: 消費者ホットライン, en: hotline }\nempty:\n';
    expect(cache.parse(text)).toEqual(parse(text));
    expect(entries(dir)).toHaveLength(1);
    expect(cache.parse(text)).toEqual(parse(text));
    expect(entries(dir)).toHaveLength(1);
  });

  it('follows an edit: changed text is parsed afresh, never served stale', () => {
    const cache = createYamlCache(path.join(tmp(), 'cache'));
    expect(cache.parse('domain: sagawa-exp.co.jp\n')).toEqual({ domain: 'sagawa-exp.co.jp' });
    expect(cache.parse('domain: sagawa-xx.top\n')).toEqual({ domain: 'sagawa-xx.top' });
    expect(cache.parse('domain: sagawa-exp.co.jp\n')).toEqual({ domain: 'sagawa-exp.co.jp' });
  });

  it('a damaged entry is parsed again and rewritten', () => {
    const dir = path.join(tmp(), 'cache');
    const cache = createYamlCache(dir);
    cache.parse('a: 1\n');
    const [entry] = entries(dir);
    fs.writeFileSync(path.join(dir, entry!), '{"format": "anshin-yaml-cache/1", "val');
    expect(cache.parse('a: 1\n')).toEqual({ a: 1 });
    expect(JSON.parse(fs.readFileSync(path.join(dir, entry!), 'utf8')).value).toEqual({ a: 1 });
  });

  it('throws the same error as yaml.parse for broken YAML, and caches nothing', () => {
    const dir = path.join(tmp(), 'cache');
    const broken = 'a: [1, 2\nb: }';
    expect(() => createYamlCache(dir).parse(broken)).toThrow(
      (() => {
        try {
          parse(broken);
        } catch (err) {
          return (err as Error).message;
        }
        return 'parse did not throw';
      })(),
    );
    expect(entries(dir)).toHaveLength(0);
  });

  it('never caches what JSON would change', () => {
    const dir = path.join(tmp(), 'cache');
    const cache = createYamlCache(dir);
    expect(cache.parse('x: .inf\n')).toEqual({ x: Number.POSITIVE_INFINITY });
    expect(cache.parse('x: -0\n')).toEqual({ x: -0 });
    expect(entries(dir)).toHaveLength(0);
    expect(survivesJson({ a: [1, 'b', null, true, { c: 2 }] })).toBe(true);
    expect(survivesJson({ d: new Date(0) })).toBe(false);
    expect(survivesJson({ u: undefined })).toBe(false);
    expect(survivesJson(JSON.parse('{"__proto__": {"polluted": true}}'))).toBe(false);
  });

  it('still parses where the folder cannot be written', () => {
    const file = path.join(tmp(), 'not-a-folder');
    fs.writeFileSync(file, '');
    expect(createYamlCache(path.join(file, 'cache')).parse('a: 1\n')).toEqual({ a: 1 });
  });

  it(`keeps at most ${MAX_CACHE_ENTRIES} entries`, () => {
    const dir = path.join(tmp(), 'cache');
    const cache = createYamlCache(dir);
    for (let i = 0; i < MAX_CACHE_ENTRIES + 5; i++) cache.parse(`n: ${i}\n`);
    expect(entries(dir).length).toBe(MAX_CACHE_ENTRIES);
  });
});

describe('the knowledge through the cache', () => {
  it('loads the same brands and articles with the cache cold, warm and edited', () => {
    fs.rmSync(DEFAULT_YAML_CACHE_DIR, { recursive: true, force: true });
    const cold = { brands: loadBrands(), articles: loadArticles() };
    const warm = { brands: loadBrands(), articles: loadArticles() };
    expect(warm).toEqual(cold);
    // An edited registry (one official domain renamed everywhere) is read as edited, not as the cached original.
    const domain = cold.brands.find((b) => b.domains.length > 0)!.domains[0]!;
    const renamed = `renamed-${domain}`;
    const copy = path.join(tmp(), 'brands.yaml');
    fs.writeFileSync(copy, fs.readFileSync(DEFAULT_BRANDS_FILE, 'utf8').replaceAll(domain, renamed));
    const edited = loadBrands(copy);
    expect(edited.some((b) => b.domains.includes(renamed))).toBe(true);
    expect(edited.some((b) => b.domains.includes(domain))).toBe(false);
  });

  it('writes nothing next to the sources: the cache lives under node_modules/.cache', () => {
    expect(path.relative(process.cwd(), DEFAULT_YAML_CACHE_DIR).split(path.sep).slice(0, 2)).toEqual([
      'node_modules',
      '.cache',
    ]);
    const snapshot = () =>
      ['knowledge', 'src', 'prompts'].flatMap((d) =>
        fs
          .readdirSync(d, { recursive: true, withFileTypes: true })
          .filter((e) => e.isFile())
          .map((e) => {
            const f = path.join(e.parentPath, e.name);
            const st = fs.statSync(f);
            return `${f} ${st.size} ${st.mtimeMs}`;
          })
          .sort(),
      );
    const before = snapshot();
    fs.rmSync(DEFAULT_YAML_CACHE_DIR, { recursive: true, force: true });
    loadBrands();
    loadArticles();
    expect(snapshot()).toEqual(before);
  });
});
