// Curated lists behind the URL signals. Each list says why a host lands on it.

/**
 * Top-level domains that are cheap, loosely checked and over-represented in phishing reports. Chosen from the
 * share of the JPCERT/CC phishing URL list (2019–2025) against how rarely legitimate Japanese services use them.
 */
export const RISKY_TLDS: ReadonlySet<string> = new Set([
  'top', 'xyz', 'icu', 'cfd', 'shop', 'club', 'cc', 'ci', 'ly', 'asia', 'vip', 'buzz', 'cyou', 'pw', 'sbs', 'one',
  'monster', 'mw', 'ga', 'work', 'tk', 'bar', 'ml', 'cf', 'gq', 'life', 'live', 'ink', 'rest', 'mom', 'lol', 'bond',
  'click', 'link', 'site', 'online', 'store', 'fun', 'space', 'website', 'press', 'host', 'cam', 'win', 'bid', 'loan',
  'date', 'racing', 'review', 'stream', 'trade', 'party', 'science', 'top', 'wang', 'ren', 'kim', 'men', 'love',
  'tt', 'ru', 'su', 'cn', 'hk', 'cyou', 'quest', 'beauty', 'hair', 'skin', 'makeup', 'autos', 'boats', 'homes',
  'motorcycles', 'yachts', 'zip', 'mov', 'country', 'stream', 'gdn', 'surf', 'uno', 'today', 'pics', 'help',
]);

/** URL shorteners: they hide where a link really goes. */
export const SHORTENERS: ReadonlySet<string> = new Set([
  'bit.ly', 'bit.do', 'bitly.com', 't.co', 'tinyurl.com', 'is.gd', 'v.gd', 'ow.ly', 'buff.ly', 'cutt.ly', 'rebrand.ly',
  'x.gd', 'shorturl.at', 'rb.gy', 't.ly', 'tiny.cc', 'goo.gl', 'lnkd.in', 's.id', 'urx.blue', 'urx.red', 'urx.nu',
  'x.gd', 'qr.paps.jp', 'smsg.io', 'u0u1.net', 'onl.la', 'onl.sc', 'onl.bz', 'kutt.it', 'shorturl.asia', 'reurl.cc',
  'ux.nu', 'amzn.to', 'amzn.asia', 'ift.tt', 'dlvr.it', 'tr.ee', 'linktr.ee', 'bl.ink', 'short.gy', 'shorter.me',
]);

/**
 * Free hosting and app platforms where anyone can publish under the platform's domain: a brand's login page there
 * is not the brand's. Matched as the host or any parent.
 */
export const FREE_HOSTS: readonly string[] = [
  'web.app', 'firebaseapp.com', 'github.io', 'netlify.app', 'vercel.app', 'pages.dev', 'workers.dev', 'glitch.me',
  'wixsite.com', 'weebly.com', '000webhostapp.com', 'blogspot.com', 'sites.google.com', 'herokuapp.com', 'r2.dev',
  'storage.googleapis.com', 'azurewebsites.net', 'ngrok.io', 'ngrok-free.app', 'repl.co', 'replit.app', 'onrender.com',
  'fly.dev', 'surge.sh', 'firebasestorage.googleapis.com', 'appspot.com', 'webflow.io', 'square.site', 'wordpress.com',
  'jimdofree.com', 'jimdosite.com', 'duckdns.org', 'ddns.net', 'no-ip.org', 'hopto.org', 'serveo.net', 'trycloudflare.com',
  'typedream.app', 'framer.app', 'godaddysites.com', 'mystrikingly.com', 'carrd.co', 'notion.site', 'gitbook.io',
  'ipfs.io', 'dweb.link', 'cloudfront.net', 'amplifyapp.com', 'blob.core.windows.net', 'web.core.windows.net',
];

/** Japanese second-level domains restricted to vetted registrants: phishing there is rare. */
export const RESTRICTED_JP_SLDS: ReadonlySet<string> = new Set(['go.jp', 'lg.jp', 'ac.jp', 'ed.jp', 'co.jp', 'or.jp', 'ne.jp', 'gr.jp']);

/** Words phishing hosts use to look like a login or account page. */
export const LURE_WORDS_RE =
  /(?:^|[.-])(?:login|log-in|signin|sign-in|verify|verification|secure|security|account|update|confirm|support|auth|wallet|billing|payment|refund|customer|service|member|mypage|my-page|check|safety|info-?center|notice|kakunin|ninsho|riyou|shiharai)(?:[.-]|\d|$)/;

/** Path fragments copied from real login pages of impersonated brands, or typical phishing kit paths. */
export const LURE_PATH_RE =
  /\/(?:etgate|jn\/jp|login|signin|sign-in|verify|account|mypage|my-page|auth|secure|update|webapp|customer|member|index\.jsp|wallet|billing|payment)\b|\.php(?:$|[?/])|[?&](?:login|token|session|id)=/i;
