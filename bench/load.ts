// A small HTTP/1.1 load generator for the webhook bench: `connections` keep-alive sockets, each sending the
// next prepared request as soon as the previous answer has arrived, for `durationMs`. It only writes bytes
// and reads status lines and lengths, so on a 2-core machine it leaves the server most of a core (a general
// tool such as autocannon, building each request anew, was the bottleneck there, not the server).
import net from 'node:net';

export interface LoadResult {
  requests: number;
  reqPerSecond: number;
  non2xx: number;
  errors: number;
  p50Ms: number;
  p99Ms: number;
}

const HEADER_END = Buffer.from('\r\n\r\n');

/** Answers to one request: status and the byte length of the whole response, once it is all there. */
function parseResponse(buf: Buffer): { status: number; length: number } | null {
  const end = buf.indexOf(HEADER_END);
  if (end < 0) return null;
  const head = buf.subarray(0, end).toString('latin1');
  const status = Number(head.slice(9, 12));
  const m = /\r\ncontent-length:\s*(\d+)/i.exec(head);
  const length = end + 4 + (m ? Number(m[1]) : 0);
  return buf.length >= length ? { status, length } : null;
}

export async function load(
  url: string,
  opts: { connections: number; durationMs: number; next: () => Buffer },
): Promise<LoadResult> {
  const { hostname, port } = new URL(url);
  const latencies: number[] = [];
  let non2xx = 0;
  let errors = 0;
  const started = performance.now();
  const until = started + opts.durationMs;

  const one = () =>
    new Promise<void>((resolve) => {
      const socket = net.connect(Number(port), hostname);
      socket.setNoDelay(true);
      let pending: Buffer = Buffer.alloc(0);
      let sentAt = 0;
      const send = () => {
        sentAt = performance.now();
        socket.write(opts.next());
      };
      socket.on('connect', send);
      socket.on('data', (chunk: Buffer) => {
        pending = pending.length === 0 ? chunk : Buffer.concat([pending, chunk]);
        const r = parseResponse(pending);
        if (r === null) return;
        const now = performance.now();
        latencies.push(now - sentAt);
        if (r.status < 200 || r.status > 299) non2xx += 1;
        pending = pending.subarray(r.length);
        if (now < until) send();
        else socket.end();
      });
      socket.on('error', () => {
        errors += 1;
      });
      socket.on('close', () => resolve());
    });

  await Promise.all(Array.from({ length: opts.connections }, one));
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] ?? 0;
  return {
    requests: latencies.length,
    reqPerSecond: latencies.length / seconds,
    non2xx,
    errors,
    p50Ms: Math.round(pct(50) * 10) / 10,
    p99Ms: Math.round(pct(99) * 10) / 10,
  };
}

/** The bytes of one POST with a JSON body and the given headers. */
export function post(path: string, host: string, body: string, headers: Record<string, string>): Buffer {
  const bodyBytes = Buffer.from(body);
  const lines = [
    `POST ${path} HTTP/1.1`,
    `host: ${host}`,
    'connection: keep-alive',
    `content-length: ${bodyBytes.length}`,
    ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`),
    '',
    '',
  ];
  return Buffer.concat([Buffer.from(lines.join('\r\n'), 'latin1'), bodyBytes]);
}
