// The learned judge's model file (knowledge/model/judge-model.json, written by `npm run train`, described in
// knowledge/model/MODEL_CARD.md): weights of the message features and the level thresholds, and the hashed
// host/URL model. Loaded once at start; a missing or damaged file stops start-up with a message saying how to
// get it back, because judging with a half-read model would be worse than not judging.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import type { Lang, Level, UrlIndicator } from '../domain.ts';
import { margin, sigmoid } from '../learn/logistic.ts';
import { hostFeatures, urlFeatures } from '../learn/url-features.ts';
import { type Features, weightOf } from './features.ts';

export const DEFAULT_MODEL_FILE = fileURLToPath(new URL('../../knowledge/model/judge-model.json', import.meta.url));
export const MODEL_FORMAT = 'anshin-judge-model';
export const MODEL_VERSION = 1;

/** Which thresholds apply: a bare link, or a message in Japanese or English. */
export type Segment = 'link' | Lang;
export const SEGMENTS: readonly Segment[] = ['ja', 'en', 'link'];

const thresholds = z
  .strictObject({ danger: z.number().min(0).max(1), caution: z.number().min(0).max(1) })
  .refine((t) => t.caution <= t.danger, 'caution threshold must not be above the danger threshold');

const linkModel = z.strictObject({
  bias: z.number(),
  /** Weights quantised to int16: weight = q × scale, little-endian, base64. */
  scale: z.number().positive(),
  weights: z.string().min(1),
});

const modelSchema = z.strictObject({
  format: z.literal(MODEL_FORMAT),
  version: z.literal(MODEL_VERSION),
  trainedAt: z.string().min(1),
  message: z.strictObject({
    bias: z.number(),
    weights: z.record(z.string(), z.number()),
    /** Log-odds per unit of a signal's shown weight: a signal absent from `weights` counts with this prior. */
    priorScale: z.number().min(0).max(1),
    thresholds: z.strictObject({ ja: thresholds, en: thresholds, link: thresholds }),
  }),
  /** Two hashed link models: `host` sees the host name only, `url` the host and the path. */
  host: z.strictObject({
    bits: z.number().int().min(8).max(24),
    host: linkModel,
    url: linkModel,
  }),
  /** Figures and data notes for the model card; not used to judge. */
  card: z.record(z.string(), z.unknown()),
});

export type JudgeModelFile = z.infer<typeof modelSchema>;

export class JudgeModelError extends Error {
  override name = 'JudgeModelError';
}

export interface JudgeModel {
  readonly file: JudgeModelFile;
  /** Learned probability that this link is a phishing link, from its host (and its path, when asked). */
  hostProbability(u: Pick<UrlIndicator, 'url' | 'host'>, withPath: boolean): number;
  /**
   * Learned probability that a message with these features is a scam. `stated` holds the shown weight of each
   * signal that fired: a signal the training data never saw counts with its prior.
   */
  probability(features: Features, stated?: ReadonlyMap<string, number>): number;
  /** Log-odds contribution of each feature present (weight × value), for explaining the score. */
  contributions(features: Features, stated?: ReadonlyMap<string, number>): Map<string, number>;
  levelOf(p: number, segment: Segment): Exclude<Level, 'unknown'>;
}

/** Decodes the int16 weights (little-endian, base64) into floats. */
export function decodeHostWeights(b64: string, scale: number, dim: number): Float32Array {
  const buf = Buffer.from(b64, 'base64');
  if (buf.length !== dim * 2) throw new JudgeModelError(`host weights: expected ${dim * 2} bytes, found ${buf.length}`);
  const out = new Float32Array(dim);
  for (let i = 0; i < dim; i++) out[i] = buf.readInt16LE(i * 2) * scale;
  return out;
}

/** Encodes float weights as int16 (scale = max |w| / 32767), little-endian, base64. */
export function encodeHostWeights(weights: ArrayLike<number>): { scale: number; weights: string } {
  let max = 0;
  for (let i = 0; i < weights.length; i++) max = Math.max(max, Math.abs(weights[i]!));
  const scale = max > 0 ? max / 32767 : 1;
  const buf = Buffer.alloc(weights.length * 2);
  for (let i = 0; i < weights.length; i++) buf.writeInt16LE(Math.round(weights[i]! / scale), i * 2);
  return { scale, weights: buf.toString('base64') };
}

export function judgeModelFrom(raw: unknown, where = 'judge model'): JudgeModel {
  const parsed = modelSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new JudgeModelError(
      `${where} is not a valid anshin model file (${issue?.path.join('.') || 'file'}: ${issue?.message}). ` +
        'Restore it with `git checkout knowledge/model/judge-model.json` or rebuild it with `npm run train`.',
    );
  }
  const file = parsed.data;
  const dim = 1 << file.host.bits;
  const hostWeights = decodeHostWeights(file.host.host.weights, file.host.host.scale, dim);
  const urlWeights = decodeHostWeights(file.host.url.weights, file.host.url.scale, dim);
  const w = file.message.weights;
  return {
    file,
    hostProbability(u, withPath) {
      return withPath
        ? sigmoid(margin(file.host.url.bias, urlWeights, urlFeatures(u.url, u.host, file.host.bits)))
        : sigmoid(margin(file.host.host.bias, hostWeights, hostFeatures(u.host, file.host.bits)));
    },
    probability(features, stated) {
      let z = file.message.bias;
      for (const [name, x] of features) z += weightOf(name, w, stated, file.message.priorScale) * x;
      return sigmoid(z);
    },
    contributions(features, stated) {
      const out = new Map<string, number>();
      for (const [name, x] of features) {
        const weight = weightOf(name, w, stated, file.message.priorScale);
        if (weight) out.set(name, weight * x);
      }
      return out;
    },
    levelOf(p, segment) {
      const t = file.message.thresholds[segment];
      return p >= t.danger ? 'danger' : p >= t.caution ? 'caution' : 'low';
    },
  };
}

/** Reads the model file. Throws `JudgeModelError` with what to do when it is missing or damaged. */
export function loadJudgeModel(file: string = DEFAULT_MODEL_FILE): JudgeModel {
  if (!existsSync(file)) {
    throw new JudgeModelError(
      `the judge's model file ${file} is missing. It ships with anshin: restore it with ` +
        '`git checkout knowledge/model/judge-model.json`, or rebuild it from ../shared/data with `npm run train`.',
    );
  }
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new JudgeModelError(
      `the judge's model file ${file} could not be read as JSON (${(err as Error).message}). ` +
        'Restore it with `git checkout knowledge/model/judge-model.json` or rebuild it with `npm run train`.',
    );
  }
  return judgeModelFrom(raw, file);
}
