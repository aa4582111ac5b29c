// Starts an OCR worker, reads one small rendered line and exits: run as a child process by ocr-pool.test.ts,
// which looks at everything the process printed.
import { OcrPool } from '../../../src/image/ocr-pool.ts';
import { renderScreenshot } from './render.ts';

const pool = new OcrPool({ size: 1 });
try {
  const png = await renderScreenshot({ message: '明日の会議は午後3時からです。', width: 900, height: 700 });
  const r = await pool.recognize(png);
  process.stdout.write(`${JSON.stringify({ lines: r.lines.map((l) => l.text) })}\n`);
} finally {
  await pool.close();
}
