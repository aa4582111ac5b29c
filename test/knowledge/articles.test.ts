import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import {
  type Article,
  ArticleError,
  ArticleFrontMatterSchema,
  DEFAULT_ARTICLES_DIR,
  loadArticles,
} from '../../src/knowledge/articles.ts';

const REPO_ARTICLES_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../knowledge/articles');

// ---- Loader ---------------------------------------------------------------------------------------

function frontMatter(id: string, lang: 'ja' | 'en', overrides: Record<string, string> = {}): string {
  const fields: Record<string, string> = {
    id,
    title: 'テスト記事',
    scamType: 'delivery_sms',
    lang,
    tags: '[宅配, 不在通知]',
    updated: '2026-11-20',
    summary: 'テスト用の要約です。',
    sources: '\n  - { name: 国民生活センター, url: "https://www.kokusen.go.jp/" }',
    examples: '\n  - "【佐川急便】お荷物のお届けにあがりましたが不在の為持ち帰りました hxxp://sagawa-xx[.]top/"',
    advice: '\n  - リンクは開かないでください。',
    ifAlreadyActed: '\n  - カード会社に電話してください。',
    contacts: '\n  - { label: { ja: 消費者ホットライン, en: Consumer hotline }, phone: "188" }',
    ...overrides,
  };
  const yaml = Object.entries(fields)
    .filter(([, v]) => v !== '')
    .map(([k, v]) => `${k}: ${v}`)
    .join('\n');
  return `---\n${yaml}\n---\n\n## どんな手口か\n\n本文です。\n`;
}

describe('loadArticles (on a temporary folder)', () => {
  let dir: string;
  const makeDir = () => {
    dir = mkdtempSync(path.join(tmpdir(), 'anshin-articles-'));
    return dir;
  };
  const write = (rel: string, text: string) => {
    const file = path.join(dir, rel);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
    return file;
  };
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('reads ja/ and en/ recursively, sorts by id then lang and keeps the body and file', () => {
    makeDir();
    write('ja/b-article.md', frontMatter('b-article', 'ja'));
    write('ja/nested/a-article.md', frontMatter('a-article', 'ja'));
    write('en/a-article.md', frontMatter('a-article', 'en'));
    write('ja/notes.txt', 'not an article');
    const articles = loadArticles(dir);
    expect(articles.map((a) => `${a.id}/${a.lang}`)).toEqual(['a-article/en', 'a-article/ja', 'b-article/ja']);
    const first = articles[0]!;
    expect(first.file).toBe(path.join(dir, 'en/a-article.md'));
    expect(first.body).toBe('## どんな手口か\n\n本文です。');
    expect(first.updated).toBe('2026-11-20');
    expect(first.contacts).toEqual([{ label: { ja: '消費者ホットライン', en: 'Consumer hotline' }, phone: '188' }]);
    expect(first.sources).toEqual([{ name: '国民生活センター', url: 'https://www.kokusen.go.jp/' }]);
  });

  it('accepts a missing language folder', () => {
    makeDir();
    write('ja/only-ja.md', frontMatter('only-ja', 'ja'));
    expect(loadArticles(dir).map((a) => a.id)).toEqual(['only-ja']);
  });

  it('names the file and the field when a required field is missing', () => {
    makeDir();
    const file = write('ja/no-advice.md', frontMatter('no-advice', 'ja', { advice: '' }));
    expect(() => loadArticles(dir)).toThrow(ArticleError);
    expect(() => loadArticles(dir)).toThrow(file);
    expect(() => loadArticles(dir)).toThrow('"advice"');
  });

  it('rejects a source URL that is not https', () => {
    makeDir();
    write('ja/bad-url.md', frontMatter('bad-url', 'ja', { sources: '\n  - { name: X, url: "http://example.org/" }' }));
    expect(() => loadArticles(dir)).toThrow('"sources.0.url"');
  });

  it('rejects a stray comma in a flow map instead of silently dropping part of it', () => {
    makeDir();
    const sources = '\n  - { name: National Police Agency, "Phishing", url: "https://www.npa.go.jp/" }';
    write('en/comma.md', frontMatter('comma', 'en', { sources }));
    expect(() => loadArticles(dir)).toThrow('"sources.0"');
  });

  it('rejects a contact with neither phone nor url, and an unquoted #9110 (a YAML comment)', () => {
    makeDir();
    write('ja/c1.md', frontMatter('c1', 'ja', { contacts: '\n  - { label: { ja: 警察, en: Police } }' }));
    expect(() => loadArticles(dir)).toThrow('"contacts.0"');
    rmSync(path.join(dir, 'ja/c1.md'));
    write('ja/c2.md', frontMatter('c2', 'ja', { contacts: '\n  - label: { ja: 警察, en: Police }\n    phone: #9110' }));
    expect(() => loadArticles(dir)).toThrow('"contacts.0.phone"');
  });

  it('rejects an unknown scam type and a malformed date', () => {
    makeDir();
    write('ja/t.md', frontMatter('t', 'ja', { scamType: 'delivery' }));
    expect(() => loadArticles(dir)).toThrow('"scamType"');
    rmSync(path.join(dir, 'ja/t.md'));
    write('ja/d.md', frontMatter('d', 'ja', { updated: '2026-02-30' }));
    expect(() => loadArticles(dir)).toThrow('"updated"');
  });

  it('pins id to the file name and lang to the folder', () => {
    makeDir();
    write('ja/right-name.md', frontMatter('other-name', 'ja'));
    expect(() => loadArticles(dir)).toThrow('"id"');
    rmSync(path.join(dir, 'ja/right-name.md'));
    write('en/x.md', frontMatter('x', 'ja'));
    expect(() => loadArticles(dir)).toThrow('"lang"');
  });

  it('refuses the same id twice in one language', () => {
    makeDir();
    write('ja/dup.md', frontMatter('dup', 'ja'));
    write('ja/more/dup.md', frontMatter('dup', 'ja'));
    expect(() => loadArticles(dir)).toThrow('already used');
  });

  it('refuses a file without front matter or without a body', () => {
    makeDir();
    write('ja/plain.md', '# just markdown\n');
    expect(() => loadArticles(dir)).toThrow('(front matter)');
    rmSync(path.join(dir, 'ja/plain.md'));
    write('ja/empty.md', frontMatter('empty', 'ja').replace(/\n## [\s\S]*$/, '\n'));
    expect(() => loadArticles(dir)).toThrow('(body)');
  });

  it('normalises an updated date that YAML parsed as a Date to YYYY-MM-DD', () => {
    const parsed = ArticleFrontMatterSchema.parse({
      id: 'x',
      title: 't',
      scamType: 'phishing',
      lang: 'ja',
      tags: [],
      updated: new Date('2026-11-20T00:00:00Z'),
      summary: 's',
      sources: [{ name: 'n', url: 'https://www.npa.go.jp/' }],
      examples: ['e'],
      advice: ['a'],
      ifAlreadyActed: ['i'],
      contacts: [{ label: { ja: '消費者ホットライン', en: 'Consumer hotline' }, phone: 188 }],
    });
    expect(parsed.updated).toBe('2026-11-20');
    expect(parsed.contacts[0]?.phone).toBe('188');
  });

  it('resolves the default folder to <repo>/knowledge/articles', () => {
    expect(DEFAULT_ARTICLES_DIR).toBe(REPO_ARTICLES_DIR);
  });
});

// ---- The articles in the repository -----------------------------------------------------------------

/** Schemes that make a link clickable; examples must write hxxp:// instead. */
const LIVE_SCHEME = /https?:\/\//i;
const COMMON_TLDS = [
  'com',
  'net',
  'org',
  'info',
  'biz',
  'jp',
  'top',
  'xyz',
  'icu',
  'cn',
  'cc',
  'shop',
  'site',
  'online',
  'club',
  'live',
  'vip',
  'me',
  'io',
  'co',
  'app',
  'link',
  'click',
  'ru',
  'tk',
  'buzz',
  'store',
  'cloud',
  'asia',
  'work',
  'life',
  'fun',
  'mobi',
  'ly',
  'gl',
];
/** "word.tld" with a real dot; a defanged "word[.]tld" has "[" before the dot and does not match. */
const LIVE_DOMAIN = new RegExp(`[a-z0-9-]\\.(?:${COMMON_TLDS.join('|')})(?![a-z0-9-])`, 'i');

function undefangedLink(text: string): string | null {
  return LIVE_SCHEME.exec(text)?.[0] ?? LIVE_DOMAIN.exec(text)?.[0] ?? null;
}

/** Numbers we are sure of: emergency, police consultation, consumer hotline, international-call suspension. */
const ALLOWED_PHONES = new Set(['110', '#9110', '188', '0120-210-364']);
/** Public authorities and the official sites of brands that scams impersonate. */
const OFFICIAL_HOSTS = [
  'go.jp',
  'lg.jp',
  'antiphishing.jp',
  'zenginkyo.or.jp',
  'dekyo.or.jp',
  'jc3.or.jp',
  'jpcert.or.jp',
  'j-credit.or.jp',
  'docomo.ne.jp',
  'nttdocomo.co.jp',
  'au.com',
  'kddi.com',
  'softbank.jp',
  'mercari.com',
  'amazon.co.jp',
  'rakuten.co.jp',
  'sagawa-exp.co.jp',
  'kuronekoyamato.co.jp',
  'japanpost.jp',
  'line.me',
];

function isOfficialUrl(url: string): boolean {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  return u.protocol === 'https:' && OFFICIAL_HOSTS.some((h) => u.hostname === h || u.hostname.endsWith(`.${h}`));
}

/** Our own words must never promise safety (examples are scammers' words and are not checked). */
const SAFETY_PROMISE = [
  /安全です/,
  /安心です/,
  /大丈夫です/,
  /心配(?:は)?ありません/,
  /\b(?:it|this|that)(?:'s| is) (?:completely |perfectly |totally )?safe\b/i,
  /\byou(?:'re| are) (?:completely |perfectly |totally )?safe\b/i,
];

const HEADINGS: Record<'ja' | 'en', string[]> = {
  ja: [
    '## どんな手口か',
    '## 見分けるポイント',
    '## いますぐすること',
    '## もうリンクを開いた・入力した・支払ったときは',
    '## 相談先',
  ],
  en: ['## How it works', '## Signs', '## What to do now', '## If you already acted', '## Where to get help'],
};

describe('content checks themselves', () => {
  it('flag live links and pass defanged ones', () => {
    expect(undefangedLink('確認はこちら https://sagawa-xx.top/')).not.toBeNull();
    expect(undefangedLink('確認はこちら sagawa-xx.top/abc')).not.toBeNull();
    expect(undefangedLink('amazon-xx[.]co.jp')).not.toBeNull();
    expect(undefangedLink('確認はこちら hxxps://sagawa-xx[.]top/ または amazon-xx[.]co[.]jp')).toBeNull();
    expect(undefangedLink('Please call at 5 p.m. today, it is No.1 in Japan.')).toBeNull();
  });

  it('accept only official contact hosts', () => {
    expect(isOfficialUrl('https://www.npa.go.jp/bureau/cyber/soudan.html')).toBe(true);
    expect(isOfficialUrl('https://www.antiphishing.jp/')).toBe(true);
    expect(isOfficialUrl('http://www.npa.go.jp/')).toBe(false);
    expect(isOfficialUrl('https://npa.go.jp.example-xx.top/')).toBe(false);
  });
});

describe('the articles in knowledge/articles', () => {
  const articles: Article[] = loadArticles();
  const label = (a: Article) => `${a.lang}/${a.id}`;

  it('load and validate, with Japanese articles present', () => {
    expect(articles.length).toBeGreaterThan(0);
    expect(articles.some((a) => a.lang === 'ja')).toBe(true);
  });

  it('have ids unique per language', () => {
    const keys = articles.map(label);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('have a Japanese article, of the same scam type, for every English one', () => {
    const ja = new Map(articles.filter((a) => a.lang === 'ja').map((a) => [a.id, a]));
    const problems = articles
      .filter((a) => a.lang === 'en')
      .filter((en) => ja.get(en.id)?.scamType !== en.scamType)
      .map(label);
    expect(problems).toEqual([]);
  });

  it('cite at least one https source and give enough examples, advice and after-the-fact steps', () => {
    const problems: string[] = [];
    for (const a of articles) {
      if (a.sources.length < 1 || a.sources.some((s) => !s.url.startsWith('https://')))
        problems.push(`${label(a)}: sources`);
      if (a.examples.length < 3) problems.push(`${label(a)}: fewer than 3 examples`);
      if (a.advice.length < 2) problems.push(`${label(a)}: fewer than 2 advice`);
      if (a.ifAlreadyActed.length < 2) problems.push(`${label(a)}: fewer than 2 ifAlreadyActed`);
      for (const e of a.examples)
        if ([...e].length < 40) problems.push(`${label(a)}: example under 40 characters: ${e}`);
    }
    expect(problems).toEqual([]);
  });

  it('defang every link in examples', () => {
    const problems = articles.flatMap((a) =>
      a.examples.flatMap((e) => {
        const hit = undefangedLink(e);
        return hit === null ? [] : [`${label(a)}: "${hit}" in ${e}`];
      }),
    );
    expect(problems).toEqual([]);
  });

  it('list only allowed phone numbers and official https sites as contacts', () => {
    const problems: string[] = [];
    for (const a of articles) {
      for (const c of a.contacts) {
        if (c.phone !== undefined && !ALLOWED_PHONES.has(c.phone)) problems.push(`${label(a)}: phone ${c.phone}`);
        if (c.url !== undefined && !isOfficialUrl(c.url)) problems.push(`${label(a)}: url ${c.url}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('never promise safety', () => {
    const problems: string[] = [];
    for (const a of articles) {
      const ours = [a.title, a.summary, ...a.advice, ...a.ifAlreadyActed, a.body];
      for (const t of ours) {
        const hit = SAFETY_PROMISE.find((re) => re.test(t));
        if (hit) problems.push(`${label(a)}: ${hit} in ${t.slice(0, 80)}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('use the agreed section headings', () => {
    const problems = articles.flatMap((a) =>
      HEADINGS[a.lang].filter((h) => !a.body.split('\n').includes(h)).map((h) => `${label(a)}: missing ${h}`),
    );
    expect(problems).toEqual([]);
  });
});
