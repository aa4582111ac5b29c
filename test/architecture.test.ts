// Imports point down. The consultation (extract, evidence, judge, image, consult) and the conversation that
// runs it know nothing of the channels or of the weekly tips; the image reader does not know the consultation
// port; only channels/ talks to LINE and Twilio. Read from the import lines of src/, so an arrow that runs back
// up fails here, naming the file, before a reader has to find it.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { filesUnder } from './helpers/scan-files.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const SRC = path.join(ROOT, 'src');

interface SourceFile {
  /** Relative to the repository, with forward slashes: src/conversation/worker.ts. */
  file: string;
  text: string;
  /** What it imports: src/… paths for relative specifiers, package names as written otherwise. */
  imports: string[];
}

// Static imports and re-exports (one statement may span lines; no quote or semicolon comes before `from`),
// side-effect imports, and import() of a literal.
const FROM = /^(?:import|export)\b[^'";]*?\bfrom\s*['"]([^'"\n]+)['"]/gm;
const BARE = /^import\s*['"]([^'"\n]+)['"]/gm;
const DYNAMIC = /\bimport\s*\(\s*['"]([^'"\n]+)['"]\s*\)/g;

function importsOf(file: string, text: string): string[] {
  const specs = [FROM, BARE, DYNAMIC].flatMap((re) => [...text.matchAll(re)].map((m) => m[1]!));
  return specs.map((s) => (s.startsWith('.') ? path.posix.join(path.posix.dirname(file), s) : s));
}

const sources: SourceFile[] = filesUnder(SRC)
  .filter((f) => f.endsWith('.ts'))
  .map((abs) => {
    const file = path.relative(ROOT, abs).split(path.sep).join('/');
    const text = fs.readFileSync(abs, 'utf8');
    return { file, text, imports: importsOf(file, text) };
  });

const under = (dir: string) => (p: string) => p.startsWith(`src/${dir}/`);

interface Rule {
  from: string;
  to: string;
  why: string;
}

const LOWER = ['extract', 'evidence', 'judge', 'image', 'consult', 'conversation'];
const RULES: Rule[] = [
  ...LOWER.flatMap((from) => [
    { from, to: 'tips', why: 'the tips are a feature built on the consultation, not a part of it' },
    { from, to: 'channels', why: 'channels call the conversation, never the other way' },
  ]),
  { from: 'image', to: 'consult', why: 'the image reader is a stage of the consultation; shared types live lower' },
];

/** Only channels/ may load the platforms' SDKs. */
const PLATFORM_PACKAGES = ['@line/bot-sdk', 'twilio'];
/** The platforms' hosts and API paths: LINE Messaging API (and its content host), Twilio REST. */
const PLATFORM_ADDRESSES = ['api.line.me', 'api-data.line.me', 'api.twilio.com', '/v2/bot/', '/2010-04-01/'];
/** The configured platform base URLs; whoever reads one is calling the platform. */
const PLATFORM_URL_SETTINGS = /\.(LINE_API_BASE_URL|LINE_DATA_API_BASE_URL|TWILIO_API_BASE_URL)\b/g;
/** The configuration schema holds the default of each base URL; it calls nothing. */
const CONFIG_FILE = 'src/config.ts';

describe('imports point down', () => {
  it('reads the import lines it checks', () => {
    const server = sources.find((s) => s.file === 'src/server.ts');
    expect(server?.imports).toContain('src/app.ts');
    expect(sources.find((s) => s.file === 'src/infra/runtime.ts')?.imports).toContain('src/infra/store/redis.ts');
    expect(sources.length).toBeGreaterThan(50);
  });

  for (const rule of RULES) {
    it(`nothing under src/${rule.from}/ imports from src/${rule.to}/: ${rule.why}`, () => {
      const upward = sources
        .filter((s) => under(rule.from)(s.file))
        .flatMap((s) => s.imports.filter(under(rule.to)).map((target) => `${s.file} → ${target}`));
      expect(upward).toEqual([]);
    });
  }

  it('only src/channels/ loads the LINE and Twilio SDKs', () => {
    const loads = sources
      .filter((s) => !under('channels')(s.file))
      .flatMap((s) =>
        s.imports
          .filter((i) => PLATFORM_PACKAGES.some((p) => i === p || i.startsWith(`${p}/`)))
          .map((i) => `${s.file} → ${i}`),
      );
    expect(loads).toEqual([]);
  });

  it('only src/channels/ addresses the LINE and Twilio APIs', () => {
    const found = sources
      .filter((s) => !under('channels')(s.file) && s.file !== CONFIG_FILE)
      .flatMap((s) => [
        ...PLATFORM_ADDRESSES.filter((a) => s.text.includes(a)).map((a) => `${s.file}: ${a}`),
        ...[...s.text.matchAll(PLATFORM_URL_SETTINGS)].map((m) => `${s.file}: ${m[1]}`),
      ]);
    expect(found).toEqual([]);
  });
});
