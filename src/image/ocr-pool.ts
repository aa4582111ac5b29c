// A small pool of tesseract.js workers (jpn+eng, LSTM only), started on first use and reused: starting one
// costs ~330 ms and ~100 MB, recognising a phone screenshot ~150-500 ms. At most `size` recognitions run at
// once; the rest wait in order. A recognition that outlives its timeout has its worker replaced (tesseract
// cannot cancel a job), so one pathological picture cannot hold a worker for good.
// tesseract.js worker API: https://github.com/naptha/tesseract.js/blob/master/docs/api.md
import os from 'node:os';
import { createWorker, OEM, type Worker } from 'tesseract.js';
import { OCR_TIMEOUT_MS } from './limits.ts';
import { ensureLangPath, OCR_LANGS } from './tessdata.ts';

/** Two workers fit the 600 MB budget and keep both cores of a small machine busy. */
export const MAX_OCR_WORKERS = 2;

export interface OcrLine {
  text: string;
  /** 0-100, tesseract's own. */
  confidence: number;
  /** Which paragraph of the page the line belongs to (0, 1, …): lines of one paragraph may be joined. */
  paragraph: number;
  bbox: { x0: number; y0: number; x1: number; y1: number };
}

export interface OcrResult {
  lines: OcrLine[];
  /** 0-100 for the whole page. */
  confidence: number;
  ms: number;
}

export class OcrTimeoutError extends Error {
  override name = 'OcrTimeoutError';
}
export class OcrPoolClosedError extends Error {
  override name = 'OcrPoolClosedError';
}

export interface OcrPoolOptions {
  /** Workers; default min(MAX_OCR_WORKERS, cores). */
  size?: number;
  timeoutMs?: number;
}

interface Slot {
  worker: Promise<Worker> | null;
  busy: boolean;
  /** Ends the running recognition at once (on close). */
  cancel?: (err: Error) => void;
}

interface Task {
  image: Buffer;
  resolve: (r: OcrResult) => void;
  reject: (e: Error) => void;
}

export class OcrPool {
  readonly size: number;
  readonly #timeoutMs: number;
  readonly #slots: Slot[];
  readonly #queue: Task[] = [];
  #langPath: string | undefined;
  #closed = false;

  constructor(opts: OcrPoolOptions = {}) {
    this.size = Math.max(1, opts.size ?? Math.min(MAX_OCR_WORKERS, os.availableParallelism()));
    this.#timeoutMs = opts.timeoutMs ?? OCR_TIMEOUT_MS;
    this.#slots = Array.from({ length: this.size }, () => ({ worker: null, busy: false }));
  }

  /** Workers started so far (for tests and metrics). */
  get started(): number {
    return this.#slots.filter((s) => s.worker !== null).length;
  }

  /** Starts every worker now rather than on the first picture. */
  async warm(): Promise<void> {
    await Promise.all(this.#slots.map((s) => this.#workerOf(s)));
  }

  /** Recognises one image (PNG or JPEG bytes). Rejects with OcrTimeoutError or OcrPoolClosedError. */
  recognize(image: Buffer): Promise<OcrResult> {
    if (this.#closed) return Promise.reject(new OcrPoolClosedError('the OCR pool is closed'));
    return new Promise<OcrResult>((resolve, reject) => {
      this.#queue.push({ image, resolve, reject });
      this.#pump();
    });
  }

  /** Terminates every worker; queued recognitions are refused. */
  async close(): Promise<void> {
    this.#closed = true;
    for (const t of this.#queue.splice(0)) t.reject(new OcrPoolClosedError('the OCR pool closed'));
    for (const s of this.#slots) s.cancel?.(new OcrPoolClosedError('the OCR pool closed'));
    await Promise.all(
      this.#slots.map(async (s) => {
        const w = s.worker;
        s.worker = null;
        if (w) await terminate(w);
      }),
    );
  }

  #workerOf(slot: Slot): Promise<Worker> {
    if (slot.worker === null) {
      this.#langPath ??= ensureLangPath();
      // cacheMethod 'none': otherwise tesseract.js writes traineddata into the working directory (STACK.md).
      const started = createWorker(
        OCR_LANGS.join('+'),
        OEM.LSTM_ONLY,
        { langPath: this.#langPath, gzip: true, cacheMethod: 'none' },
        INIT_PARAMETERS,
      ).then(async (w) => {
        // Screenshots carry no DPI; without one tesseract guesses and warns on every picture.
        await w.setParameters({ user_defined_dpi: SCREEN_DPI });
        return w;
      });
      slot.worker = started;
      started.catch(() => {
        if (slot.worker === started) slot.worker = null;
      });
    }
    return slot.worker;
  }

  #pump(): void {
    for (const slot of this.#slots) {
      if (slot.busy) continue;
      const task = this.#queue.shift();
      if (task === undefined) return;
      slot.busy = true;
      this.#run(slot, task).finally(() => {
        slot.busy = false;
        if (!this.#closed) this.#pump();
      });
    }
  }

  async #run(slot: Slot, task: Task): Promise<void> {
    const started = performance.now();
    let timer: NodeJS.Timeout | undefined;
    const workerPromise = this.#workerOf(slot);
    try {
      const timeout = new Promise<never>((_, reject) => {
        slot.cancel = reject;
        timer = setTimeout(
          () => reject(new OcrTimeoutError(`no OCR result within ${this.#timeoutMs} ms`)),
          this.#timeoutMs,
        );
      });
      const recognised = workerPromise.then((w) => w.recognize(task.image, {}, { text: true, blocks: true }));
      const out = await Promise.race([recognised, timeout]);
      const lines: OcrLine[] = [];
      let paragraph = 0;
      for (const b of out.data.blocks ?? [])
        for (const p of b.paragraphs) {
          for (const l of p.lines) lines.push({ text: l.text, confidence: l.confidence, bbox: l.bbox, paragraph });
          paragraph++;
        }
      task.resolve({ lines, confidence: out.data.confidence, ms: performance.now() - started });
    } catch (err) {
      if (err instanceof OcrTimeoutError && slot.worker === workerPromise) {
        // The worker is still busy with the picture: replace it rather than queue behind it.
        slot.worker = null;
        void terminate(workerPromise);
      }
      task.reject(err instanceof Error ? err : new Error(String(err)));
    } finally {
      clearTimeout(timer);
      slot.cancel = undefined;
    }
  }
}

/**
 * Set when a worker starts (init-only parameters cannot be changed later). The jpn model's own config asks for a
 * sub-language, `tessedit_load_sublangs jpn_vert` (vertical Japanese), which is not shipped with it: tesseract
 * tried to load it, failed, and printed "Error opening data file ./.traineddata … Failed loading language ''"
 * on every worker start. Phone screenshots are horizontal; asking for no sub-language keeps it quiet and
 * reads the same. https://tesseract-ocr.github.io/tessdoc/tess3/ControlParams.html
 */
// As tesseract config-file text ("name value" lines): tesseract.js's typings list only a few init parameters.
const INIT_PARAMETERS = 'tessedit_load_sublangs \n';

/** Phone screenshots are about this dense once scaled for OCR; tesseract only needs a plausible figure. */
const SCREEN_DPI = '300';

async function terminate(w: Promise<Worker>): Promise<void> {
  try {
    await (await w).terminate();
  } catch {
    // A worker that failed to start has nothing to terminate.
  }
}
