// Phishing links are written defanged wherever a person sees them (hxxps://example[.]com/path), so that no
// terminal, chat or mail client turns them into something clickable.

/** `hxxps://example[.]com/path`: scheme and the host's dots defanged, path left readable. */
export function defangUrl(url: string): string {
  const m = /^(https?)(:\/\/)([^/?#]*)(.*)$/is.exec(url);
  if (m === null) return defangHost(url);
  const [, scheme = '', sep = '', host = '', rest = ''] = m;
  return `${scheme.replace(/^http/i, 'hxxp')}${sep}${defangHost(host)}${rest}`;
}

/** `example[.]com`. */
export function defangHost(host: string): string {
  return host.replaceAll('.', '[.]');
}
