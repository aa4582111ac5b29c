// The model card written beside the model file: what it learned from (sources and their licences), when, how it
// was split, the thresholds and the out-of-fold figures they were chosen on, and what the data could not teach.
import type { JudgeModelFile, Segment } from '../judge/model.ts';
import type { WebListFiles } from './build-web-lists.ts';
import type { Thresholds, TrainRow } from './message-model.ts';

export interface SegmentSummary {
  scam: number;
  legit: number;
  recall: number;
  recallDanger: number;
  fprDanger: number;
  fprFlagged: number;
}

const r4 = (x: number) => Math.round(x * 10_000) / 10_000;

export function oofSummary(
  rows: readonly TrainRow[],
  probs: readonly number[],
  thresholds: Record<Segment, Thresholds>,
): Record<Segment, SegmentSummary> {
  const out = {} as Record<Segment, SegmentSummary>;
  for (const seg of ['ja', 'en', 'link'] as const) {
    const t = thresholds[seg];
    let scam = 0;
    let legit = 0;
    let flagged = 0;
    let danger = 0;
    let legitFlagged = 0;
    let legitDanger = 0;
    rows.forEach((r, i) => {
      if (r.segment !== seg) return;
      const p = probs[i]!;
      if (r.label === 1) {
        scam++;
        if (p >= t.caution) flagged++;
        if (p >= t.danger) danger++;
      } else {
        legit++;
        if (p >= t.caution) legitFlagged++;
        if (p >= t.danger) legitDanger++;
      }
    });
    out[seg] = {
      scam,
      legit,
      recall: r4(flagged / Math.max(1, scam)),
      recallDanger: r4(danger / Math.max(1, scam)),
      fprDanger: r4(legitDanger / Math.max(1, legit)),
      fprFlagged: r4(legitFlagged / Math.max(1, legit)),
    };
  }
  return out;
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
  };
  const t = file.message.thresholds;
  const oof = card.outOfFold;
  const row = (seg: Segment) => {
    const s = oof[seg];
    return `| ${seg} | ${s.scam} | ${s.legit} | ${s.recall.toFixed(3)} | ${s.recallDanger.toFixed(3)} | ${s.fprDanger.toFixed(3)} | ${s.fprFlagged.toFixed(3)} | ${t[seg].caution} | ${t[seg].danger} |`;
  };
  return `# Model card: anshin's local judge

Written by \`npm run train\` on ${file.trainedAt} (seed ${card.seed}). The figures here are the training run's own
out-of-fold figures, used to choose the thresholds; the evaluation figures (with intervals, per source and
channel) come from \`npm run eval -- --dev\`, and the project is judged on a held-out set from other sources.

## What it is
Two logistic models in \`judge-model.json\`:
- **Message model**: one weight per explainable signal (\`s:<code>\`, see \`src/evidence/\`) and per fact of
  the message's shape (\`ctx:\`), plus the learned score of the riskiest link (\`url:risk\`) and a warning
  interaction (\`warn:cues\`). Signs are bounded as SpamAssassin bounds rule scores: a risk signal may not
  lower the score, a protective one (official links, a warning, a one-time code's delivery) may not raise it.
  Levels come from thresholds per segment (Japanese messages, English messages, bare links).
- **Host/URL model**: ${1 << file.host.bits} hashed features of a link's host (character n-grams, suffix,
  counts) and path words, int16-quantised.

Two rules stand outside the model because no training row teaches them: a threat-intel hit is danger, and text
addressed to an AI is at least caution.

## Data (../shared/data, collected 2026-12-01; read in place, never copied)
| data | used for | licence |
|---|---|---|
| messages/ja-scam.jsonl, ja-legit.jsonl | training and grouped evaluation | per row; rows licensed CC BY-NC(-SA) (Business Scene Dialogue) are evaluation only |
| messages/en.jsonl | training and grouped evaluation; the 213 \`other-spam\` rows (plain advertising) are left out of training and reported apart | Phishing Pot research licence (the product is open source, as its terms require for this use), MIT, AGPL-3.0 test fixtures |
| sms-en/ UCI + Mendeley | training and grouped evaluation, as one source (90% shared rows) | CC BY 4.0 |
| url-lists/phish-phishingdatabase-new.tsv until ${card.trainUntil['phishing-database']} | host model and bare-link rows | MIT |
| threat-feeds/jpcert-phishurl-list until ${card.trainUntil.jpcert} | host model and bare-link rows (anti-phishing use, as its terms allow) | JPCERT/CC, no licence file |
| url-lists/tranco-top.csv, umbrella-top100k.csv | genuine hosts for the host model; the shipped popular list | MIT packaging (cite Tranco, NDSS 2019); free of charge |
| url-lists/phish-openphish.tsv, cloudflare-radar-top100k.txt | evaluation only (non-commercial) | OpenPhish terms; CC BY-NC 4.0 |

Rows: ${card.rows.messages} messages and ${card.rows.links} bare links for the message model; ${card.rows.host.phish}
phishing links and ${card.rows.host.genuine} popular hosts for the host model. Template placeholders in genuine
rows (\`%{name}\`, \`{{code}}\`) are filled with a neutral name first.

## Split and weighting
- ${card.folds} folds by source (a repository, a site, a mailing list; UCI and Mendeley together): a source is
  never split across train and test. Thresholds are chosen on the out-of-fold scores.
- Each (segment, label) class weighs the same; within a class a source counts as at most 300 rows.
- Phishing feeds: training months up to ${card.trainUntil['phishing-database']} (Phishing.Database) and ${card.trainUntil.jpcert}
  (JPCERT/CC); later months are evaluation only.

## Thresholds and out-of-fold figures
| segment | scam | genuine | recall (flagged) | recall (danger) | genuine danger | genuine flagged | caution ≥ | danger ≥ |
|---|---|---|---|---|---|---|---|---|
${row('ja')}
${row('en')}
${row('link')}

## Heaviest weights
| raises the score | weight |
|---|---|
${topWeights(file, 15, 1)}

| lowers the score | weight |
|---|---|
${topWeights(file, 8, -1)}

## Shipped lists
${lists.popular.length} popular domains, ${lists.shared.length} shared-hosting domains (${lists.abused.length} of them popular
domains where the training feeds found phishing pages under several hosts), ${lists.shorteners.length} shorteners.

## What the data could not teach
- Japanese scams in the data are mostly e-mail (80%); SMS, LINE and SNS openers are few, so their weights rest
  on few rows. Genuine delivery, utility-billing and carrier notices are nearly absent.
- The genuine side of the host model is popular host names without paths, so a path on an unknown site raises
  its score; links on popular and registered sites are vouched for before the score is asked.
- English genuine messages are SMS only (bank alerts, OTPs, chat) and English scams mostly e-mail: the channel
  is confounded with the label, so the figures are reported per channel.
- Phone fraud (オレオレ, fake police, refunds at an ATM) reaches us mostly through warnings that quote it;
  there are few real scam texts of these kinds to learn from.
`;
}
