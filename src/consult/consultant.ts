// The consultation pipeline: extract → evidence → judge (LLM when configured, local otherwise) → guards.
// Pure of platform details; channels, the HTTP API and the CLI all call consult(). Pictures are read first
// (OCR + QR, src/image/) and what was read joins the text; QR links go in as links marked fromQr.
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Config } from '../config.ts';
import type { Evidence, Lang, Verdict } from '../domain.ts';
import { gatherEvidence, type IntelLookup } from '../evidence/gather.ts';
import { ArticleIndex } from '../evidence/retrieval.ts';
import type { WebLists } from '../evidence/url-context.ts';
import { extractIndicators } from '../extract/indicators.ts';
import type { ImageReader, ImagesReading } from '../image/reader.ts';
import { imageReasons, qrLinkSignal, readFromImagesOf } from '../image/summary.ts';
import type { Log } from '../infra/log.ts';
import type { Metrics } from '../infra/metrics.ts';
import { chatModelOptionsOf } from '../judge/chat-options.ts';
import { compose } from '../judge/compose.ts';
import {
  type AllowedContacts,
  applyGuardsReport,
  fallbackVerdict,
  type GuardReport,
  sanitizeVerdict,
} from '../judge/guards.ts';
import type { LlmJudge, LlmResult } from '../judge/llm.ts';
import { judgeLocal } from '../judge/local.ts';
import { type JudgeModel, loadJudgeModel } from '../judge/model.ts';
import { type Article, loadArticles } from '../knowledge/articles.ts';
import { type Brand, BrandIndex, loadBrands } from '../knowledge/brands.ts';
import { loadWebLists } from '../knowledge/web-lists.ts';
import { isUnderAny, loadWellKnown } from '../knowledge/well-known.ts';
import { buildAllowedContacts } from './allowed.ts';
import type { Consultant, ConsultRequest } from './api.ts';
import type { JudgeStats } from './judge-stats.ts';
import { detectLang } from './lang.ts';

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

/** The person's own words, then what the pictures said, then the QR links on lines of their own. */
function joinWithReading(text: string, reading: ImagesReading): string {
  return [text.trim(), reading.text, ...reading.qrUrls].filter((t) => t !== '').join('\n');
}

/** Links read from QR codes are marked, and each gets a sentence saying where it came from. */
function markQrLinks(evidence: Evidence, qrUrls: readonly string[]): Evidence {
  if (qrUrls.length === 0) return evidence;
  const fromQr = new Set(qrUrls);
  const urls = evidence.indicators.urls.map((u) => (fromQr.has(u.url) ? { ...u, fromQr: true } : u));
  const added = urls.filter((u) => u.fromQr).map(qrLinkSignal);
  const signals = [...evidence.signals, ...added].sort((a, b) => b.weight - a.weight);
  return { ...evidence, indicators: { ...evidence.indicators, urls }, signals };
}

/**
 * An LLM call the local judge answered for: counted by reason and logged as one structured line. The failure's
 * detail stays out of the log: it may quote what the endpoint sent back, and that can echo the message.
 */
function reportFallback(parts: ConsultantParts, result: Extract<LlmResult, { ok: false }>): void {
  parts.metrics?.llmFallbacks.inc({ reason: result.reason });
  parts.log?.warn(
    { llmFallback: { reason: result.reason, model: result.model, promptVersion: result.promptVersion, ms: result.ms } },
    'LLM judge failed; the local judge answered',
  );
}

async function defaultImageReader(): Promise<ImageReader> {
  return (await import('../image/reader.ts')).createImageReader();
}

export function createConsultantFrom(parts: ConsultantParts, onClose: () => void = () => {}): LocalConsultant {
  const brandLookup = new BrandIndex(parts.brands);
  const articleIndex = new ArticleIndex(parts.articles);
  const allowed = buildAllowedContacts(brandLookup, parts.articles, parts.extraHosts ?? []);
  const wellKnown = parts.wellKnown ?? new Set<string>();
  const deps = {
    brands: brandLookup,
    articles: articleIndex,
    isWellKnown: (host: string) => isUnderAny(host, wellKnown),
    hostScore: (u: { url: string; host: string }, withPath: boolean) => parts.model.hostProbability(u, withPath),
    ...(parts.web ? { web: parts.web } : {}),
    ...(parts.intel ? { intel: parts.intel } : {}),
  };

  let imageReader: Promise<ImageReader> | undefined;
  const readImages = async (req: ConsultRequest) => {
    imageReader ??= Promise.resolve((parts.imageReader ?? defaultImageReader)());
    return (await imageReader).read(req.images ?? []);
  };

  const evidenceFor = (text: string, lang?: Lang, qrUrls: readonly string[] = []) => {
    const t0 = performance.now();
    const ind = extractIndicators(text);
    const t1 = performance.now();
    const answerLang = lang ?? detectLang(ind.text);
    const evidence = markQrLinks(gatherEvidence(ind, answerLang, deps), qrUrls);
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
    return finish(judgeLocal(evidence, l, articleIndex, parts.model), timings, started);
  };

  return {
    articleIndex,
    allowed,
    consultLocal,
    evidenceLocal(text: string, lang?: Lang) {
      const { evidence, lang: l } = evidenceFor(text, lang);
      return { evidence, lang: l };
    },
    async close() {
      onClose();
      // A reader that failed to load has nothing to close; the consultation that needed it already said why.
      await (await imageReader?.catch(() => undefined))?.close();
    },
    async consult(req: ConsultRequest): Promise<Verdict> {
      const started = performance.now();
      const reading = req.images && req.images.length > 0 ? await readImages(req) : undefined;
      const text = reading ? joinWithReading(req.text, reading) : req.text;
      const found = evidenceFor(text, req.lang, reading?.qrUrls);
      const { evidence, lang } = found;
      const timings = reading
        ? {
            ...found.timings,
            ...Object.fromEntries(Object.entries(reading.timings).map(([k, ms]) => [`image_${k}`, ms])),
          }
        : found.timings;
      const local = judgeLocal(evidence, lang, articleIndex, parts.model);
      let verdict = local;
      let llmResult: LlmResult | undefined;
      let guardReport: GuardReport | undefined;
      if (parts.llm && local.level !== 'unknown') {
        const result = await parts.llm.judge({ evidence, local, lang });
        llmResult = result;
        if (result.ok) {
          const guarded = applyGuardsReport({
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
          });
          verdict = guarded.verdict;
          guardReport = guarded.report;
        } else {
          verdict = fallbackVerdict(local, result.reason);
          reportFallback(parts, result);
        }
        if (guardReport && (guardReport.lowered || Object.keys(guardReport.dropped).length > 0)) {
          parts.log?.info(
            { guards: { ...guardReport, from: local.level, to: verdict.level }, model: result.model },
            'judge guards changed the model answer',
          );
        }
      }
      await parts.judgeStats?.record(verdict, llmResult, guardReport);
      if (reading) {
        const readFromImages = readFromImagesOf(reading);
        verdict = {
          ...verdict,
          reasons: [...imageReasons(reading, readFromImages, lang), ...verdict.reasons],
          readFromImages,
        };
      }
      return finish(verdict, timings, started);
    },
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
