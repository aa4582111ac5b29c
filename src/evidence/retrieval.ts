// Ranks awareness articles for a message, offline. Japanese has no spaces, and Intl.Segmenter splits compounds
// (還付/金), so CJK runs are indexed as character bigrams and Latin text as words; BM25 over weighted fields.
import type { ArticleRef, Lang, ScamType } from '../domain.ts';
import type { Article } from '../knowledge/articles.ts';
import { KANA_KANJI } from '../text/script.ts';

// Compatibility ideographs and 々 too, which names in article titles are written with.
const CJK_RUN_RE = new RegExp(String.raw`[${KANA_KANJI}\uf900-\ufaff\u3005]+`, 'g');
const LATIN_WORD_RE = /[a-z0-9][a-z0-9'-]*[a-z0-9]|[a-z]/g;
const STOP_WORDS = new Set([
  'the',
  'a',
  'an',
  'and',
  'or',
  'to',
  'of',
  'in',
  'on',
  'for',
  'is',
  'are',
  'be',
  'you',
  'your',
  'it',
  'this',
  'that',
  'with',
  'at',
  'by',
  'from',
  'as',
  'we',
  'our',
  'us',
  'i',
  'me',
  'my',
  'if',
  'not',
  'no',
  'do',
  'will',
  'can',
  'hxxp',
  'hxxps',
  'http',
  'https',
  'www',
  'com',
  'jp',
  'co',
]);
/** Bigrams made only of kana particles and endings carry no topic. */
const FUNCTION_BIGRAM_RE = /^[ぁ-ゖー]{2}$/;

/** Tokens for retrieval: CJK bigrams (single characters for one-letter runs) and Latin words. */
export function tokenize(input: string): string[] {
  const text = input.normalize('NFKC').toLowerCase();
  const out: string[] = [];
  for (const m of text.matchAll(CJK_RUN_RE)) {
    const run = m[0];
    if (run.length === 1) {
      out.push(run);
      continue;
    }
    for (let i = 0; i + 1 < run.length; i++) {
      const bg = run.slice(i, i + 2);
      if (!FUNCTION_BIGRAM_RE.test(bg)) out.push(bg);
    }
  }
  for (const m of text.matchAll(LATIN_WORD_RE)) {
    if (!STOP_WORDS.has(m[0])) out.push(m[0]);
  }
  return out;
}

interface Doc {
  article: Article;
  tf: Map<string, number>;
  length: number;
}

const FIELD_WEIGHTS = { title: 3, tags: 3, summary: 2, examples: 2, body: 0.5 } as const;
const K1 = 1.2;
const B = 0.75;
/** How much a matching scam type lifts an article, relative to a strong text match. */
const SCAM_TYPE_BOOST = 0.25;

export class ArticleIndex {
  private readonly docs: Record<Lang, Doc[]> = { ja: [], en: [] };
  private readonly df: Record<Lang, Map<string, number>> = { ja: new Map(), en: new Map() };
  private readonly avgLength: Record<Lang, number> = { ja: 1, en: 1 };
  /** Each article's tags that no other article of its type and language has; none for a type's only article. */
  private readonly ownTags = new Map<Article, string[]>();
  private readonly aloneInType = new Set<Article>();

  constructor(readonly articles: readonly Article[]) {
    for (const a of articles) {
      const tf = new Map<string, number>();
      let length = 0;
      const add = (s: string, w: number) => {
        for (const t of tokenize(s)) {
          tf.set(t, (tf.get(t) ?? 0) + w);
          length += w;
        }
      };
      add(a.title, FIELD_WEIGHTS.title);
      add(a.tags.join(' '), FIELD_WEIGHTS.tags);
      add(a.summary, FIELD_WEIGHTS.summary);
      add(a.examples.join('\n'), FIELD_WEIGHTS.examples);
      add(a.body, FIELD_WEIGHTS.body);
      this.docs[a.lang].push({ article: a, tf, length });
      const df = this.df[a.lang];
      for (const t of tf.keys()) df.set(t, (df.get(t) ?? 0) + 1);
    }
    for (const lang of ['ja', 'en'] as const) {
      const docs = this.docs[lang];
      this.avgLength[lang] = docs.length ? docs.reduce((s, d) => s + d.length, 0) / docs.length : 1;
    }
    for (const a of articles) {
      const siblings = articles.filter((b) => b !== a && b.lang === a.lang && b.scamType === a.scamType);
      if (siblings.length === 0) this.aloneInType.add(a);
      const shared = new Set(siblings.flatMap((b) => b.tags.map(tagKey)));
      this.ownTags.set(
        a,
        a.tags.map(tagKey).filter((t) => t !== '' && !shared.has(t)),
      );
    }
  }

  /** Articles in `lang` ranked for `text`; scam type, when known, lifts articles of that type. */
  search(text: string, lang: Lang, opts: { scamType?: ScamType; limit?: number } = {}): ArticleRef[] {
    const docs = this.docs[lang].length ? this.docs[lang] : this.docs.ja;
    const effectiveLang: Lang = this.docs[lang].length ? lang : 'ja';
    const df = this.df[effectiveLang];
    const n = docs.length;
    const queryTokens = new Set(tokenize(text.slice(0, 4000)));
    const scored: { doc: Doc; score: number }[] = [];
    let best = 0;
    for (const doc of docs) {
      let score = 0;
      for (const t of queryTokens) {
        const f = doc.tf.get(t);
        if (!f) continue;
        const dft = df.get(t) ?? 0;
        const idf = Math.log(1 + (n - dft + 0.5) / (dft + 0.5));
        score += (idf * (f * (K1 + 1))) / (f + K1 * (1 - B + (B * doc.length) / this.avgLength[effectiveLang]));
      }
      if (score > best) best = score;
      scored.push({ doc, score });
    }
    if (opts.scamType && opts.scamType !== 'none' && opts.scamType !== 'other') {
      for (const s of scored) if (s.doc.article.scamType === opts.scamType) s.score += best * SCAM_TYPE_BOOST;
    }
    return scored
      .filter((s) => s.score > 0)
      .sort((a, b) => b.score - a.score || a.doc.article.id.localeCompare(b.doc.article.id))
      .slice(0, opts.limit ?? 3)
      .map(({ doc, score }) => ({
        id: doc.article.id,
        title: doc.article.title,
        scamType: doc.article.scamType,
        lang: doc.article.lang,
        score: Math.round(score * 1000) / 1000,
      }));
  }

  get(id: string, lang: Lang): Article | undefined {
    return (
      this.docs[lang].find((d) => d.article.id === id)?.article ??
      this.docs.ja.find((d) => d.article.id === id)?.article
    );
  }

  /** Articles of a scam type in a language (Japanese ones where the language has none), in file order. */
  ofType(scamType: ScamType, lang: Lang): Article[] {
    const docs = this.docs[lang].length ? this.docs[lang] : this.docs.ja;
    return docs.filter((d) => d.article.scamType === scamType).map((d) => d.article);
  }

  /**
   * Whether an article is about this message, not only about its kind of scam. A type with one article is
   * always its article's; where a type has several (bank, carrier and tax phishing), or the article is of
   * another type than the one judged, the message must name one of the article's own tags, one that no other
   * article of its type has ("docomo", 「国税庁」): words they share ("SMS") or a single word of a longer tag
   * ("office" of "tax office") do not choose between them.
   */
  fits(article: Article, text: string, opts: { ofJudgedType?: boolean } = {}): boolean {
    if (opts.ofJudgedType && this.aloneInType.has(article)) return true;
    const hay = text.normalize('NFKC').toLowerCase();
    return (this.ownTags.get(article) ?? []).some((t) => containsTag(hay, t));
  }
}

function tagKey(tag: string): string {
  return tag.normalize('NFKC').toLowerCase().trim();
}

/** A Latin tag must stand as whole words ("au" is not in "autumn"); a Japanese one may sit inside a compound. */
function containsTag(text: string, tag: string): boolean {
  const latinEdges = LATIN_CHAR_RE.test(tag[0]!) && LATIN_CHAR_RE.test(tag[tag.length - 1]!);
  for (let at = text.indexOf(tag); at !== -1; at = text.indexOf(tag, at + 1)) {
    if (!latinEdges) return true;
    const before = text[at - 1];
    const after = text[at + tag.length];
    if ((before === undefined || !LATIN_CHAR_RE.test(before)) && (after === undefined || !LATIN_CHAR_RE.test(after)))
      return true;
  }
  return false;
}

const LATIN_CHAR_RE = /[a-z0-9]/;
