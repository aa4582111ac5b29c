// What the learned host score sees of a link: the shape of its address, never the page, never the network.
// Character n-grams of the registrable label and of the subdomains, the public suffix, a few counts (length,
// digits, hyphens, depth), and the words of the path. Caveat (MODEL_CARD.md): the genuine side of the training
// data is host names from popularity lists, which have no path, so a path on an unknown site raises the score;
// links on popular and registered sites are vouched for before this score is asked.
import { parse as parseDomain } from 'tldts';
import type { SparseRow } from './logistic.ts';

/** Hashed feature space of the host model: 2^17 buckets (model file ≈ 0.4 MB). */
export const HOST_FEATURE_BITS = 17;
export const HOST_FEATURE_DIM = 1 << HOST_FEATURE_BITS;

/** 32-bit FNV-1a: fast, stable across runs and platforms, good enough spread for feature hashing. */
export function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

const bucket = (n: number, edges: readonly number[]): number => {
  let i = 0;
  while (i < edges.length && n > edges[i]!) i++;
  return i;
};

const LEN_EDGES = [3, 5, 7, 9, 12, 16, 24];
const DIGIT_EDGES = [0, 1, 3, 6];
const HYPHEN_EDGES = [0, 1, 2];
const DEPTH_EDGES = [0, 1, 2, 3];

function grams(out: string[], prefix: string, s: string, min: number, max: number): void {
  const t = `^${s}$`;
  for (let n = min; n <= max; n++) for (let i = 0; i + n <= t.length; i++) out.push(`${prefix}${t.slice(i, i + n)}`);
}

/** The named features of a host (ASCII, lower-case). Exported for tests and for the model card's examples. */
export function hostFeatureNames(host: string): string[] {
  const h = host.toLowerCase().replace(/\.$/, '');
  const out: string[] = [];
  if (/^\d{1,3}(?:\.\d{1,3}){3}$/.test(h) || h.startsWith('[')) return ['ip'];
  const p = parseDomain(h, { allowPrivateDomains: false });
  const suffix = p.publicSuffix ?? h.split('.').at(-1) ?? '';
  const domain = p.domain ?? h;
  const label = domain.slice(0, Math.max(0, domain.length - suffix.length - 1)) || domain;
  const subs = (p.subdomain ?? '').split('.').filter((s) => s !== '');
  const www = subs[0] === 'www';
  const inner = www ? subs.slice(1) : subs;
  out.push(`sfx:${suffix}`, `tld:${suffix.split('.').at(-1) ?? ''}`);
  grams(out, 'g:', label, 3, 5);
  out.push(`len:${bucket(label.length, LEN_EDGES)}`);
  out.push(`dig:${bucket(label.replace(/\D/g, '').length, DIGIT_EDGES)}`);
  out.push(`hy:${bucket((label.match(/-/g) ?? []).length, HYPHEN_EDGES)}`);
  out.push(`depth:${bucket(inner.length, DEPTH_EDGES)}`);
  if (www) out.push('www');
  if (label.startsWith('xn--') || inner.some((s) => s.startsWith('xn--'))) out.push('idn');
  const priv = parseDomain(h, { allowPrivateDomains: true });
  if (priv.isPrivate === true) out.push('private_suffix');
  for (const s of inner) {
    if (s.length <= 12) out.push(`sub:${s}`);
    grams(out, 's:', s, 3, 4);
    out.push(`sublen:${bucket(s.length, LEN_EDGES)}`, `subdig:${bucket(s.replace(/\D/g, '').length, DIGIT_EDGES)}`);
  }
  return out;
}

const PATH_RE = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*([^#]*)/i;

/** Words of the path and query ("/jp/login.php?id=" → jp, login, php, id), and a few marks of its shape. */
export function pathFeatureNames(url: string): string[] {
  const path = (PATH_RE.exec(url)?.[1] ?? '').toLowerCase().slice(0, 512);
  if (path.length <= 1) return [];
  const out = ['p:has'];
  for (const t of path.split(/[^a-z0-9]+/)) if (t.length >= 2 && t.length <= 16) out.push(`pt:${t}`);
  if (path.includes('?')) out.push('p:query');
  if (/\.(?:php|html?|aspx?|jsp)\b/.test(path)) out.push('p:page');
  if (/[a-z0-9]{24,}/.test(path)) out.push('p:token');
  return out;
}

/** Named features of a link: its host's and its path's. */
export function urlFeatureNames(url: string, host: string): string[] {
  return [...hostFeatureNames(host), ...pathFeatureNames(url)];
}

/** A link's features as a sparse row over 2^bits hashed buckets (counts of each bucket, capped at 3). */
export function urlFeatures(url: string, host: string, bits = HOST_FEATURE_BITS): SparseRow {
  return hashed(urlFeatureNames(url, host), bits);
}

/** The host's features alone, as a sparse row. */
export function hostFeatures(host: string, bits = HOST_FEATURE_BITS): SparseRow {
  return hashed(hostFeatureNames(host), bits);
}

function hashed(names: string[], bits: number): SparseRow {
  const counts = new Map<number, number>();
  const mask = (1 << bits) - 1;
  for (const name of names) {
    const j = fnv1a(name) & mask;
    counts.set(j, (counts.get(j) ?? 0) + 1);
  }
  const idx = new Int32Array(counts.size);
  const val = new Float32Array(counts.size);
  let k = 0;
  // Sorted indices: the same host always gives the same row, whatever the Map's insertion order.
  for (const j of [...counts.keys()].sort((a, b) => a - b)) {
    idx[k] = j;
    val[k] = Math.min(counts.get(j)!, 3);
    k++;
  }
  return { idx, val };
}
