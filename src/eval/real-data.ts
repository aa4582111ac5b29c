// The real messages in ../shared/data (messages/ and sms-en/), written by third parties, with what evaluation and
// training need to know about each row: its source group (rows from one source share templates, so they are
// never split across train and test), its channel, its licence (may a shipped model learn from it?) and, for
// scams, the labelled type. Read in place, never copied into the repository.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Lang } from '../domain.ts';
import { csvFields, DatasetError } from './datasets.ts';

export interface RealMessage {
  text: string;
  label: 'scam' | 'legit';
  lang: Lang;
  /** email, sms, chat, line, sns, other, as the source says. */
  channel: string;
  /** The file the row came from, for reports. */
  file: string;
  /** Rows of one group come from one source (a repository, a site, a mailing list): they share templates. */
  group: string;
  /** May a model that ships be trained on this row? Non-commercial licences are for evaluation only. */
  trainable: boolean;
  /** Genuine rows: notification kind (otp, bank_card_notice, security_warning, personal …). */
  kind?: string;
  /** Scam rows of ja-scam.jsonl: the labelled type (phishing_card, delivery, …). */
  scamType?: string;
  /** Spam that is not a scam (plain advertising): kept apart from the scam figures. */
  adSpam?: boolean;
}

/**
 * The source a row came from, coarse enough that near-copies share it: a repository ("owner/name@…:path" or
 * "owner/name:path"), a web site (its host without "www."), or a mailing-list archive.
 */
export function sourceGroup(source: string): string {
  const s = source.trim();
  const url = /^https?:\/\/([^/?#]+)/i.exec(s);
  if (url) {
    const host = url[1]!
      .toLowerCase()
      .replace(/^www\./, '')
      .replace(/\.$/, '');
    // github.com/owner/name/… is that repository, not GitHub.
    const gh = /^https?:\/\/(?:www\.)?github\.com\/([^/]+)\/([^/?#]+)/i.exec(s);
    return gh ? `${gh[1]!.toLowerCase()}/${gh[2]!.toLowerCase()}` : host;
  }
  const repo = /^([\w.-]+\/[\w.-]+?)(?:@[0-9a-f]+)?(?::|$)/i.exec(s);
  if (repo) {
    // "linux-mailinglist-archives/industrypack-devel.lists.sourceforge.net…" is one list: keep its first path part.
    return repo[1]!.toLowerCase();
  }
  const first = s.split(/[\s/:]/)[0] ?? s;
  return first.toLowerCase() || 'unknown';
}

/** Licences under which a shipped (possibly commercial) model may not be trained: evaluation only. */
const NON_COMMERCIAL_RE = /\bNC\b|non-?commercial/i;

interface RawRow {
  text?: unknown;
  label?: unknown;
  lang?: unknown;
  channel?: unknown;
  source?: unknown;
  licence?: unknown;
  kind?: unknown;
  scamType?: unknown;
  note?: unknown;
}

function readRows(file: string): RawRow[] {
  const out: RawRow[] = [];
  const lines = readFileSync(file, 'utf8').split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.trim() === '') continue;
    try {
      out.push(JSON.parse(line) as RawRow);
    } catch {
      throw new DatasetError(`${file}:${i + 1}: not valid JSON`);
    }
  }
  return out;
}

/**
 * Template placeholders kept by the sources (`%{name}`, `{{code}}`, `<%- url -%>`, `:username`) become neutral
 * values, or a model would learn that template syntax means "genuine" (messages/README.md).
 */
const CODE_NAME_RE = /code|otp|pin|token|passcode|number|digits/i;

export function fillPlaceholders(text: string): string {
  return (
    text
      // A code's placeholder gets digits, so that a one-time code's message reads as one.
      .replace(
        /\{\{\s*([\w.]+)\s*\}\}|%\{([\w.]+)\}|\{\s*\$?([\w.]+)\s*\}|<%-?=?\s*([\w.]+)\s*-?%>/g,
        (m, a, b, c, d) => (CODE_NAME_RE.test(a ?? b ?? c ?? d ?? '') ? '123456' : m),
      )
      .replace(/<%-?=?\s*[\w.]+\s*-?%>/g, 'Sato')
      .replace(/%\{[\w.]+\}/g, 'Sato')
      .replace(/\{\{\s*[\w.]+\s*\}\}/g, 'Sato')
      .replace(/\$\{[\w.]+\}/g, 'Sato')
      .replace(/\{\s*\$?[\w.]+\s*\}/g, 'Sato')
      .replace(/(^|[\s(])[:@][a-z_]{3,}\b/g, '$1Sato')
  );
}

function messageOf(r: RawRow, file: string, n: number): RealMessage {
  if (typeof r.text !== 'string') throw new DatasetError(`${file}:${n}: "text" must be a string`);
  if (r.label !== 'scam' && r.label !== 'legit') throw new DatasetError(`${file}:${n}: bad "label"`);
  const source = typeof r.source === 'string' ? r.source : 'unknown';
  const licence = typeof r.licence === 'string' ? r.licence : '';
  const note = typeof r.note === 'string' ? r.note : '';
  return {
    text: fillPlaceholders(r.text),
    label: r.label,
    lang: r.lang === 'en' ? 'en' : 'ja',
    channel: typeof r.channel === 'string' ? r.channel : 'other',
    file: path.basename(file),
    group: sourceGroup(source),
    trainable: !NON_COMMERCIAL_RE.test(licence),
    ...(typeof r.kind === 'string' ? { kind: r.kind } : {}),
    ...(typeof r.scamType === 'string' ? { scamType: r.scamType } : {}),
    ...(/heuristic_subtype=other-spam/.test(note) ? { adSpam: true } : {}),
  };
}

/** English SMS: UCI (CC BY 4.0) and the Mendeley rows that are not UCI rows (never split the two apart). */
function englishSms(dir: string): RealMessage[] {
  const out: RealMessage[] = [];
  const seen = new Set<string>();
  const uci = path.join(dir, 'sms-en/uci/SMSSpamCollection');
  if (existsSync(uci)) {
    for (const l of readFileSync(uci, 'utf8').split('\n')) {
      const tab = l.indexOf('\t');
      if (tab < 0) continue;
      const text = l.slice(tab + 1).trim();
      seen.add(text);
      out.push({
        text,
        label: l.slice(0, tab) === 'spam' ? 'scam' : 'legit',
        lang: 'en',
        channel: 'sms',
        file: 'SMSSpamCollection',
        // UCI and Mendeley share ~90% of their rows: one group, so near-copies never straddle a split.
        group: 'uci+mendeley-sms',
        trainable: true,
      });
    }
  }
  const mendeley = path.join(dir, 'sms-en/mendeley/Dataset_5971.csv');
  if (existsSync(mendeley)) {
    for (const line of readFileSync(mendeley, 'latin1').split('\n').slice(1)) {
      const [label, raw] = csvFields(line);
      const text = raw?.trim();
      if (!label || !text || seen.has(text)) continue;
      seen.add(text);
      out.push({
        text,
        label: label.toLowerCase() === 'ham' ? 'legit' : 'scam',
        lang: 'en',
        channel: 'sms',
        file: 'Dataset_5971.csv',
        group: 'uci+mendeley-sms',
        trainable: true,
      });
    }
  }
  return out;
}

/** Every real message under `dir` (../shared/data). Missing files are skipped; a malformed row is an error. */
export function realMessages(dir: string): RealMessage[] {
  const out: RealMessage[] = [];
  for (const f of ['ja-scam.jsonl', 'ja-legit.jsonl', 'en.jsonl']) {
    const file = path.join(dir, 'messages', f);
    if (!existsSync(file)) continue;
    readRows(file).forEach((r, i) => {
      out.push(messageOf(r, file, i + 1));
    });
  }
  out.push(...englishSms(dir));
  return out;
}
