// A verdict as plain text: the CLI's output and the base of SMS answers. Channel-neutral.
import type { Verdict } from '../domain.ts';
import { SCAM_TYPE_LABELS } from '../judge/compose.ts';

export interface RenderOptions {
  /** 'full' lists every reason, step and contact; 'short' keeps the top of each. */
  detail?: 'short' | 'full';
  /** Hard cap in characters (cut at a line boundary, with an ellipsis). */
  maxChars?: number;
  /** Base URL of article pages; without it the article titles are shown alone. */
  articleBaseUrl?: string;
}

/** Section titles of a verdict, shared by every rendering (text, SMS, the web page). */
export const VERDICT_LABELS = {
  ja: {
    type: '手口',
    reasons: '見つかったこと',
    now: 'いますぐすること',
    acted: 'もう開いた・入力した・払ったときは',
    contacts: '相談先',
    articles: '詳しい解説',
    judged: {
      local: 'この判定は、anshin の規則にもとづいて自動で行いました。',
      llm: 'この判定は、AIと anshin の規則で自動で行いました。',
    },
  },
  en: {
    type: 'Type',
    reasons: 'What we found',
    now: 'What to do now',
    acted: 'If you already opened, entered or paid',
    contacts: 'Where to get help',
    articles: 'Read more',
    judged: {
      local: "This check was made automatically by anshin's rules.",
      llm: "This check was made automatically by an AI and anshin's rules.",
    },
  },
} as const;

const MARK: Record<Verdict['level'], string> = { danger: '⛔', caution: '⚠️', low: 'ℹ️', unknown: '❔' };

export function renderVerdictText(v: Verdict, opts: RenderOptions = {}): string {
  const l = VERDICT_LABELS[v.lang];
  const full = (opts.detail ?? 'full') === 'full';
  const take = <T>(xs: T[], n: number) => (full ? xs : xs.slice(0, n));
  const lines: string[] = [`${MARK[v.level]} ${v.headline}`];
  if (v.scamType !== 'none') lines.push(`${l.type}: ${SCAM_TYPE_LABELS[v.scamType][v.lang]}`);
  const section = (title: string, items: string[]) => {
    if (items.length === 0) return;
    lines.push('', `■ ${title}`, ...items.map((s) => `・${s}`));
  };
  section(l.reasons, take(v.reasons, 2));
  section(l.now, take(v.advice, 2));
  if (full || v.level === 'danger') section(l.acted, take(v.ifAlreadyActed, 2));
  if (full) {
    section(
      l.contacts,
      v.contacts.map((c) => `${c.label[v.lang]}${c.phone ? ` ${c.phone}` : ''}${c.url ? ` ${c.url}` : ''}`),
    );
    section(
      l.articles,
      v.articles.map((a) =>
        opts.articleBaseUrl
          ? `${a.title} ${opts.articleBaseUrl.replace(/\/$/, '')}/articles/${a.id}?lang=${a.lang}`
          : a.title,
      ),
    );
    lines.push('', l.judged[v.judgedBy]);
  }
  const text = lines.join('\n');
  if (opts.maxChars === undefined || text.length <= opts.maxChars) return text;
  const cut = text.slice(0, Math.max(0, opts.maxChars - 1));
  const nl = cut.lastIndexOf('\n');
  return `${nl > opts.maxChars / 2 ? cut.slice(0, nl) : cut}…`;
}
