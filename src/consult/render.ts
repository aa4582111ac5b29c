// A verdict as plain text: the CLI's output and the base of SMS answers. Channel-neutral.
import type { Verdict } from '../domain.ts';
import { WORDS } from '../words/book.ts';

export interface RenderOptions {
  /** 'full' lists every reason, step and contact; 'short' keeps the top of each. */
  detail?: 'short' | 'full';
  /** Hard cap in characters (cut at a line boundary, with an ellipsis). */
  maxChars?: number;
  /** Base URL of article pages; without it the article titles are shown alone. */
  articleBaseUrl?: string;
}

const MARK: Record<Verdict['level'], string> = { danger: '⛔', caution: '⚠️', low: 'ℹ️', unknown: '❔' };

export function renderVerdictText(v: Verdict, opts: RenderOptions = {}): string {
  const words = WORDS[v.lang].answer;
  const l = words.sections;
  const full = (opts.detail ?? 'full') === 'full';
  const take = <T>(xs: T[], n: number) => (full ? xs : xs.slice(0, n));
  const lines: string[] = [`${MARK[v.level]} ${v.headline}`];
  if (v.scamType !== 'none') lines.push(`${l.type}: ${words.scamTypes[v.scamType]}`);
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
