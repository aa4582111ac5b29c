// Loads what a consultation needs (brands, articles, the learned model, link lists, intel, the LLM) and hands
// it to the pipeline (pipeline.ts: read images → extract → gather evidence → judge → guard → compose →
// sanitize). Channels, the HTTP API and the CLI all call consult() on what this returns.
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Config } from '../config.ts';
import type { Evidence, Lang, Verdict } from '../domain.ts';
import type { IntelLookup } from '../evidence/gather.ts';
import { ArticleIndex } from '../evidence/retrieval.ts';
import type { WebLists } from '../evidence/url-context.ts';
import type { ImageReader } from '../image/reader.ts';
import type { Log } from '../infra/log.ts';
import type { Metrics } from '../infra/metrics.ts';
import { chatModelOptionsOf } from '../judge/chat-options.ts';
import type { AllowedContacts } from '../judge/guards.ts';
import type { LlmJudge } from '../judge/llm.ts';
import { type JudgeModel, loadJudgeModel } from '../judge/model.ts';
import { type Article, loadArticles } from '../knowledge/articles.ts';
import { type Brand, BrandIndex, loadBrands } from '../knowledge/brands.ts';
import { loadWebLists } from '../knowledge/web-lists.ts';
import { isUnderAny, loadWellKnown } from '../knowledge/well-known.ts';
import { buildAllowedContacts } from './allowed.ts';
import type { Consultant, ConsultRequest } from './api.ts';
import type { JudgeStats } from './judge-stats.ts';
import { consult, consultLocal, evidenceOf, type PipelineDeps } from './pipeline.ts';

export interface ConsultantParts {
  brands: Brand[];
  articles: Article[];
  /** The learned judge (knowledge/model/judge-model.json). */
  model: JudgeModel;
  /** Popular sites, shared hosting and shorteners (knowledge/url-lists/). */
  web?: WebLists;
  /** Well-known legitimate domains outside the brand registry. */
  wellKnown?: Set<string>;
  intel?: IntelLookup;
  llm?: LlmJudge;
  /** Extra hosts our answers may link to (the operator's PUBLIC_BASE_URL). */
  extraHosts?: string[];
  /**
   * Makes the image reader, on the first consultation with pictures (OCR workers start then, not before; the image
   * libraries load then too, so a text check never pays for them).
   */
  imageReader?: () => ImageReader | Promise<ImageReader>;
  /** Anonymous weekly counts of who judged and how the LLM did (the operator's console). */
  judgeStats?: JudgeStats;
  /** Where the guards' work on the model's answer and the LLM's failures are logged (counts and levels, never text). */
  log?: Pick<Log, 'info' | 'warn'>;
  /** Where LLM fallbacks are counted for GET /metrics, so an operator sees the LLM failing as it happens. */
  metrics?: Pick<Metrics, 'llmFallbacks'>;
}

export interface LocalConsultant extends Consultant {
  /** The same consultation, synchronous and local only: for batch evaluation and benchmarks. */
  consultLocal(text: string, lang?: Lang): Verdict;
  /** The evidence a consultation would judge, and its answer language: for training and evaluation. */
  evidenceLocal(text: string, lang?: Lang): { evidence: Evidence; lang: Lang };
  readonly articleIndex: ArticleIndex;
  readonly allowed: AllowedContacts;
  /** Closes the intel store and terminates the OCR workers, if any were started. */
  close(): void | Promise<void>;
}

async function defaultImageReader(): Promise<ImageReader> {
  return (await import('../image/reader.ts')).createImageReader();
}

export function createConsultantFrom(parts: ConsultantParts, onClose: () => void = () => {}): LocalConsultant {
  const brandLookup = new BrandIndex(parts.brands);
  const articleIndex = new ArticleIndex(parts.articles);
  const allowed = buildAllowedContacts(brandLookup, parts.articles, parts.extraHosts ?? []);
  const wellKnown = parts.wellKnown ?? new Set<string>();
  let imageReader: Promise<ImageReader> | undefined;
  const deps: PipelineDeps = {
    evidence: {
      brands: brandLookup,
      articles: articleIndex,
      isWellKnown: (host: string) => isUnderAny(host, wellKnown),
      hostScore: (u: { url: string; host: string }, withPath: boolean) => parts.model.hostProbability(u, withPath),
      ...(parts.web ? { web: parts.web } : {}),
      ...(parts.intel ? { intel: parts.intel } : {}),
    },
    articles: articleIndex,
    allowed,
    model: parts.model,
    imageReader: () => {
      imageReader ??= Promise.resolve((parts.imageReader ?? defaultImageReader)());
      return imageReader;
    },
    ...(parts.llm ? { llm: parts.llm } : {}),
    ...(parts.judgeStats ? { judgeStats: parts.judgeStats } : {}),
    ...(parts.log ? { log: parts.log } : {}),
    ...(parts.metrics ? { metrics: parts.metrics } : {}),
  };

  return {
    articleIndex,
    allowed,
    consultLocal: (text: string, lang?: Lang) => consultLocal(text, lang, deps),
    evidenceLocal(text: string, lang?: Lang) {
      const { evidence, lang: l } = evidenceOf(text, lang, deps);
      return { evidence, lang: l };
    },
    async close() {
      onClose();
      // A reader that failed to load has nothing to close; the consultation that needed it already said why.
      await (await imageReader?.catch(() => undefined))?.close();
    },
    consult: (req: ConsultRequest) => consult(req, deps),
  };
}

/** The consultant for a configuration: knowledge from knowledge/, intel from DATA_DIR/intel.db when present. */
export async function createConsultant(opts: {
  config: Config;
  judgeStats?: JudgeStats;
  log?: Pick<Log, 'info' | 'warn'>;
  metrics?: Pick<Metrics, 'llmFallbacks'>;
}): Promise<LocalConsultant> {
  const { config } = opts;
  const intelFile = path.join(config.DATA_DIR, 'intel.db');
  // What this configuration does not use is not loaded (a cold `anshin check` is mostly module loading):
  // SQLite only with an intel file, LangChain only with an LLM, the image libraries only with a picture.
  const intel = existsSync(intelFile) ? (await import('../intel/store.ts')).IntelStore.open(intelFile) : undefined;
  const chat = chatModelOptionsOf(config);
  const llm = chat ? (await import('../judge/llm.ts')).createLlmJudge(chat) : undefined;
  const extraHosts = config.PUBLIC_BASE_URL ? [new URL(config.PUBLIC_BASE_URL).hostname] : [];
  // LLM_VISION: the model also transcribes pictures; its text is preferred when the OCR is unsure.
  const vision =
    chat && config.LLM_VISION ? (await import('../image/vision.ts')).createVisionTranscriber(chat) : undefined;
  return createConsultantFrom(
    {
      brands: loadBrands(),
      articles: loadArticles(),
      model: loadJudgeModel(config.JUDGE_MODEL_FILE),
      web: loadWebLists(),
      wellKnown: loadWellKnown(),
      ...(intel ? { intel } : {}),
      ...(llm ? { llm } : {}),
      extraHosts,
      imageReader: async () => (await import('../image/reader.ts')).createImageReader(vision ? { vision } : {}),
      ...(opts.judgeStats ? { judgeStats: opts.judgeStats } : {}),
      ...(opts.log ? { log: opts.log } : {}),
      ...(opts.metrics ? { metrics: opts.metrics } : {}),
    },
    () => intel?.close(),
  );
}
