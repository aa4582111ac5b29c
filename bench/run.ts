// `npm run bench`: speed and memory, measured here and not in tests (tests must stay stable on a noisy machine).
import { benchJudge } from './judge.ts';

type Bench = { name: string; run: () => Promise<Record<string, number | string>> };

const benches: Bench[] = [
  {
    name: 'CLI cold start and idle server memory',
    run: async () => (await import('./cold-start.ts')).benchColdStart(),
  },
  { name: 'local judge', run: benchJudge },
  { name: 'threat-intel import', run: async () => (await import('./intel.ts')).benchIntel() },
  { name: 'screenshot OCR', run: async () => (await import('./ocr.ts')).benchOcr() },
  { name: 'weekly tips to 100,000 LINE subscribers', run: async () => (await import('./tips.ts')).benchTips() },
  { name: 'channels (webhook ack and answer)', run: async () => (await import('./channels.ts')).benchChannels() },
];

const only = process.argv.slice(2);
for (const b of benches) {
  if (only.length > 0 && !only.some((o) => b.name.includes(o))) continue;
  process.stdout.write(`\n== ${b.name}\n`);
  try {
    const result = await b.run();
    for (const [k, v] of Object.entries(result)) process.stdout.write(`  ${k}: ${v}\n`);
  } catch (err) {
    process.stdout.write(`  failed: ${(err as Error).message}\n`);
    process.exitCode = 1;
  }
}
