// `anshin check [TEXT] [--image FILE]… [--json] [--lang ja|en] [--jsonl]`: judge a message from the argument,
// stdin or screenshots.
import { open } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config.ts';
import type { Consultant, ImagePart } from '../consult/api.ts';
import { createConsultant } from '../consult/consultant.ts';
import { renderVerdictText } from '../consult/render.ts';
import type { Lang } from '../domain.ts';
import { MAX_IMAGE_BYTES } from '../limits.ts';
import { InputFileError, UsageError } from './errors.ts';
import type { CommandIo } from './io.ts';

/** Largest input read from stdin for one message; extraction reads only the first 20,000 characters anyway. */
export const MAX_STDIN_BYTES = 4 * 1024 * 1024;
/** Lines judged at once in --jsonl mode when an LLM is in use (local judging is synchronous anyway). */
const JSONL_CONCURRENCY = 8;
/** Longest JSON line accepted in --jsonl mode. */
const MAX_JSONL_LINE_CHARS = 1024 * 1024;

export const CHECK_USAGE = `Usage: anshin check [TEXT] [--json] [--lang ja|en]
       anshin check --image FILE [--image FILE]… [TEXT] [--json]
       anshin check --jsonl < lines.jsonl     (lines: {"id":…,"text":…})
Judges a message. Without TEXT (and without --image), reads the message from standard input.
--image reads a screenshot (JPEG, PNG, WebP): its text and any QR code are judged with TEXT.
--jsonl writes one line per line in, in order: {"id":…,"verdict":{…}}, or {"id":…,"error":"…"} for a bad
or blank line (the run goes on).
--json prints the verdict as JSON; --lang answers in Japanese (ja) or English (en) instead of the message's language.
Exit codes: 0 judged (whatever the verdict), 1 an --image file cannot be read, 2 a usage error.`;

/** Reads one image file, at most one byte past the limit so the reader can say it is too large. */
async function readImageFile(file: string): Promise<ImagePart> {
  let handle: Awaited<ReturnType<typeof open>>;
  try {
    handle = await open(file, 'r');
  } catch (err) {
    throw new InputFileError(file, (err as NodeJS.ErrnoException).code, 'image');
  }
  try {
    const buf = Buffer.alloc(MAX_IMAGE_BYTES + 1);
    let size = 0;
    while (size < buf.length) {
      const { bytesRead } = await handle.read(buf, size, buf.length - size, null);
      if (bytesRead === 0) break;
      size += bytesRead;
    }
    return { bytes: buf.subarray(0, size) };
  } catch (err) {
    // A folder opens on Linux and fails on the first read (EISDIR).
    throw new InputFileError(file, (err as NodeJS.ErrnoException).code, 'image');
  } finally {
    await handle.close();
  }
}

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const b = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    if (size + b.length > MAX_STDIN_BYTES) {
      chunks.push(b.subarray(0, MAX_STDIN_BYTES - size));
      size = MAX_STDIN_BYTES;
      break;
    }
    chunks.push(b);
    size += b.length;
  }
  return Buffer.concat(chunks).toString('utf8');
}

function parseLang(s: string | undefined): Lang | undefined {
  if (s === undefined) return undefined;
  if (s === 'ja' || s === 'en') return s;
  throw new UsageError(`--lang must be ja or en (got "${s}")`);
}

/** What a blank input line gets: every line in has its line out, so outputs stay aligned with inputs. */
const EMPTY_LINE = JSON.stringify({ id: null, error: 'empty line' });

/** One JSON line in, one out, in order; a bad or blank line yields {"id":…,"error":…} and the run goes on. */
export async function runJsonl(consultant: Consultant, io: CommandIo, lang: Lang | undefined): Promise<void> {
  const rl = createInterface({ input: io.stdin, crlfDelay: Number.POSITIVE_INFINITY });
  const pending: Promise<string>[] = [];
  const flush = async (all: boolean) => {
    while (pending.length > (all ? 0 : JSONL_CONCURRENCY - 1)) io.stdout.write(`${await pending.shift()!}\n`);
  };
  const judgeLine = async (line: string): Promise<string> => {
    let id: unknown = null;
    try {
      if (line.length > MAX_JSONL_LINE_CHARS) throw new Error(`line longer than ${MAX_JSONL_LINE_CHARS} characters`);
      const obj: unknown = JSON.parse(line);
      if (typeof obj !== 'object' || obj === null || Array.isArray(obj))
        throw new Error('each line must be a JSON object');
      const rec = obj as Record<string, unknown>;
      id = rec.id ?? null;
      if (typeof rec.text !== 'string') throw new Error('"text" must be a string');
      const lineLang = rec.lang === 'ja' || rec.lang === 'en' ? rec.lang : lang;
      const verdict = await consultant.consult({
        text: rec.text,
        channel: 'cli',
        ...(lineLang ? { lang: lineLang } : {}),
      });
      return JSON.stringify({ id, verdict });
    } catch (err) {
      const message = err instanceof SyntaxError ? 'invalid JSON' : (err as Error).message;
      return JSON.stringify({ id, error: message });
    }
  };
  for await (const line of rl) {
    pending.push(line.trim() === '' ? Promise.resolve(EMPTY_LINE) : judgeLine(line));
    await flush(false);
  }
  await flush(true);
}

export async function checkCommand(argv: string[], io: CommandIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      json: { type: 'boolean', default: false },
      jsonl: { type: 'boolean', default: false },
      lang: { type: 'string' },
      image: { type: 'string', multiple: true },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    io.stdout.write(`${CHECK_USAGE}\n`);
    return 0;
  }
  const lang = parseLang(values.lang);
  const consultant = await createConsultant({ config: loadConfig(io.env) });
  try {
    const imageFiles = values.image ?? [];
    if (values.jsonl) {
      if (positionals.length > 0) throw new UsageError('--jsonl reads standard input; do not pass TEXT');
      if (imageFiles.length > 0) throw new UsageError('--jsonl cannot be combined with --image');
      await runJsonl(consultant, io, lang);
      return 0;
    }
    const images = await Promise.all(imageFiles.map(readImageFile));
    const text = positionals.length > 0 ? positionals.join(' ') : images.length > 0 ? '' : await readAll(io.stdin);
    const verdict = await consultant.consult({
      text,
      channel: 'cli',
      ...(images.length > 0 ? { images } : {}),
      ...(lang ? { lang } : {}),
    });
    io.stdout.write(values.json ? `${JSON.stringify(verdict, null, 2)}\n` : `${renderVerdictText(verdict)}\n`);
    return 0;
  } finally {
    await consultant.close();
  }
}
