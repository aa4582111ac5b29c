// `npm run bench`: speed and memory, measured here and not in tests (tests must stay stable on a noisy machine).
// `npm run bench -- --only ingest` runs the sections whose name contains "ingest". A section that reports
// `missed` (figures short of their targets) makes the run exit non-zero.
import { parseArgs } from 'node:util';
import { benchJudge } from './judge.ts';

type Figures = Record<string, number | string | string[]>;
type Bench = { name: string; run: () => Promise<Figures> };

const benches: Bench[] = [
  {
    name: 'CLI cold start and idle server memory',
    run: async () => (await import('./cold-start.ts')).benchColdStart(),
  },
  { name: 'local judge', run: benchJudge },
  { name: 'threat-intel import', run: async () => (await import('./intel.ts')).benchIntel() },
  { name: 'screenshot OCR', run: async () => (await import('./ocr.ts')).benchOcr() },
  { name: 'weekly tips to 100,000 LINE subscribers', run: async () => (await import('./tips.ts')).benchTips() },
  {
    name: 'ingest and delivery (webhook ack, answer latency, stored events)',
    run: async () => (await import('./ingest.ts')).benchIngest(),
  },
];

const { values, positionals } = parseArgs({
  options: { only: { type: 'string', multiple: true } },
  allowPositionals: true,
});
const only = [...(values.only ?? []), ...positionals];
for (const b of benches) {
  if (only.length > 0 && !only.some((o) => b.name.includes(o))) continue;
  process.stdout.write(`\n== ${b.name}\n`);
  try {
    const { missed, ...result } = await b.run();
    for (const [k, v] of Object.entries(result)) process.stdout.write(`  ${k}: ${v}\n`);
    if (Array.isArray(missed) && missed.length > 0) {
      process.stdout.write(`  MISSED TARGETS: ${missed.join('; ')}\n`);
      process.exitCode = 1;
    } else if (Array.isArray(missed)) {
      process.stdout.write('  targets: all met\n');
    }
  } catch (err) {
    process.stdout.write(`  failed: ${(err as Error).message}\n`);
    process.exitCode = 1;
  }
}
