// Awareness articles: one Markdown file per article and language, knowledge/articles/<lang>/<id>.md,
// YAML front matter between `---` lines, then the body. Retrieval ranks them, compose quotes their
// advice and contacts, the judge may only cite links and numbers that appear here.
// Front matter is parsed with the `yaml` package (https://eemeli.org/yaml/#parse-options) and checked
// with zod so that a broken file stops start-up with the file and field named, not a half-loaded set.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import type { Contact, Lang, ScamType } from '../domain.ts';
import { LANGS, SCAM_TYPES } from '../domain.ts';
import { parseYamlCached } from './yaml-cache.ts';

/** <repo>/knowledge/articles, resolved from this module so it does not depend on the working directory. */
export const DEFAULT_ARTICLES_DIR = fileURLToPath(new URL('../../knowledge/articles', import.meta.url));

export interface ArticleSource {
  name: string;
  url: string;
}

export interface Article {
  /** kebab-case, the same in every language. */
  id: string;
  title: string;
  scamType: ScamType;
  lang: Lang;
  /** Words people and messages use; for retrieval. */
  tags: string[];
  /** YYYY-MM-DD. */
  updated: string;
  summary: string;
  sources: ArticleSource[];
  /** Realistic messages of this kind, links defanged. */
  examples: string[];
  /** What to do now. */
  advice: string[];
  /** What to do if the person already opened the link, paid or gave a code. */
  ifAlreadyActed: string[];
  /** Public authorities' or the impersonated brand's official contacts only. */
  contacts: Contact[];
  /** Markdown after the front matter. */
  body: string;
  /** Absolute path of the source file, for error messages and tooling (not for display). */
  file: string;
}

export class ArticleError extends Error {
  override name = 'ArticleError';
  constructor(
    readonly file: string,
    readonly field: string,
    problem: string,
  ) {
    super(`${file}: field "${field}": ${problem}`);
  }
}

const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

const text = z.string().trim().min(1, 'must be a non-empty string');
const textList = z.array(text).min(1, 'must list at least one entry');
const httpsUrl = z
  .string()
  .trim()
  .refine((s) => {
    try {
      return new URL(s).protocol === 'https:';
    } catch {
      return false;
    }
  }, 'must be an https:// URL');

function isRealDate(s: string): boolean {
  const m = DATE_PATTERN.exec(s);
  if (m === null) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

// Strict objects: in a YAML flow map a stray comma (`{ name: A, B, url: … }`) makes an extra key,
// which a stripping schema would silently drop.
const ContactSchema = z
  .strictObject({
    label: z.strictObject({ ja: text, en: text }),
    // An unquoted 188 in YAML is a number; an unquoted #9110 is a comment (null) and fails below.
    phone: z.preprocess((v) => (typeof v === 'number' ? String(v) : v), text.optional()),
    url: httpsUrl.optional(),
  })
  .refine((c) => c.phone !== undefined || c.url !== undefined, 'a contact needs a phone or a url');

/** The front matter of one article. Exported so that tools (and tests) can check a single object. */
export const ArticleFrontMatterSchema = z.object({
  id: z.string().regex(ID_PATTERN, 'must be kebab-case, e.g. delivery-sms'),
  title: text,
  scamType: z.enum(SCAM_TYPES),
  lang: z.enum(LANGS),
  tags: z.array(z.preprocess((v) => (typeof v === 'number' ? String(v) : v), text)),
  // YAML 1.1 timestamps (and some editors) turn 2026-11-20 into a Date; keep the calendar date.
  updated: z.preprocess(
    (v) => (v instanceof Date && !Number.isNaN(v.getTime()) ? v.toISOString().slice(0, 10) : v),
    z.string().refine(isRealDate, 'must be a date written YYYY-MM-DD'),
  ),
  summary: text,
  sources: z.array(z.strictObject({ name: text, url: httpsUrl })).min(1, 'must list at least one source'),
  examples: textList,
  advice: textList,
  ifAlreadyActed: textList,
  contacts: z.array(ContactSchema),
});

export type ArticleFrontMatter = z.output<typeof ArticleFrontMatterSchema>;

const FRONT_MATTER = /^\uFEFF?---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)([\s\S]*)$/;

/** Parse one article file's text. `file` names the file in errors; `expected` pins id and lang to the path. */
export function parseArticle(source: string, file: string, expected?: { id: string; lang: Lang }): Article {
  const m = FRONT_MATTER.exec(source);
  if (m === null) throw new ArticleError(file, '(front matter)', 'the file must start with a --- line');
  let data: unknown;
  try {
    data = parseYamlCached(m[1] ?? '');
  } catch (err) {
    throw new ArticleError(file, '(front matter)', `not valid YAML: ${(err as Error).message}`);
  }
  const parsed = ArticleFrontMatterSchema.safeParse(data ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue && issue.path.length > 0 ? issue.path.join('.') : '(front matter)';
    throw new ArticleError(file, field, issue?.message ?? 'invalid');
  }
  const fm = parsed.data;
  if (expected && fm.id !== expected.id) {
    throw new ArticleError(file, 'id', `is "${fm.id}" but the file is named ${expected.id}.md`);
  }
  if (expected && fm.lang !== expected.lang) {
    throw new ArticleError(file, 'lang', `is "${fm.lang}" but the file is under ${expected.lang}/`);
  }
  const body = (m[2] ?? '').trim();
  if (body === '') throw new ArticleError(file, '(body)', 'the Markdown body after the front matter is empty');
  const contacts: Contact[] = fm.contacts.map((c) => ({
    label: c.label,
    ...(c.phone !== undefined ? { phone: c.phone } : {}),
    ...(c.url !== undefined ? { url: c.url } : {}),
  }));
  return { ...fm, contacts, body, file };
}

function markdownFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...markdownFiles(full));
    else if (entry.isFile() && entry.name.endsWith('.md')) out.push(full);
  }
  return out;
}

/**
 * Every article under `dir`/ja and `dir`/en (sub-folders included), sorted by id then lang.
 * A missing language folder is allowed; an invalid file, or the same id twice in one language, throws.
 */
export function loadArticles(dir: string = DEFAULT_ARTICLES_DIR): Article[] {
  const articles: Article[] = [];
  const seen = new Map<string, string>();
  for (const lang of LANGS) {
    const langDir = path.join(dir, lang);
    let files: string[];
    try {
      files = markdownFiles(langDir);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') continue;
      throw err;
    }
    for (const file of files) {
      const id = path.basename(file, '.md');
      const article = parseArticle(readFileSync(file, 'utf8'), file, { id, lang });
      const key = `${lang}/${id}`;
      const other = seen.get(key);
      if (other !== undefined) throw new ArticleError(file, 'id', `"${id}" is already used by ${other}`);
      seen.set(key, file);
      articles.push(article);
    }
  }
  return articles.sort((a, b) => (a.id === b.id ? cmp(a.lang, b.lang) : cmp(a.id, b.id)));
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
