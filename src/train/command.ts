// `anshin train` (npm run train): learns the judge from ../shared/data and writes what ships with it:
// knowledge/model/judge-model.json, knowledge/model/MODEL_CARD.md and knowledge/url-lists/*.txt.
// Deterministic for a given data folder, seed and date: rows are ordered and split by seeded hashes, and the
// fits start from zero with no shuffling.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { UsageError } from '../cli/errors.ts';
import type { CommandIo } from '../cli/io.ts';
import { createConsultantFrom } from '../consult/consultant.ts';
import { REPO_ROOT, sharedDataDir } from '../eval/datasets.ts';
import { nestedGroupedCv } from '../eval/grouped.ts';
import { realMessages } from '../eval/real-data.ts';
import { encodeHostWeights, type JudgeModelFile, judgeModelFrom, MODEL_FORMAT, MODEL_VERSION } from '../judge/model.ts';
import { loadArticles } from '../knowledge/articles.ts';
import { loadBrands } from '../knowledge/brands.ts';
import { webListsFrom } from '../knowledge/web-lists.ts';
import { loadWellKnown } from '../knowledge/well-known.ts';
import { buildWebLists, listFileText } from './build-web-lists.ts';
import { modelCard, oofSummary, summaryOf } from './card.ts';
import { linkRows, messageRows } from './examples.ts';
import { fitHostModel, HOST_ROWS_PER_CLASS, hostTrainingData, seededSplit, TRAIN_UNTIL } from './host-model.ts';
import { chooseThresholds, DEFAULT_TARGETS, fitMessageModel, outOfFold } from './message-model.ts';

export const TRAIN_USAGE = `Usage: anshin train [--data DIR] [--out DIR] [--seed N] [--date YYYY-MM-DD] [--dump FILE]
Learns the local judge from ../shared/data (or --data) and writes the model file, its model card and the URL
lists under --out (default: knowledge/ of this repository). --dump writes each training row's out-of-fold score
and features as JSON lines, for error analysis (it holds message text: keep it out of the repository).`;

export const DEFAULT_SEED = 20261201;
export const FOLDS = 5;

const PLACEHOLDER_THRESHOLDS = { danger: 0.9, caution: 0.5 };

export async function trainCommand(argv: string[], io: CommandIo): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      data: { type: 'string' },
      out: { type: 'string' },
      seed: { type: 'string' },
      date: { type: 'string' },
      dump: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    io.stdout.write(`${TRAIN_USAGE}\n`);
    return 0;
  }
  const seed = values.seed === undefined ? DEFAULT_SEED : Number(values.seed);
  if (!Number.isInteger(seed)) throw new UsageError(`--seed must be an integer\n${TRAIN_USAGE}`);
  const date = values.date ?? new Date().toISOString().slice(0, 10);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new UsageError(`--date must be YYYY-MM-DD\n${TRAIN_USAGE}`);
  const dataDir = values.data ?? sharedDataDir(io.env);
  if (!dataDir) {
    io.stderr.write('anshin train: ../shared/data not found (give --data DIR): nothing to learn from.\n');
    return 1;
  }
  const out = values.out ?? path.join(REPO_ROOT, 'knowledge');
  const log = (s: string) => io.stderr.write(`${s}\n`);

  // 1. The host/URL model, on the feeds' training months.
  const hostData = hostTrainingData(dataDir);
  if (hostData.phish.length === 0 || hostData.genuine.length === 0) {
    io.stderr.write(`anshin train: no phishing feed or popularity list under ${dataDir}/url-lists.\n`);
    return 1;
  }
  const [phishSample, phishRest] = seededSplit(hostData.phish, (r) => r.url, HOST_ROWS_PER_CLASS, seed);
  const [genuineSample, genuineRest] = seededSplit(hostData.genuine, (h) => h.host, HOST_ROWS_PER_CLASS, seed);
  log(`host model: ${phishSample.length} phishing links, ${genuineSample.length} popular hosts …`);
  const hostOnly = fitHostModel(phishSample, genuineSample, false);
  const withPath = fitHostModel(phishSample, genuineSample, true);
  const part = (f: typeof hostOnly) => ({ bias: Math.round(f.bias * 1e6) / 1e6, ...encodeHostWeights(f.weights) });
  const hostPart = { bits: hostOnly.bits, host: part(hostOnly), url: part(withPath) };
  const host = hostOnly;

  // 2. The shipped URL lists.
  const lists = buildWebLists(dataDir, hostData.phish);
  const listDir = path.join(out, 'url-lists');
  mkdirSync(listDir, { recursive: true });
  writeFileSync(path.join(listDir, 'popular-domains.txt'), listFileText('popular', lists.popular, date));
  writeFileSync(path.join(listDir, 'shared-hosting.txt'), listFileText('shared', lists.shared, date));
  writeFileSync(path.join(listDir, 'shorteners.txt'), listFileText('shorteners', lists.shorteners, date));
  log(
    `lists: ${lists.popular.length} popular, ${lists.shared.length} shared hosting, ${lists.shorteners.length} shorteners`,
  );

  // 3. Features of every training row, through the real extraction and evidence steps.
  const provisional = judgeModelFrom(provisionalFile(date, hostPart));
  const consultant = createConsultantFrom({
    brands: loadBrands(),
    articles: loadArticles(),
    wellKnown: loadWellKnown(),
    model: provisional,
    web: webListsFrom({
      popular: new Set(lists.popular),
      shared: new Set(lists.shared),
      shorteners: new Set(lists.shorteners),
    }),
  });
  // Bare links are featured as unknown sites: a popular host is vouched for before any score is asked, so the
  // model must learn to tell phishing from the genuine sites that are not on our lists.
  const unlisted = createConsultantFrom({
    brands: loadBrands(),
    articles: loadArticles(),
    model: provisional,
    web: webListsFrom({ popular: new Set(), shared: new Set(lists.shared), shorteners: new Set(lists.shorteners) }),
  });
  const messages = realMessages(dataDir).filter((m) => m.trainable && !m.adSpam);
  const rows = [
    ...messageRows(messages, consultant.evidenceLocal),
    ...linkRows(phishRest, genuineRest, seed, unlisted.evidenceLocal).filter((r) => r.segment === 'link'),
  ];
  log(`message model: ${messages.length} messages and ${rows.length - messages.length} bare links …`);

  // 4. Thresholds on out-of-fold scores (each row scored by a model that never saw its source), then the fit.
  const oof = outOfFold(rows, FOLDS, seed);
  const thresholds = chooseThresholds(rows, oof, DEFAULT_TARGETS);
  const fit = fitMessageModel(rows);
  const summary = oofSummary(rows, oof, thresholds);
  // The figures the thresholds are judged by: nested (each row judged by a model and thresholds that never saw its
  // source), as `npm run eval -- --dev` measures them.
  log('nested grouped figures …');
  const nested = nestedGroupedCv(
    rows.map((r) => ({ ...r, trainable: true })),
    seed,
    false,
  );
  const grouped = summaryOf(
    rows,
    nested.map((j) => j.level),
  );
  if (values.dump) {
    const lines = rows.map((r, i) =>
      JSON.stringify({
        p: Math.round(oof[i]! * 1e4) / 1e4,
        label: r.label,
        segment: r.segment,
        group: r.group,
        ...r.meta,
        features: Object.fromEntries(r.features),
        text: r.text.slice(0, 300),
      }),
    );
    writeFileSync(values.dump, `${lines.join('\n')}\n`);
  }

  const file: JudgeModelFile = {
    format: MODEL_FORMAT,
    version: MODEL_VERSION,
    trainedAt: date,
    message: { bias: fit.bias, weights: fit.weights, priorScale: fit.priorScale, thresholds },
    host: hostPart,
    card: {
      seed,
      folds: FOLDS,
      trainUntil: TRAIN_UNTIL,
      targets: DEFAULT_TARGETS,
      rows: { messages: messages.length, links: rows.length - messages.length, host: host.rows },
      abusedPopularDomains: lists.abused.length,
      outOfFold: summary,
      nestedGrouped: grouped,
    },
  };
  judgeModelFrom(file); // what we write must load
  const modelDir = path.join(out, 'model');
  mkdirSync(modelDir, { recursive: true });
  writeFileSync(path.join(modelDir, 'judge-model.json'), `${JSON.stringify(file)}\n`);
  writeFileSync(path.join(modelDir, 'MODEL_CARD.md'), modelCard(file, lists));
  await consultant.close();
  await unlisted.close();
  io.stdout.write(`wrote ${path.join(modelDir, 'judge-model.json')} and MODEL_CARD.md\n`);
  for (const [seg, s] of Object.entries(summary)) io.stdout.write(`  ${seg}: ${JSON.stringify(s)}\n`);
  return 0;
}

function provisionalFile(date: string, host: JudgeModelFile['host']): JudgeModelFile {
  return {
    format: MODEL_FORMAT,
    version: MODEL_VERSION,
    trainedAt: date,
    message: {
      bias: 0,
      weights: {},
      priorScale: 0,
      thresholds: { ja: PLACEHOLDER_THRESHOLDS, en: PLACEHOLDER_THRESHOLDS, link: PLACEHOLDER_THRESHOLDS },
    },
    host,
    card: {},
  };
}
