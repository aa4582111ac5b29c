// One consultation, stage by stage, each a named function with a typed input and output:
//
//   read images → extract → gather evidence → judge (local | llm) → guard → compose → sanitize
//
// Judges decide a judgement (level, scam type, reasons, signals); the guards hold the model's to the evidence;
// the answer is composed once, after them, from our own knowledge; sanitize runs once, last. Pure of platform
// details: channels, the HTTP API and the CLI all come here through consultant.ts, which loads what the stages
// need. Message text is never logged here; outcomes are, without it.
import type { Evidence, Indicators, Judgement, Lang, Verdict } from '../domain.ts';
import { type EvidenceDeps, gatherEvidence } from '../evidence/gather.ts';
import type { ArticleIndex } from '../evidence/retrieval.ts';
import { extractIndicators } from '../extract/indicators.ts';
import type { ImageReader, ImagesReading } from '../image/reader.ts';
import { imageReasons, qrLinkSignal, readFromImagesOf } from '../image/summary.ts';
import type { Log } from '../infra/log.ts';
import type { Metrics } from '../infra/metrics.ts';
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
import type { JudgeModel } from '../judge/model.ts';
import type { ConsultRequest } from './api.ts';
import type { JudgeStats } from './judge-stats.ts';
import { detectLang } from './lang.ts';

/** What the stages use, loaded once by consultant.ts. */
export interface PipelineDeps {
  evidence: EvidenceDeps;
  articles: ArticleIndex;
  /** The only links and numbers an answer may carry (consult/allowed.ts). */
  allowed: AllowedContacts;
  model: JudgeModel;
  llm?: LlmJudge;
  /** The image reader, started on the first consultation with pictures. */
  imageReader: () => Promise<ImageReader>;
  judgeStats?: JudgeStats;
  log?: Pick<Log, 'info' | 'warn'>;
  metrics?: Pick<Metrics, 'llmFallbacks'>;
}

type Timings = Record<string, number>;

// ---- read images ---------------------------------------------------------------------------------------

/** OCR and QR codes of the pictures sent, if any; stage timings are prefixed `image_`. */
export async function readImages(
  req: ConsultRequest,
  deps: Pick<PipelineDeps, 'imageReader'>,
): Promise<ImagesReading | undefined> {
  if (!req.images || req.images.length === 0) return undefined;
  return (await deps.imageReader()).read(req.images);
}

// ---- extract --------------------------------------------------------------------------------------------

/** The person's own words, then what the pictures said, then the QR links on lines of their own. */
function joinWithReading(text: string, reading: ImagesReading | undefined): string {
  if (!reading) return text;
  return [text.trim(), reading.text, ...reading.qrUrls].filter((t) => t !== '').join('\n');
}

/** Links, numbers, addresses and amounts, and the answer's language, detected here once and carried on. */
export function extract(
  text: string,
  lang: Lang | undefined,
  reading?: ImagesReading,
): { indicators: Indicators; lang: Lang } {
  const indicators = extractIndicators(joinWithReading(text, reading));
  return { indicators, lang: lang ?? detectLang(indicators.text) };
}

// ---- gather evidence ------------------------------------------------------------------------------------

/** Links read from QR codes are marked, and each gets a sentence saying where it came from. */
function markQrLinks(evidence: Evidence, qrUrls: readonly string[]): Evidence {
  if (qrUrls.length === 0) return evidence;
  const fromQr = new Set(qrUrls);
  const urls = evidence.indicators.urls.map((u) => (fromQr.has(u.url) ? { ...u, fromQr: true } : u));
  const added = urls.filter((u) => u.fromQr).map(qrLinkSignal);
  const signals = [...evidence.signals, ...added].sort((a, b) => b.weight - a.weight);
  return { ...evidence, indicators: { ...evidence.indicators, urls }, signals };
}

/** Threat intel, the brand registry, the link lists and scores, the text signals and the articles. */
export function gather(
  indicators: Indicators,
  lang: Lang,
  deps: Pick<PipelineDeps, 'evidence'>,
  reading?: ImagesReading,
): Evidence {
  return markQrLinks(gatherEvidence(indicators, lang, deps.evidence), reading?.qrUrls ?? []);
}

// ---- judge (local | llm) and guard ----------------------------------------------------------------------

export interface Judged {
  judgement: Judgement;
  llm?: LlmResult;
  guards?: GuardReport;
}

/**
 * The local judge always; the LLM judge too when one is configured and there is something to judge, its
 * judgement held to the evidence by the guards. When the LLM fails, the local judgement answers, counted and
 * logged by reason.
 */
export async function judge(
  evidence: Evidence,
  lang: Lang,
  deps: Pick<PipelineDeps, 'model' | 'llm' | 'allowed' | 'log' | 'metrics'>,
): Promise<Judged> {
  const local = judgeLocal(evidence, lang, deps.model);
  if (!deps.llm || local.level === 'unknown') return { judgement: local };
  const result = await deps.llm.judge({ evidence, local, lang });
  if (!result.ok) {
    reportFallback(deps, result);
    return { judgement: fallbackVerdict(local, result.reason), llm: result };
  }
  const { judgement, report } = guard(local, result, evidence, deps.allowed);
  if (report.lowered || Object.keys(report.dropped).length > 0) {
    deps.log?.info(
      { guards: { ...report, from: local.level, to: judgement.level }, model: result.model },
      'judge guards changed the model answer',
    );
  }
  return { judgement, llm: result, guards: report };
}

/** The LLM's judgement held to the evidence (guards.ts): floors, one step down at most, only our contacts. */
export function guard(
  local: Judgement,
  result: Extract<LlmResult, { ok: true }>,
  evidence: Evidence,
  allowed: AllowedContacts,
): { judgement: Judgement; report: GuardReport } {
  return applyGuardsReport({
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
  });
}

/**
 * An LLM call the local judge answered for: counted by reason and logged as one structured line. The failure's
 * detail stays out of the log: it may quote what the endpoint sent back, and that can echo the message.
 */
function reportFallback(deps: Pick<PipelineDeps, 'log' | 'metrics'>, result: Extract<LlmResult, { ok: false }>): void {
  deps.metrics?.llmFallbacks.inc({ reason: result.reason });
  deps.log?.warn(
    { llmFallback: { reason: result.reason, model: result.model, promptVersion: result.promptVersion, ms: result.ms } },
    'LLM judge failed; the local judge answered',
  );
}

// ---- compose --------------------------------------------------------------------------------------------

/**
 * The answer for the final judgement: headline, advice, contacts and articles from our knowledge (compose.ts),
 * and, when pictures were sent, what was read from them, before the reasons.
 */
export function composeAnswer(
  judgement: Judgement,
  evidence: Evidence,
  deps: Pick<PipelineDeps, 'articles'>,
  reading?: ImagesReading,
): Verdict {
  const { level, scamType, lang } = judgement;
  const verdict: Verdict = { ...judgement, ...compose(level, scamType, evidence, lang, deps.articles) };
  if (!reading) return verdict;
  const readFromImages = readFromImagesOf(reading);
  return { ...verdict, reasons: [...imageReasons(reading, readFromImages, lang), ...verdict.reasons], readFromImages };
}

// ---- sanitize -------------------------------------------------------------------------------------------

/** The last pass (guards.ts): only our links and numbers remain; every stage's time, rounded to a microsecond. */
export function sanitize(
  verdict: Verdict,
  deps: Pick<PipelineDeps, 'allowed'>,
  timings: Timings,
  started: number,
): Verdict {
  const all = { ...timings, ...verdict.timings, total: performance.now() - started };
  const rounded = Object.fromEntries(Object.entries(all).map(([k, ms]) => [k, Math.round(ms * 1000) / 1000]));
  return { ...sanitizeVerdict(verdict, deps.allowed), timings: rounded };
}

// ---- the consultation ------------------------------------------------------------------------------------

/** One consultation, in the order of the stages above. */
export async function consult(req: ConsultRequest, deps: PipelineDeps): Promise<Verdict> {
  const started = performance.now();
  const reading = await readImages(req, deps);
  const t0 = performance.now();
  const { indicators, lang } = extract(req.text, req.lang, reading);
  const t1 = performance.now();
  const evidence = gather(indicators, lang, deps, reading);
  const t2 = performance.now();
  const { judgement, llm, guards } = await judge(evidence, lang, deps);
  await deps.judgeStats?.record(judgement, llm, guards);
  const verdict = composeAnswer(judgement, evidence, deps, reading);
  const imageTimings = reading
    ? Object.fromEntries(Object.entries(reading.timings).map(([k, ms]) => [`image_${k}`, ms]))
    : {};
  return sanitize(verdict, deps, { extract: t1 - t0, evidence: t2 - t1, ...imageTimings }, started);
}

/** The evidence a consultation of this text would judge, and its answer language (training, evaluation). */
export function evidenceOf(
  text: string,
  lang: Lang | undefined,
  deps: Pick<PipelineDeps, 'evidence'>,
): { evidence: Evidence; lang: Lang; timings: Timings } {
  const t0 = performance.now();
  const { indicators, lang: answerLang } = extract(text, lang);
  const t1 = performance.now();
  const evidence = gather(indicators, answerLang, deps);
  return { evidence, lang: answerLang, timings: { extract: t1 - t0, evidence: performance.now() - t1 } };
}

/** The same consultation, synchronous and local only: batch evaluation and benchmarks. */
export function consultLocal(text: string, lang: Lang | undefined, deps: PipelineDeps): Verdict {
  const started = performance.now();
  const { evidence, lang: answerLang, timings } = evidenceOf(text, lang, deps);
  const judgement = judgeLocal(evidence, answerLang, deps.model);
  return sanitize(composeAnswer(judgement, evidence, deps), deps, timings, started);
}
