// Training and evaluation rows for the message model: the real messages, and bare links from the phishing feeds'
// training months and the popularity lists (as a person pastes a link and asks "is this safe?"). Each row's
// features come from the same extraction and evidence steps a consultation runs.

import { parse } from 'tldts';
import type { Evidence, Lang } from '../domain.ts';
import type { RealMessage } from '../eval/real-data.ts';
import type { FeedUrl, PopularHost } from '../eval/url-data.ts';
import { featuresOf } from '../judge/features.ts';
import { segmentOf } from '../judge/local.ts';
import { homePage, seededSplit } from './host-model.ts';
import type { TrainRow } from './message-model.ts';

export type EvidenceOf = (text: string, lang?: Lang) => { evidence: Evidence; lang: Lang };

/** Bare links per class that the message model sees for its `link` segment. */
export const LINK_ROWS_PER_CLASS = 3000;

export interface LabelledRow extends TrainRow {
  text: string;
  lang: Lang;
  /** For reports: file or feed, channel, kind, labelled scam type, ad spam. */
  meta: Pick<RealMessage, 'file' | 'channel'> & Partial<Pick<RealMessage, 'kind' | 'scamType' | 'adSpam'>>;
  /** The evidence behind the features (kept for scam-type and sentence checks). */
  evidence: Evidence;
}

export function rowOf(
  text: string,
  label: 'scam' | 'legit',
  lang: Lang,
  group: string,
  meta: LabelledRow['meta'],
  evidenceOf: EvidenceOf,
): LabelledRow {
  const { evidence, lang: l } = evidenceOf(text, lang);
  const segment = segmentOf(evidence, l);
  return {
    text,
    lang: l,
    label: label === 'scam' ? 1 : 0,
    segment,
    group,
    features: featuresOf(evidence, l, segment === 'link'),
    priors: new Map(evidence.signals.map((s) => [s.code, s.weight])),
    meta,
    evidence,
  };
}

export function messageRows(messages: readonly RealMessage[], evidenceOf: EvidenceOf): LabelledRow[] {
  return messages.map((m) =>
    rowOf(
      m.text,
      m.label,
      m.lang,
      `${m.lang}:${m.group}`,
      {
        file: m.file,
        channel: m.channel,
        ...(m.kind ? { kind: m.kind } : {}),
        ...(m.scamType ? { scamType: m.scamType } : {}),
        ...(m.adSpam ? { adSpam: true } : {}),
      },
      evidenceOf,
    ),
  );
}

const groupOfHost = (host: string) => `link:${parse(host).domain ?? host}`;

/** Bare links: phishing rows and popular hosts the host model was not fitted on (half written bare). */
export function linkRows(
  phish: readonly FeedUrl[],
  genuine: readonly PopularHost[],
  seed: number,
  evidenceOf: EvidenceOf,
  n = LINK_ROWS_PER_CLASS,
): LabelledRow[] {
  const [p] = seededSplit(phish, (r) => r.url, n, seed + 1);
  const [g] = seededSplit(genuine, (h) => h.host, n, seed + 1);
  return [
    ...p.map((r) => rowOf(r.url, 'scam', 'ja', groupOfHost(r.host), { file: r.feed, channel: 'link' }, evidenceOf)),
    ...g.map((h, i) =>
      rowOf(
        i % 2 === 0 ? homePage(h.host) : h.host,
        'legit',
        'ja',
        groupOfHost(h.host),
        { file: h.list, channel: 'link' },
        evidenceOf,
      ),
    ),
  ];
}
