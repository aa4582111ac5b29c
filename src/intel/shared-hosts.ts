// Hosts where one hostname serves content from many unrelated people, so that a phishing URL on it says
// nothing about the rest of the host. For these the importers keep the exact URL (that one link is bad) but
// never a host-level entry: listing `docs.google.com` or `bit.ly` because one form or one short link was
// used for phishing would flag every honest form and short link a person forwards to us.
//
// The rule is "who controls the hostname". A per-customer subdomain (user.github.io, name.wixsite.com,
// account.blob.core.windows.net, bucket.s3.amazonaws.com, project.web.app) is chosen and controlled by
// whoever created it, usually the attacker, so it stays host-level and is NOT listed here. Path-based
// sharing (github.com/user, s3.amazonaws.com/bucket, sites.google.com/view/x) and redirectors/shorteners
// are listed. The apex of a hosting platform (github.io, duckdns.org: private entries of the Public Suffix
// List, https://publicsuffix.org/list/) is handled in isSharedHost with tldts, not listed by hand.
import { parse } from 'tldts';

/** URL shorteners and QR-code link services: every link on them is a different customer's redirect. */
const SHORTENERS = [
  '00m.in',
  '1drv.ms',
  'al0.cn',
  'alturl.com',
  'amzn.asia',
  'amzn.to',
  'bit.do',
  'bit.ly',
  'bitly.ws',
  'bl.ink',
  'buff.ly',
  'cl.ly',
  'clck.ru',
  'cntl.me',
  'cutt.ly',
  'flowcode.com',
  'g.co',
  'gg.gg',
  'go2l.ink',
  'goo.gl',
  'goo.gs',
  'goo.su',
  'goq.to',
  'href.li',
  'ht.ly',
  'is.gd',
  'lihi.cc',
  'lihi.io',
  'lihi1.com',
  'lihi2.com',
  'lin.ee',
  'ln.run',
  'lnkd.in',
  'me-qr.com',
  'n9.cl',
  'neon.ly',
  'ow.ly',
  'qr.paps.jp',
  'qrco.de',
  'qrs.ly',
  'rb.gy',
  'rebrand.ly',
  'reurl.cc',
  's.id',
  's.yam.com',
  'sh-ort.app',
  'shorturl.asia',
  'shorturl.at',
  'shrtm.nu',
  'smarturl.it',
  'surl.li',
  't.cn',
  't.co',
  't.ly',
  't2m.io',
  'tinlinks.com',
  'tiny.cc',
  'tinyurl.com',
  'u.to',
  'urlz.fr',
  'urlzs.com',
  'v.gd',
  'vk.cc',
  'waa.ai',
  'x.co',
  'x.gd',
  'youtu.be',
  'zurl.co',
];

/** Document, form, file and page hosts where the path (not the hostname) names the owner. */
const SHARED_CONTENT = [
  'apps.apple.com',
  'bento.me',
  'bitbucket.org',
  'canva.com',
  'cdn.discordapp.com',
  'cloudflare-ipfs.com',
  'discord.com',
  'discord.gg',
  'dl.dropboxusercontent.com',
  'docs.google.com',
  'docs.qq.com',
  'drive.google.com',
  'dropbox.com',
  'express.adobe.com',
  'firebasestorage.googleapis.com',
  'form.jotform.com',
  'forms.gle',
  'forms.microsoft.com',
  'forms.office.com',
  'gateway.pinata.cloud',
  'gist.github.com',
  'github.com',
  'gitlab.com',
  'ipfs.fleek.co',
  'ipfs.io',
  'jotform.com',
  'liff.line.me',
  'line.me',
  'linktr.ee',
  'mediafire.com',
  'mega.nz',
  'new.express.adobe.com',
  'notion.so',
  'onedrive.live.com',
  'page.line.me',
  'pastebin.com',
  'play.google.com',
  'raw.githubusercontent.com',
  'script.google.com',
  'sites.google.com',
  'storage.cloud.google.com',
  'storage.googleapis.com',
  'storageapi.fleek.co',
  't.me',
  'telegra.ph',
  'we.tl',
  'wetransfer.com',
];

/** Big platforms whose redirect endpoints (google.com/url?q=, l.facebook.com) appear in phishing links. */
const REDIRECTORS = [
  'app.adjust.com',
  'bing.com',
  'facebook.com',
  'google.co.jp',
  'google.com',
  'instagram.com',
  'l.facebook.com',
  'l.instagram.com',
  'linkedin.com',
  'lm.facebook.com',
  'm.facebook.com',
  'mq.mbd.baidu.com',
  't.umblr.com',
  'translate.google.com',
  'twitter.com',
  'vk.com',
  'x.com',
  'youtube.com',
];

const SHARED_HOSTS: ReadonlySet<string> = new Set([...SHORTENERS, ...SHARED_CONTENT, ...REDIRECTORS]);

/**
 * Families that a fixed list cannot hold:
 * - path-style S3 endpoints (s3.amazonaws.com/bucket, s3.dualstack.us-east-1.amazonaws.com/bucket); the
 *   bucket-style `bucket.s3….amazonaws.com` does not start with `s3` and stays host-level;
 * - Google Translate's page proxy in every country (translate.google.se, translate.google.co.jp);
 * - googleusercontent.com, which serves every Google user's uploads;
 * - SharePoint / OneDrive for Business: one tenant host serves every employee's files, and one compromised
 *   account sharing a phishing page must not flag the whole company.
 */
const SHARED_HOST_PATTERNS: readonly RegExp[] = [
  /^s3(?:[.-][a-z0-9-]+)*\.amazonaws\.com$/,
  /^translate\.google\.[a-z.]+$/,
  /(?:^|\.)googleusercontent\.com$/,
  /(?:^|\.)sharepoint\.com$/,
];

/** True when a host-level (or domain-level) intel entry for `host` would flag people who are not the attacker. */
export function isSharedHost(host: string): boolean {
  const h = host.toLowerCase().replace(/\.$/, '');
  const bare = h.startsWith('www.') ? h.slice(4) : h;
  if (SHARED_HOSTS.has(h) || SHARED_HOSTS.has(bare)) return true;
  if (SHARED_HOST_PATTERNS.some((re) => re.test(h))) return true;
  // The apex of a hosting platform (github.io, duckdns.org, blogspot.com) is itself a private public suffix.
  const p = parse(h, { allowPrivateDomains: true });
  return p.isPrivate === true && p.publicSuffix === h;
}
