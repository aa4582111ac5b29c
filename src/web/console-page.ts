// The operator's console as HTML: this week and the twelve before it (ISO weeks in TZ, like the counters),
// consultations by channel, level, scam type and impersonated brand; how the judge did; the week's tip;
// subscribers and sends; offers; health. Aggregates only: nothing here can show a person or a message.
import { LEVEL_COLORS } from '../channels/line/render.ts';
import {
  estimatedCostUsd,
  latencyPercentileMs,
  sumJudgeStats,
  type TokenPrices,
  type WeeklyJudgeStats,
} from '../consult/judge-stats.ts';
import { LEVELS, type Level, SCAM_TYPES, type ScamType } from '../domain.ts';
import type { Offer } from '../offers/offers.ts';
import type { WeeklyTrends } from '../stats/trends.ts';
import { weekMonday } from '../stats/week.ts';
import { WORDS } from '../words/book.ts';
import type { ConsoleData } from './console-data.ts';
import { escapeHtml as esc, page } from './layout.ts';
import { barTable, columnChart, type Point } from './svg-chart.ts';

const n = (x: number) => x.toLocaleString('en-US');
const pct = (part: number, whole: number) => (whole === 0 ? '–' : `${Math.round((part / whole) * 100)}%`);
const ms = (x: number | null) => (x === null ? '–' : Number.isFinite(x) ? `≤ ${n(x)} ms` : '> 60,000 ms');

function sumTrends(ts: readonly WeeklyTrends[]): WeeklyTrends {
  const out: WeeklyTrends = { week: 'all', total: 0, byType: {}, byLevel: {}, byChannel: {}, byBrand: {} };
  const add = (into: Record<string, number | undefined>, from: Record<string, number | undefined>) => {
    for (const [k, v] of Object.entries(from)) into[k] = (into[k] ?? 0) + (v ?? 0);
  };
  for (const t of ts) {
    out.total += t.total;
    add(out.byType, t.byType);
    add(out.byLevel, t.byLevel);
    add(out.byChannel, t.byChannel);
    add(out.byBrand, t.byBrand);
  }
  return out;
}

const CHANNEL_NAMES: Record<string, string> = {
  line: 'LINE',
  twilio: 'SMS / WhatsApp',
  api: 'HTTP API',
  web: 'Try page (web)',
  cli: 'CLI',
};

const points = (counts: Record<string, number | undefined>, label: (k: string) => string = (k) => k): Point[] =>
  Object.entries(counts).map(([k, v]) => ({ label: label(k), value: v ?? 0 }));

const levelLabel = (k: string) =>
  (LEVELS as readonly string[]).includes(k) ? WORDS.en.answer.levels[k as Level].word : k;
const typeLabel = (k: string) =>
  (SCAM_TYPES as readonly string[]).includes(k) ? WORDS.en.answer.scamTypes[k as ScamType] : k;
const levelColor = (label: string) => {
  const level = LEVELS.find((l) => WORDS.en.answer.levels[l].word === label);
  return level ? LEVEL_COLORS[level].bg : '#1a56db';
};

function weekRange(week: string): string {
  const m = weekMonday(week);
  const start = new Date(Date.UTC(m.y, m.m - 1, m.d));
  const end = new Date(start.getTime() + 6 * 86_400_000);
  const f = (d: Date) =>
    `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}-${String(d.getUTCDate()).padStart(2, '0')}`;
  return `${f(start)} – ${f(end)}`;
}

function breakdowns(t: WeeklyTrends, title: string, brandNames: Readonly<Record<string, string>>): string {
  return `<div class="panel"><h3>${esc(title)}</h3>
${barTable(
  points(t.byChannel, (k) => CHANNEL_NAMES[k] ?? k),
  'By channel',
)}
${barTable(points(t.byLevel, levelLabel), 'By level', levelColor)}
${barTable(points(t.byType, typeLabel), 'By scam type')}
${barTable(
  points(t.byBrand, (k) => brandNames[k] ?? k),
  'Most impersonated brands (caution and danger)',
)}
</div>`;
}

function judgePanel(s: WeeklyJudgeStats, title: string, prices: TokenPrices): string {
  const judged = s.judgedByLlm + s.judgedLocally;
  const cost = estimatedCostUsd(s, prices);
  const fallbacks = points(s.fallbacks);
  return `<div class="panel"><h3>${esc(title)}</h3>
<table><tbody>
<tr><th scope="row">Consultations judged</th><td class="n">${n(judged)}</td></tr>
<tr><th scope="row">Answered by the LLM</th><td class="n">${n(s.judgedByLlm)} (${pct(s.judgedByLlm, judged)})</td></tr>
<tr><th scope="row">Answered by the local judge</th><td class="n">${n(s.judgedLocally)} (${pct(s.judgedLocally, judged)})</td></tr>
<tr><th scope="row">LLM calls / succeeded</th><td class="n">${n(s.llmCalls)} / ${n(s.llmOk)}</td></tr>
<tr><th scope="row">LLM latency p50</th><td class="n">${ms(latencyPercentileMs(s.latency, 0.5))}</td></tr>
<tr><th scope="row">LLM latency p95</th><td class="n">${ms(latencyPercentileMs(s.latency, 0.95))}</td></tr>
<tr><th scope="row">Model lowered the level / evidence held the floor</th><td class="n">${n(s.lowered)} / ${n(s.floorHeld)}</td></tr>
<tr><th scope="row">Tokens in / out</th><td class="n">${n(s.tokensIn)} / ${n(s.tokensOut)}</td></tr>
<tr><th scope="row">Estimated cost</th><td class="n">${cost === null ? '<span class="muted">set LLM_PRICE_PER_1K_INPUT_TOKENS and LLM_PRICE_PER_1K_OUTPUT_TOKENS</span>' : `USD ${cost.toFixed(cost < 1 ? 4 : 2)}`}</td></tr>
</tbody></table>
${barTable(fallbacks, 'LLM fallbacks to the local judge, by reason')}
${barTable(points(s.dropped), 'Model sentences left out, by reason')}
</div>`;
}

function offerRows(offers: readonly Offer[], now: Date): string {
  if (offers.length === 0) return '<p class="muted">No offers configured (OFFERS_FILE).</p>';
  const rows = offers.map((o) => {
    const state = now < o.validFrom ? 'upcoming' : now >= o.validTo ? 'ended' : 'in force';
    const cls = state === 'in force' ? 'ok' : 'muted';
    return `<tr><td>${esc(o.id)}</td><td>${esc(o.partner)}</td><td>${esc(o.title.en)}</td><td>${esc(o.validFrom.toISOString())}</td><td>${esc(o.validTo.toISOString())}</td><td class="${cls}">${state}</td><td>${esc(o.levels.join(', '))}</td><td>${esc(o.channels.join(', '))}</td></tr>`;
  });
  return scroll(
    'Offers',
    `<table><thead><tr><th scope="col">id</th><th scope="col">partner</th><th scope="col">title</th><th scope="col">from</th><th scope="col">to</th><th scope="col">state</th><th scope="col">levels</th><th scope="col">channels</th></tr></thead><tbody>${rows.join('')}</tbody></table>`,
  );
}

/** A wide table scrolls sideways on a phone; focusable, so a keyboard can scroll it too (axe: scrollable-region-focusable). */
const scroll = (label: string, html: string) =>
  `<div class="scroll" tabindex="0" role="region" aria-label="${esc(label)}">${html}</div>`;

const okBad = (ok: boolean, yes = 'answering', no = 'not answering') =>
  `<span class="${ok ? 'ok' : 'bad'}">${ok ? yes : no}</span>`;

function healthPanel(d: ConsoleData): string {
  const h = d.health;
  const channel = (name: string, c: { on: boolean; missing: string[] }) =>
    `<tr><th scope="row">${esc(name)}</th><td>${c.on ? '<span class="ok">on</span>' : `<span class="muted">off (set ${esc(c.missing.join(', '))})</span>`}</td></tr>`;
  const q = h.queue.counts;
  const outbound = Object.entries(h.outbound);
  return `<div class="panel"><h3>Health</h3>${scroll(
    'Health',
    `<table><tbody>
<tr><th scope="row">Store (${esc(h.store.kind)})</th><td>${okBad(h.store.ok)} <span class="muted">${h.store.ms} ms</span></td></tr>
<tr><th scope="row">Queue (${esc(h.queue.kind)})</th><td>${okBad(h.queue.ok)}${q ? ` <span class="muted">waiting ${n(q.waiting)}, active ${n(q.active)}, delayed ${n(q.delayed)}</span>` : ''}</td></tr>
${channel('LINE', h.channels.line)}
${channel('SMS / WhatsApp (Twilio)', h.channels.twilio)}
<tr><th scope="row">LLM judge</th><td>${h.llm.on ? `<span class="ok">on</span> <span class="muted">${esc(h.llm.model ?? '')}</span>` : '<span class="muted">off (local judge only; set OPENAI_API_KEY)</span>'}</td></tr>
</tbody></table>
<table><caption>Platform calls from this process since it started</caption><tbody>${
      outbound.length === 0
        ? '<tr><td class="muted">none</td></tr>'
        : outbound.map(([k, v]) => `<tr><th scope="row">${esc(k)}</th><td class="n">${n(v)}</td></tr>`).join('')
    }</tbody></table>`,
  )}</div>`;
}

export interface ConsolePageOptions {
  prices: TokenPrices;
  /** Show the log-out button (a browser session, not a bearer token). */
  session: boolean;
}

export function renderConsole(d: ConsoleData, o: ConsolePageOptions): string {
  const current = d.trends[d.trends.length - 1]!;
  const currentJudge = d.judge[d.judge.length - 1]!;
  const all = sumTrends(d.trends);
  const allJudge = sumJudgeStats(d.judge, 'all');
  const judgedNow = currentJudge.judgedByLlm + currentJudge.judgedLocally;
  const weekly = d.trends.map((t) => ({ label: t.week.slice(5), value: t.total }));
  const channels = [...new Set(d.trends.flatMap((t) => Object.keys(t.byChannel)))].sort();
  const weekRows = [...d.trends]
    .reverse()
    .map(
      (t) =>
        `<tr><th scope="row" class="week">${esc(t.week)}</th><td class="n">${n(t.total)}</td>${channels.map((c) => `<td class="n">${n(t.byChannel[c] ?? 0)}</td>`).join('')}<td class="n">${n(t.byLevel.danger ?? 0)}</td><td class="n">${n(t.byLevel.caution ?? 0)}</td></tr>`,
    )
    .join('');
  const tip = d.tip;
  const subs = d.subscribers;
  const sends =
    d.sends.length === 0
      ? '<p class="muted">No weekly tips sent in these weeks.</p>'
      : scroll(
          'Last sends',
          `<table><thead><tr><th scope="col">week</th><th scope="col">finished at</th><th scope="col" class="n">LINE</th><th scope="col" class="n">SMS / WhatsApp</th></tr></thead><tbody>${d.sends
            .map(
              (s) =>
                `<tr><td>${esc(s.week)}</td><td>${esc(s.at)}</td><td class="n">${n(s.line)}</td><td class="n">${n(s.twilio)}</td></tr>`,
            )
            .join('')}</tbody></table>`,
        );
  const logout = o.session
    ? '<form class="inline" method="post" action="/console/logout"><button class="btn" type="submit">Log out</button></form>'
    : '';

  const body = `<div class="wrap">
<div class="top"><span class="brand">anshin console</span>${logout}</div>
<main>
<h1>This week: ${esc(current.week)} <span class="muted">(${esc(weekRange(current.week))}, ${esc(d.tz)})</span></h1>
<div class="tiles" id="this-week">
<div class="tile"><b id="week-total">${n(current.total)}</b><span>consultations</span></div>
<div class="tile"><b>${n(current.byLevel.danger ?? 0)}</b><span>danger</span></div>
<div class="tile"><b>${n(current.byLevel.caution ?? 0)}</b><span>caution</span></div>
<div class="tile"><b>${pct(currentJudge.judgedByLlm, judgedNow)}</b><span>answered by the LLM</span></div>
<div class="tile"><b>${n(subs.total)}</b><span>tip subscribers</span></div>
</div>

<h2>Consultations, last ${d.weeks.length} weeks</h2>
<div class="grid"><div class="panel">${columnChart(weekly, `Consultations per week, ${d.weeks[0]} to ${current.week}`)}</div>
<div class="panel">${scroll('Consultations per week', `<table><caption>Per week</caption><thead><tr><th scope="col">week</th><th scope="col" class="n">total</th>${channels.map((c) => `<th scope="col" class="n">${esc(CHANNEL_NAMES[c] ?? c)}</th>`).join('')}<th scope="col" class="n">danger</th><th scope="col" class="n">caution</th></tr></thead><tbody>${weekRows}</tbody></table>`)}</div></div>

<h2>What is going around</h2>
<div class="grid">${breakdowns(current, `This week (${current.week})`, d.brandNames)}${breakdowns(all, `Last ${d.weeks.length} weeks`, d.brandNames)}</div>

<h2>The judge</h2>
<div class="grid">${judgePanel(currentJudge, `This week (${current.week})`, o.prices)}${judgePanel(allJudge, `Last ${d.weeks.length} weeks`, o.prices)}</div>

<h2>Weekly tip</h2>
<div class="panel"><p>The tip for ${esc(tip.week)} reports on ${esc(tip.dataWeek)}. ${
    tip.state === 'kept'
      ? 'This is the edition that is kept and sent.'
      : 'Draft from the templates: the week’s edition is fixed (and polished by the LLM, when one is configured) when it is first sent or previewed with <code>anshin tips preview</code> after the week begins.'
  }</p>
<div class="grid">${(['ja', 'en'] as const)
    .map(
      (l) =>
        `<div><h3>${l === 'ja' ? 'Japanese' : 'English'} <span class="muted">(${esc(tip.byLang[l].basis)}, by ${esc(tip.byLang[l].by)}, as on LINE)</span></h3><pre class="tip" lang="${l}">${esc(tip.byLang[l].text)}</pre></div>`,
    )
    .join('')}</div></div>

<h2>Subscribers and sends</h2>
<div class="grid"><div class="panel">${barTable(
    points(subs.byChannel, (k) => CHANNEL_NAMES[k] ?? k),
    'Subscribers by channel',
  )}
${barTable(
  points(subs.byLang, (k) => (k === 'ja' ? 'Japanese' : k === 'en' ? 'English' : k)),
  'Subscribers by language',
)}
<p class="muted">${n(subs.optedOut)} SMS / WhatsApp numbers have opted out.</p></div>
<div class="panel"><h3>Last sends</h3>${sends}</div></div>

<h2>Offers</h2>
<div class="panel">${offerRows(d.offers, d.now)}</div>

<h2>Health</h2>
${healthPanel(d)}
<p class="muted">Counts are anonymous weekly aggregates. Shown at ${esc(d.now.toISOString())}.</p>
</main></div>`;
  return page({ lang: 'en', title: `anshin console · ${current.week}`, body, bodyClass: 'console', index: false });
}

export function renderLogin(message?: string): string {
  const body = `<main class="login"><h1>anshin console</h1>
${message ? `<p class="error" role="alert">${esc(message)}</p>` : ''}
<form method="post" action="/console/login">
<label for="token">Console token <span class="hint">CONSOLE_TOKEN from the server’s configuration</span></label>
<input type="password" id="token" name="token" autocomplete="current-password" required maxlength="1024">
<button class="go" type="submit">Log in</button></form></main>`;
  return page({ lang: 'en', title: 'anshin console · log in', body, bodyClass: 'console', index: false });
}
