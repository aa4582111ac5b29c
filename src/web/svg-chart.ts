// Server-rendered SVG charts for the console: a column chart of weeks and bars in a table of categories. No
// chart library, no script, no inline style (the CSP forbids it): presentation attributes only. Every chart
// has its numbers beside it in text, so it reads without the picture and with a screen reader.
import { escapeHtml } from './layout.ts';

export interface Point {
  label: string;
  value: number;
}

const BAR_COLOR = '#1a56db';
const AXIS_COLOR = '#767676';
const TEXT_COLOR = '#1a1a1a';
const fmt = (n: number) => n.toLocaleString('en-US');

/** Columns, one per week (oldest left); the value above each column, the label under it. */
export function columnChart(points: readonly Point[], title: string): string {
  const width = 640;
  const height = 220;
  const top = 24;
  const bottom = 38;
  const left = 8;
  const slot = (width - 2 * left) / Math.max(1, points.length);
  const barW = Math.max(4, slot * 0.62);
  const max = Math.max(1, ...points.map((p) => p.value));
  const plotH = height - top - bottom;
  const cols = points
    .map((p, i) => {
      const h = Math.round((p.value / max) * plotH);
      const x = left + i * slot + (slot - barW) / 2;
      const y = top + plotH - h;
      const cx = x + barW / 2;
      return `<rect x="${x.toFixed(1)}" y="${y}" width="${barW.toFixed(1)}" height="${h}" fill="${BAR_COLOR}" rx="2"/>
<text x="${cx.toFixed(1)}" y="${y - 6}" text-anchor="middle" font-size="16" fill="${TEXT_COLOR}">${fmt(p.value)}</text>
<text x="${cx.toFixed(1)}" y="${height - 12}" text-anchor="middle" font-size="15" fill="${TEXT_COLOR}">${escapeHtml(p.label)}</text>`;
    })
    .join('\n');
  const id = `t${Math.abs(hashOf(title))}`;
  return `<svg viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-labelledby="${id}" xmlns="http://www.w3.org/2000/svg">
<title id="${id}">${escapeHtml(title)}</title>
<line x1="${left}" y1="${top + plotH}" x2="${width - left}" y2="${top + plotH}" stroke="${AXIS_COLOR}" stroke-width="1"/>
${cols}</svg>`;
}

/** A table of categories, largest first: name, a bar in proportion to the largest, and the number. */
export function barTable(
  points: readonly Point[],
  caption: string,
  color: (label: string) => string = () => BAR_COLOR,
): string {
  const rows = points.filter((p) => p.value > 0).sort((a, b) => b.value - a.value || a.label.localeCompare(b.label));
  if (rows.length === 0) {
    return `<table><caption>${escapeHtml(caption)}</caption><tbody><tr><td class="muted">none yet</td></tr></tbody></table>`;
  }
  const max = Math.max(...rows.map((r) => r.value));
  const barMax = 160;
  const body = rows
    .map((r) => {
      const w = Math.max(2, Math.round((r.value / max) * barMax));
      return `<tr><th scope="row">${escapeHtml(r.label)}</th><td><svg width="${barMax}" height="14" viewBox="0 0 ${barMax} 14" aria-hidden="true" focusable="false" xmlns="http://www.w3.org/2000/svg"><rect width="${w}" height="14" rx="2" fill="${color(r.label)}"/></svg></td><td class="n">${fmt(r.value)}</td></tr>`;
    })
    .join('');
  return `<table><caption>${escapeHtml(caption)}</caption><thead><tr><th scope="col">name</th><th scope="col"><span class="muted">share</span></th><th scope="col" class="n">count</th></tr></thead><tbody>${body}</tbody></table>`;
}

function hashOf(s: string): number {
  let h = 0;
  for (const ch of s) h = (h * 31 + (ch.codePointAt(0) ?? 0)) | 0;
  return h;
}
