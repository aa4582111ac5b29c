// A host from a message, shown so that chat apps do not turn it into a tappable link: sagawa-xx[.]top.
export function defangHost(host: string): string {
  return host.replace(/\./g, '[.]');
}
