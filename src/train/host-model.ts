// The learned host/URL score: phishing links from the feeds' older months against the hosts of the popularity
// lists. Newer months are kept back to measure it (eval), as the feeds would be met in use: later.

import {
  type FeedUrl,
  jpcertFeed,
  type PopularHost,
  phishingDatabaseFeed,
  popularHosts,
  TRAINABLE_FEEDS,
  TRAINABLE_LISTS,
} from '../eval/url-data.ts';
import { fitLogistic, type SparseRow } from '../learn/logistic.ts';
import { fnv1a, HOST_FEATURE_BITS, hostFeatures, urlFeatures } from '../learn/url-features.ts';

/** Last month of each feed that training may see; later months are for evaluation only. */
export const TRAIN_UNTIL: Readonly<Record<FeedUrl['feed'], string>> = {
  'phishing-database': '2025-09',
  jpcert: '2025-02',
  openphish: '0000-00', // non-commercial: never trained on
};

/** Rows per class the host model is fitted on; the rest of the training months feed the message model. */
export const HOST_ROWS_PER_CLASS = 80_000;
const HOST_L2 = 1e-5;
const HOST_ITERATIONS = 200;
const HOST_LEARNING_RATE = 0.05;

export interface HostTrainingData {
  /** Phishing links of the training months, one per host. */
  phish: FeedUrl[];
  /** Hosts of the trainable popularity lists, unique. */
  genuine: PopularHost[];
}

function uniqueBy<T>(rows: readonly T[], key: (t: T) => string): T[] {
  const seen = new Set<string>();
  return rows.filter((r) => {
    const k = key(r);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** The training months' rows. JPCERT/CC is used for training within its terms (anti-phishing use). */
export function hostTrainingData(dataDir: string): HostTrainingData {
  const feeds = [...phishingDatabaseFeed(dataDir), ...jpcertFeed(dataDir)].filter(
    (r) => (TRAINABLE_FEEDS.has(r.feed) || r.feed === 'jpcert') && r.month <= TRAIN_UNTIL[r.feed],
  );
  const lists = [...TRAINABLE_LISTS].flatMap((l) => popularHosts(dataDir, l));
  return { phish: uniqueBy(feeds, (r) => r.host), genuine: uniqueBy(lists, (h) => h.host) };
}

/**
 * A deterministic split of rows into the host model's sample and the rest: rows are ordered by a seeded hash of
 * their key, so the same data and seed always give the same split, whatever the files' order.
 */
export function seededSplit<T>(rows: readonly T[], key: (t: T) => string, n: number, seed: number): [T[], T[]] {
  const ordered = [...rows].sort((a, b) => fnv1a(`${seed}:${key(a)}`) - fnv1a(`${seed}:${key(b)}`));
  return [ordered.slice(0, n), ordered.slice(n)];
}

/** The URL a popular host is seen as in training: its home page, written as people paste it. */
export const homePage = (host: string): string => `https://${host}/`;

export interface HostFit {
  bias: number;
  weights: Float64Array;
  bits: number;
  rows: { phish: number; genuine: number };
  loss: number;
}

export function fitHostModel(phish: readonly FeedUrl[], genuine: readonly PopularHost[], withPath: boolean): HostFit {
  const rows: SparseRow[] = [
    ...phish.map((r) => (withPath ? urlFeatures(r.url, r.host) : hostFeatures(r.host))),
    ...genuine.map((h) => (withPath ? urlFeatures(homePage(h.host), h.host) : hostFeatures(h.host))),
  ];
  const y = [...phish.map(() => 1), ...genuine.map(() => 0)];
  // Each class weighs the same in total, whatever the row counts.
  const w = [...phish.map(() => 1 / phish.length), ...genuine.map(() => 1 / genuine.length)];
  const fit = fitLogistic(rows, y, w, {
    dim: 1 << HOST_FEATURE_BITS,
    l2: HOST_L2,
    iterations: HOST_ITERATIONS,
    learningRate: HOST_LEARNING_RATE,
  });
  return {
    bias: fit.bias,
    weights: fit.weights,
    bits: HOST_FEATURE_BITS,
    rows: { phish: phish.length, genuine: genuine.length },
    loss: fit.loss,
  };
}
