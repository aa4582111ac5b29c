// Links inside links. An open redirect (google.com/url?q=…, a mail tracker's ?url=…, an AMP or translate proxy
// with the target in its path) sends you somewhere else than the host you see, so the target is what must be
// judged. Each target found is added as a link of its own, marked with the host that wraps it; the wrapper stays
// too, so the answer can say "this goes through google.com to …".
import type { UrlIndicator } from '../domain.ts';
import { parseUrlCandidate } from './urls.ts';

/** Query parameters that carry a redirect's target on common redirectors and trackers. */
const TARGET_PARAM_RE =
  /^(?:q|u|url|uri|link|href|target|dest|destination|redirect|redirect_?ur[il]|redir|r|to|goto|go|next|continue|return_?(?:to|url)?|out|l|ref_url|site|adurl)$/i;
/** A target starts with a scheme or "www."; encoded once or twice (%3A%2F%2F, %253A%252F%252F). */
const LOOKS_LIKE_URL_RE = /^(?:https?:\/\/|www\.)[^\s]{3,}/i;
/** A second scheme inside the path ("/https://evil.top/…", "/http%3A%2F%2Fevil.top"). */
const NESTED_IN_PATH_RE = /\/(https?(?::|%3A)(?:\/\/|%2F%2F)[^\s]+)/i;

/** Unwrapped targets followed, at most, through this many redirectors (a wrapper of a wrapper …). */
const MAX_DEPTH = 3;
/** Targets taken from one message at most: a list of links is judged on its first ones anyway. */
const MAX_TARGETS = 20;

function decode(s: string): string {
  let out = s;
  for (let i = 0; i < 2 && /%[0-9a-f]{2}/i.test(out); i++) {
    try {
      out = decodeURIComponent(out);
    } catch {
      break;
    }
  }
  return out;
}

/** The targets one link carries in its query or path, parsed as links. */
export function redirectTargets(u: UrlIndicator): UrlIndicator[] {
  let parsed: URL;
  try {
    parsed = new URL(u.url);
  } catch {
    return [];
  }
  const found: string[] = [];
  for (const [key, value] of parsed.searchParams) {
    const v = decode(value).trim();
    if (TARGET_PARAM_RE.test(key) && LOOKS_LIKE_URL_RE.test(v)) found.push(v);
  }
  const inPath = NESTED_IN_PATH_RE.exec(parsed.pathname + parsed.search);
  if (inPath) found.push(decode(inPath[1]!));
  const out: UrlIndicator[] = [];
  for (const candidate of found) {
    const t = parseUrlCandidate(candidate.replace(/^www\./i, 'http://www.'));
    if (t && t.host !== u.host) out.push({ ...t, wrappedIn: u.host });
  }
  return out;
}

/** `urls` followed by every redirect target they carry (deduplicated by canonical URL, in order). */
export function withRedirectTargets(urls: UrlIndicator[]): UrlIndicator[] {
  const seen = new Set(urls.map((u) => u.url));
  const out = [...urls];
  let frontier = urls;
  for (let depth = 0; depth < MAX_DEPTH && frontier.length > 0 && out.length - urls.length < MAX_TARGETS; depth++) {
    const next: UrlIndicator[] = [];
    for (const u of frontier) {
      for (const t of redirectTargets(u)) {
        if (seen.has(t.url) || out.length - urls.length >= MAX_TARGETS) continue;
        seen.add(t.url);
        out.push(t);
        next.push(t);
      }
    }
    frontier = next;
  }
  return out;
}
