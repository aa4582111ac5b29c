// The model card written beside the model file: what it learned from (sources and their licences), when, how it
// was split, the thresholds and the out-of-fold figures they were chosen on, and what the data could not teach.
import type { Level } from '../domain.ts';
import { add, newTally, type Rates, rates, type Tally } from '../eval/metrics.ts';
import type { JudgeModelFile, Segment } from '../judge/model.ts';
import type { WebListFiles } from './build-web-lists.ts';
import { canWarn, type Thresholds, type TrainRow } from './message-model.ts';

export type SegmentSummary = Rates;

/** Recall and false-positive rates per segment, from the level each row was given. */
export function summaryOf(rows: readonly TrainRow[], levels: readonly Level[]): Record<Segment, SegmentSummary> {
  const tallies = { ja: newTally(), en: newTally(), link: newTally() } satisfies Record<Segment, Tally>;
  rows.forEach((r, i) => {
    add(tallies[r.segment], r.label === 1 ? 'scam' : 'legit', levels[i]!);
  });
  return { ja: rates(tallies.ja), en: rates(tallies.en), link: rates(tallies.link) };
}

/** The levels the shipped thresholds give the out-of-fold scores (no risk feature, no warning: judge/local.ts). */
export function oofSummary(
  rows: readonly TrainRow[],
  probs: readonly number[],
  thresholds: Record<Segment, Thresholds>,
): Record<Segment, SegmentSummary> {
  const levels = rows.map((r, i): Level => {
    const t = thresholds[r.segment];
    const p = canWarn(r.features) ? probs[i]! : 0;
    return p >= t.danger ? 'danger' : p >= t.caution ? 'caution' : 'low';
  });
  return summaryOf(rows, levels);
}

function topWeights(file: JudgeModelFile, n: number, sign: 1 | -1): string {
  return Object.entries(file.message.weights)
    .filter(([, w]) => Math.sign(w) === sign)
    .sort((a, b) => sign * (b[1] - a[1]))
    .slice(0, n)
    .map(([name, w]) => `| \`${name}\` | ${w.toFixed(3)} |`)
    .join('\n');
}

export function modelCard(file: JudgeModelFile, lists: WebListFiles): string {
  const card = file.card as {
    seed: number;
    folds: number;
    trainUntil: Record<string, string>;
    rows: { messages: number; links: number; host: { phish: number; genuine: number } };
    outOfFold: Record<Segment, SegmentSummary>;
    nestedGrouped: Record<Segment, SegmentSummary>;
  };
  const t = file.message.thresholds;
  const row = (seg: Segment, s: SegmentSummary, withThresholds: boolean) =>
    `| ${seg} | ${s.scam} | ${s.legit} | ${s.recall.toFixed(3)} | ${s.recallDanger.toFixed(3)} | ${s.fprDanger.toFixed(3)} | ${s.fprFlagged.toFixed(3)} |${withThresholds ? ` ${t[seg].caution} | ${t[seg].danger} |` : ''}`;
  const segs: Segment[] = ['ja', 'en', 'link'];
  return `# Model card: anshin's local judge

Written by \`npm run train\` on ${file.trainedAt} (seed ${card.seed}) from \`../shared/data\` (collected 2026-12-01).
The full evaluation (per source and channel, the hard genuine slice, scam types, bare links from newer months,
with 95% intervals) is \`npm run eval -- --dev\`; the project is judged on a held-out set from other sources.

## What it is
Two parts in \`judge-model.json\`:
- **Message model**: a logistic model with one weight per explainable signal (\`s:<code>\`, see \`src/evidence/\`),
  a per-language (or bare-link) offset of each (\`ja:s:<code>\` …), the same cue inside a narrated warning
  (\`r:<code>\`), the learned score of the riskiest link (\`url:risk\`), and two facts of shape (a bare link,
  English). Weights are bounded as SpamAssassin bounds rule scores: a risk signal never lowers the score, a
  protective one (official links, a warning, a one-time code's delivery, a transaction report) never raises it,
  and an offset has its base's sign. Each shared signal weight is pulled towards a prior, the rule's stated
  weight × ${file.message.priorScale} (60 meant danger in the old hand-set scale): what the data says little about keeps
  its prior, and a signal the data never saw is judged by it. Levels come from thresholds per segment.
- **Link models**: ${1 << file.host.bits} hashed features each, int16-quantised. \`host\` sees a link's host name
  (character n-grams, suffix, counts); \`url\` also the words of its path. Inside a message the host model is used
  (genuine messages carry genuine paths); for a bare link the URL model.

Outside the model, because no training row can teach them: a threat-intel hit is danger; text addressed to an AI
is at least caution; and what the police state is always fraud (a refund at an ATM, handing over a cash card,
police asking to move money), asked of you and not narrated in a warning, is danger.

## Data and licences
| data | used for | licence |
|---|---|---|
| messages/ja-scam.jsonl, ja-legit.jsonl | training, grouped evaluation | per row; the CC BY-NC-SA rows (Business Scene Dialogue) are evaluation only |
| messages/en.jsonl | training, grouped evaluation; the 213 \`other-spam\` rows (plain advertising) are left out and reported apart | Phishing Pot research licence (anshin is open source, as its terms require), MIT, AGPL-3.0 test fixtures |
| sms-en/ UCI + Mendeley | training, grouped evaluation, as one source (90% shared rows) | CC BY 4.0 |
| url-lists/phish-phishingdatabase-new.tsv until ${card.trainUntil['phishing-database']} | link models, bare-link rows | MIT |
| threat-feeds/jpcert-phishurl-list until ${card.trainUntil.jpcert} | link models, bare-link rows (anti-phishing use, as its terms allow) | JPCERT/CC, no licence file |
| url-lists/tranco-top.csv, umbrella-top100k.csv | genuine hosts for the link models; the shipped popular list | MIT packaging (cite Tranco, NDSS 2019); free of charge |
| url-lists/phish-openphish.tsv, cloudflare-radar-top100k.txt | evaluation only | non-commercial (OpenPhish terms; CC BY-NC 4.0) |

Rows: ${card.rows.messages} messages and ${card.rows.links} bare links for the message model; ${card.rows.host.phish}
phishing links and ${card.rows.host.genuine} popular hosts for the link models. Template placeholders in genuine rows
(\`%{name}\`, \`{{code}}\`) are filled with a neutral name, or digits for a code, first.

## Split and weighting
- Sources (a repository, a site, a mailing list; UCI and Mendeley as one) are never split across train and test:
  ${card.folds} folds stratified by language and label. Each (segment, label) class weighs the same; within a class
  a source counts as at most 300 rows.
- Thresholds are chosen on out-of-fold scores for target false-positive rates, never on a row.
- Phishing feeds: months up to ${card.trainUntil['phishing-database']} (Phishing.Database) and ${card.trainUntil.jpcert} (JPCERT/CC) train;
  later months are evaluation only.

## Thresholds, and the figures
Nested grouped figures on the training rows (each row judged by a model and thresholds that never saw its source):

| segment | scam | genuine | recall (flagged) | recall (danger) | genuine danger | genuine flagged |
|---|---|---|---|---|---|---|
${segs.map((g) => row(g, card.nestedGrouped[g], false)).join('\n')}

Out-of-fold figures the shipped thresholds were chosen on:

| segment | scam | genuine | recall (flagged) | recall (danger) | genuine danger | genuine flagged | caution ≥ | danger ≥ |
|---|---|---|---|---|---|---|---|---|
${segs.map((g) => row(g, card.outOfFold[g], true)).join('\n')}

## Heaviest weights
| raises the score | weight |
|---|---|
${topWeights(file, 15, 1)}

| lowers the score | weight |
|---|---|
${topWeights(file, 8, -1)}

## Shipped lists (knowledge/url-lists/)
${lists.popular.length} popular domains, ${lists.shared.length} shared-hosting domains (${lists.abused.length} of them popular domains where
the training feeds found phishing pages under several hosts), ${lists.shorteners.length} shorteners; each file names its sources.

## What the data could not teach
- Japanese scams in the data are mostly e-mail (80%); SMS, LINE and SNS openers are few, and genuine delivery,
  utility-billing and carrier notices are nearly absent, so those signals rest mostly on their priors.
- Phone fraud (オレオレ, fake police, refunds at an ATM, remote-access "support") reaches the data mostly through
  warnings that quote it: the police-certain rules and the priors carry it, not the data.
- English genuine messages are SMS (bank alerts, codes, chat) and English scams mostly e-mail: the channel is
  confounded with the label. Genuine bank alerts that link to banks we do not know are the main false alarms.
- The link models' genuine side is popular host names without paths, so a path on an unknown site raises the URL
  model's score; inside messages only the host model is used, and popular and registered sites are vouched first.
`;
}
