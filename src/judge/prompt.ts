// The judge prompt: a versioned file in prompts/ (STYLE.md habit 8) filled with the evidence and the
// forwarded message. The message is untrusted input (STYLE.md habit 9): it goes between delimiter lines
// carrying a random per-call code, anything in it that looks like a delimiter is defused, and it is cut
// to a bounded length. Values in the evidence that come from the message are defanged and defused too.
import { randomBytes } from 'node:crypto';
import type { Evidence, Judgement, Lang, Signal } from '../domain.ts';
import { stripInvisible } from '../text/invisible.ts';
import { loadPromptFile, type PromptFile, PromptFileError, promptPath } from './prompt-file.ts';

export interface LlmJudgeInput {
  evidence: Evidence;
  /** The local judge's judgement on the same evidence: its level and scam type are context for the LLM. */
  local: Judgement;
  /** Language the reasons and advice are to be written in. */
  lang: Lang;
}

export type JudgePrompt = PromptFile;
export { PromptFileError };

export const DEFAULT_JUDGE_PROMPT_FILE = promptPath('judge.v1.md');

/** Longest stretch of the message sent to the model; the rest is cut and the model is told so. */
export const MESSAGE_MAX_CHARS_SENT = 4000;
/** Longest value taken from the message (a URL, an address) that is put into the evidence section. */
const EVIDENCE_VALUE_MAX_CHARS = 200;
const ARTICLES_IN_CONTEXT = 3;
const BOUNDARY_BYTES = 8;

/** Reads and checks the judge prompt once; later calls get the cached copy. */
export function loadJudgePrompt(file: string = DEFAULT_JUDGE_PROMPT_FILE): JudgePrompt {
  return loadPromptFile(file, ['boundary', 'message', 'context']);
}

/** The system and user messages for one judge call, with a fresh delimiter code. */
export function buildJudgeMessages(
  input: LlmJudgeInput,
  prompt: JudgePrompt = loadJudgePrompt(),
): [system: string, user: string] {
  const cleaned = defuse(input.evidence.indicators.text);
  const cut = cleaned.length > MESSAGE_MAX_CHARS_SENT;
  const message = cut ? cleaned.slice(0, MESSAGE_MAX_CHARS_SENT) : cleaned;
  const boundary = newBoundary(message);
  const values: Record<string, string> = {
    lang: input.lang === 'ja' ? 'Japanese' : 'English',
    boundary,
    context: renderContext(input),
    message,
    truncated:
      cut || input.evidence.indicators.truncated ? 'It was longer than this and has been cut; judge what you see.' : '',
  };
  // One pass over the template: text put in for one placeholder is never scanned for another.
  const fill = (template: string) => template.replace(/\{\{(\w+)\}\}/g, (m, key: string) => values[key] ?? m);
  return [fill(prompt.system), fill(prompt.user)];
}

function newBoundary(message: string): string {
  for (;;) {
    const code = randomBytes(BOUNDARY_BYTES).toString('hex');
    if (!message.includes(code)) return code;
  }
}

/**
 * Makes text from the message unable to pass for a delimiter: NFKC first (so ＜＜＜ becomes <<<), then runs
 * of angle brackets become ‹ › and the delimiter's name is broken up.
 */
export function defuse(s: string): string {
  return stripInvisible(s)
    .replace(/<{2,}/g, (m) => '‹'.repeat(m.length))
    .replace(/>{2,}/g, (m) => '›'.repeat(m.length))
    .replace(/UNTRUSTED[\s_-]*MESSAGE/gi, 'UNTRUSTED-MSG');
}

function value(s: string): string {
  const d = defuse(s).replace(/\s+/g, ' ');
  return d.length > EVIDENCE_VALUE_MAX_CHARS ? `${d.slice(0, EVIDENCE_VALUE_MAX_CHARS)}…` : d;
}

/** hxxp://example[.]com/path: readable, not clickable, and not something a model copies as a live link. */
export function defang(s: string): string {
  return s.replace(/^http/i, 'hxxp').replace(/\./g, '[.]');
}

function orderedSignals(signals: readonly Signal[], order: readonly string[]): Signal[] {
  const rank = new Map(order.map((c, i) => [c, i]));
  return [...signals].sort((a, b) => (rank.get(a.code) ?? 999) - (rank.get(b.code) ?? 999));
}

function renderContext({ evidence, local }: LlmJudgeInput): string {
  const { indicators: ind, signals, intel, brands, articles } = evidence;
  const lines: string[] = [];
  const list = (title: string, items: string[]) => {
    lines.push(`- ${title}:${items.length === 0 ? ' none' : ''}`);
    for (const item of items) lines.push(`  - ${item}`);
  };
  lines.push(
    `- Local judge (learned from real messages): level=${local.level}, scamType=${local.scamType}` +
      `${local.score !== undefined ? `, scam probability ${local.score.toFixed(2)}` : ''}` +
      `${evidence.urlRisk !== undefined ? `, riskiest link's learned phishing probability ${evidence.urlRisk.toFixed(2)}` : ''}`,
  );
  list(
    'Links in the message',
    ind.urls.map((u) => `${value(defang(u.url))} (host ${value(defang(u.host))}${u.isIp ? ', IP address' : ''})`),
  );
  list(
    'Phone numbers in the message',
    ind.phones.map((p) => `${value(p.e164)} (${p.kind}${p.country ? `, ${p.country}` : ''})`),
  );
  list(
    'Email addresses in the message',
    ind.emails.map((e) => value(defang(e.address))),
  );
  list(
    'Amounts',
    ind.amounts.map((a) => `${a.value} ${a.currency}`),
  );
  list('Payment methods named', [...ind.paymentMethods]);
  list(
    'Signals',
    // In the order they carried the local score (local.signals), with the rule's stated weight.
    orderedSignals(signals, local.signals).map((s) => {
      const tags = [`weight ${s.weight}`, s.strong ? 'strong' : '', s.scamType ?? ''].filter(Boolean).join(', ');
      return `${s.code} (${tags}): ${value(s.detail.en)}${s.subject ? ` [${value(s.subject)}]` : ''}`;
    }),
  );
  list(
    'Threat-intelligence hits',
    intel.map(
      (h) =>
        `${h.kind} ${value(h.kind === 'phone' ? h.value : defang(h.value))} listed by ${value(h.source)}` +
        `${h.label ? ` (label: ${value(h.label)})` : ''}`,
    ),
  );
  list(
    'Brand registry matches',
    brands.map(
      (b) =>
        `${value(b.name.en)}: ${b.relation} via ${b.via}` +
        `${b.officialDomains.length ? ` (official domains: ${b.officialDomains.map((d) => value(defang(d))).join(', ')})` : ''}`,
    ),
  );
  list(
    'Related awareness articles',
    articles.slice(0, ARTICLES_IN_CONTEXT).map((a) => `${value(a.id)} "${value(a.title)}" (${a.scamType})`),
  );
  return lines.join('\n');
}
