// The consultation pipeline: extract → evidence → judge (LLM when configured, local otherwise) → guards.
// Pure of platform details; channels, the HTTP API and the CLI all call consult().
import { existsSync } from 'node:fs';
import path from 'node:path';
import { type Config, llmEnabled } from '../config.ts';
import type { Lang, Verdict } from '../domain.ts';
import { gatherEvidence, type IntelLookup } from '../evidence/gather.ts';
import { ArticleIndex } from '../evidence/retrieval.ts';
import { extractIndicators } from '../extract/indicators.ts';
import { IntelStore } from '../intel/store.ts';
import { compose } from '../judge/compose.ts';
import { type AllowedContacts, applyGuards, fallbackVerdict, sanitizeVerdict } from '../judge/guards.ts';
import { createLlmJudge, type LlmJudge } from '../judge/llm.ts';
import { judgeLocal } from '../judge/local.ts';
import { type Article, loadArticles } from '../knowledge/articles.ts';
import { type Brand, BrandIndex, loadBrands } from '../knowledge/brands.ts';
import { isUnderAny, loadWellKnown } from '../knowledge/well-known.ts';
import { buildAllowedContacts } from './allowed.ts';
import type { Consultant, ConsultRequest } from './api.ts';
import { detectLang } from './lang.ts';

export interface ConsultantParts {
  brands: Brand[];
  articles: Article[];
  /** Well-known legitimate domains outside the brand registry. */
  wellKnown?: Set<string>;
  intel?: IntelLookup;
  llm?: LlmJudge;
  /** Extra hosts our answers may link to (the operator's PUBLIC_BASE_URL). */
  extraHosts?: string[];
}

export interface LocalConsultant extends Consultant {
  /** The same consultation, synchronous and local only: for batch evaluation and benchmarks. */
  consultLocal(text: string, lang?: Lang): Verdict;
  readonly articleIndex: ArticleIndex;
  readonly allowed: AllowedContacts;
  close(): void;
}

const IMAGE_NOTE = {
  ja: '画像はまだ読み取れません。お手数ですが、気になったメッセージの文章をコピーして送ってください。',
  en: 'We cannot read pictures yet. Please copy and send the text of the message instead.',
};

export function createConsultantFrom(parts: ConsultantParts, onClose: () => void = () => {}): LocalConsultant {
  const brandLookup = new BrandIndex(parts.brands);
  const articleIndex = new ArticleIndex(parts.articles);
  const allowed = buildAllowedContacts(brandLookup, parts.articles, parts.extraHosts ?? []);
  const wellKnown = parts.wellKnown ?? new Set<string>();
  const deps = {
    brands: brandLookup,
    articles: articleIndex,
    isWellKnown: (host: string) => isUnderAny(host, wellKnown),
    ...(parts.intel ? { intel: parts.intel } : {}),
  };

  const evidenceFor = (text: string, lang?: Lang) => {
    const t0 = performance.now();
    const ind = extractIndicators(text);
    const t1 = performance.now();
    const answerLang = lang ?? detectLang(ind.text);
    const evidence = gatherEvidence(ind, answerLang, deps);
    const t2 = performance.now();
    return { evidence, lang: answerLang, timings: { extract: t1 - t0, evidence: t2 - t1 } };
  };
  const finish = (v: Verdict, timings: Record<string, number>, started: number): Verdict => {
    const all = { ...timings, ...v.timings, total: performance.now() - started };
    const rounded = Object.fromEntries(Object.entries(all).map(([k, ms]) => [k, Math.round(ms * 1000) / 1000]));
    return { ...sanitizeVerdict(v, allowed), timings: rounded };
  };

  const consultLocal = (text: string, lang?: Lang): Verdict => {
    const started = performance.now();
    const { evidence, lang: l, timings } = evidenceFor(text, lang);
    return finish(judgeLocal(evidence, l, articleIndex), timings, started);
  };

  return {
    articleIndex,
    allowed,
    consultLocal,
    close: onClose,
    async consult(req: ConsultRequest): Promise<Verdict> {
      const started = performance.now();
      const { evidence, lang, timings } = evidenceFor(req.text, req.lang);
      const local = judgeLocal(evidence, lang, articleIndex);
      let verdict = local;
      if (parts.llm && local.level !== 'unknown') {
        const result = await parts.llm.judge({ evidence, local, lang });
        verdict = result.ok
          ? applyGuards({
              local,
              judgement: result.judgement,
              evidence,
              allowed,
              meta: {
                promptVersion: result.promptVersion,
                model: result.model,
                ms: result.ms,
                ...(result.usage ? { usage: result.usage } : {}),
              },
              recompose: (level, scamType) => compose(level, scamType, evidence, lang, articleIndex),
            })
          : fallbackVerdict(local, result.reason);
      }
      if (req.images && req.images.length > 0)
        verdict = { ...verdict, reasons: [IMAGE_NOTE[lang], ...verdict.reasons] };
      return finish(verdict, timings, started);
    },
  };
}

/** The consultant for a configuration: knowledge from knowledge/, intel from DATA_DIR/intel.db when present. */
export async function createConsultant(opts: { config: Config }): Promise<LocalConsultant> {
  const { config } = opts;
  const intelFile = path.join(config.DATA_DIR, 'intel.db');
  const intel = existsSync(intelFile) ? IntelStore.open(intelFile) : undefined;
  const llm = llmEnabled(config)
    ? createLlmJudge({
        apiKey: config.OPENAI_API_KEY!,
        model: config.LLM_MODEL,
        timeoutMs: config.LLM_TIMEOUT_MS,
        maxRetries: config.LLM_MAX_RETRIES,
        ...(config.OPENAI_BASE_URL ? { baseURL: config.OPENAI_BASE_URL } : {}),
      })
    : undefined;
  const extraHosts = config.PUBLIC_BASE_URL ? [new URL(config.PUBLIC_BASE_URL).hostname] : [];
  return createConsultantFrom(
    {
      brands: loadBrands(),
      articles: loadArticles(),
      wellKnown: loadWellKnown(),
      ...(intel ? { intel } : {}),
      ...(llm ? { llm } : {}),
      extraHosts,
    },
    () => intel?.close(),
  );
}
