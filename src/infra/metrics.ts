// A small Prometheus registry (text exposition format 0.0.4) for GET /metrics: counters, gauges read on
// scrape, and histograms. https://prometheus.io/docs/instrumenting/exposition_formats/
type Labels = Record<string, string>;

const labelKey = (labels: Labels) =>
  Object.keys(labels)
    .sort()
    .map((k) => `${k}="${String(labels[k]).replace(/["\\\n]/g, '_')}"`)
    .join(',');

const fmt = (name: string, key: string, value: number) => `${name}${key ? `{${key}}` : ''} ${value}`;

export class Counter {
  readonly #values = new Map<string, number>();
  constructor(
    readonly name: string,
    readonly help: string,
  ) {}
  inc(labels: Labels = {}, by = 1): void {
    const k = labelKey(labels);
    this.#values.set(k, (this.#values.get(k) ?? 0) + by);
  }
  get(labels: Labels = {}): number {
    return this.#values.get(labelKey(labels)) ?? 0;
  }
  render(): string[] {
    return [
      `# HELP ${this.name} ${this.help}`,
      `# TYPE ${this.name} counter`,
      ...[...this.#values].map(([k, v]) => fmt(this.name, k, v)),
    ];
  }
}

export class Histogram {
  readonly #series = new Map<string, { counts: number[]; sum: number; count: number }>();
  constructor(
    readonly name: string,
    readonly help: string,
    readonly buckets: number[],
  ) {}
  observe(value: number, labels: Labels = {}): void {
    const k = labelKey(labels);
    let s = this.#series.get(k);
    if (s === undefined) {
      s = { counts: this.buckets.map(() => 0), sum: 0, count: 0 };
      this.#series.set(k, s);
    }
    this.buckets.forEach((b, i) => {
      if (value <= b) s.counts[i]! += 1;
    });
    s.sum += value;
    s.count += 1;
  }
  render(): string[] {
    const lines = [`# HELP ${this.name} ${this.help}`, `# TYPE ${this.name} histogram`];
    for (const [k, s] of this.#series) {
      const sep = k ? `${k},` : '';
      this.buckets.forEach((b, i) => {
        lines.push(`${this.name}_bucket{${sep}le="${b}"} ${s.counts[i]}`);
      });
      lines.push(`${this.name}_bucket{${sep}le="+Inf"} ${s.count}`);
      lines.push(fmt(`${this.name}_sum`, k, s.sum), fmt(`${this.name}_count`, k, s.count));
    }
    return lines;
  }
}

const SECONDS_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 1.5, 2.5, 5, 10, 30];

export class Metrics {
  readonly webhookEvents = new Counter(
    'anshin_webhook_events_total',
    'Webhook events by channel and outcome (accepted, duplicate, ignored, malformed).',
  );
  readonly webhookRejected = new Counter(
    'anshin_webhook_rejected_total',
    'Webhook requests refused, by channel and reason (signature, malformed, backlog).',
  );
  readonly jobs = new Counter(
    'anshin_jobs_total',
    'Jobs finished by kind and outcome (answered, superseded by a later message, quiet, failed).',
  );
  readonly outbound = new Counter(
    'anshin_outbound_calls_total',
    'Calls to platform APIs by channel, api and outcome (ok, HTTP status, network; resolved_* for a send whose outcome was unknown).',
  );
  readonly llmFallbacks = new Counter(
    'anshin_llm_fallbacks_total',
    'LLM judge calls answered by the local judge instead, by reason (timeout, http_error, invalid_output, network).',
  );
  readonly storedUnreadable = new Counter(
    'anshin_stored_unreadable_total',
    'Stored values that could not be read (damaged, or sealed under another key) and were treated as absent, by what they were.',
  );
  readonly answerSeconds = new Histogram(
    'anshin_answer_seconds',
    'From accepting the event to the answer being sent.',
    SECONDS_BUCKETS,
  );
  readonly consultSeconds = new Histogram('anshin_consult_seconds', 'Time spent in the consultation.', SECONDS_BUCKETS);
  readonly #gauges: { name: string; help: string; read: () => Promise<Record<string, number>> }[] = [];

  /** A gauge read at scrape time; `read` returns label value → number for the `state` label. */
  gauge(name: string, help: string, read: () => Promise<Record<string, number>>): void {
    this.#gauges.push({ name, help, read });
  }

  async render(): Promise<string> {
    const lines: string[] = [];
    for (const m of [
      this.webhookEvents,
      this.webhookRejected,
      this.jobs,
      this.outbound,
      this.llmFallbacks,
      this.storedUnreadable,
    ]) {
      lines.push(...m.render());
    }
    lines.push(...this.answerSeconds.render(), ...this.consultSeconds.render());
    for (const g of this.#gauges) {
      lines.push(`# HELP ${g.name} ${g.help}`, `# TYPE ${g.name} gauge`);
      try {
        for (const [state, v] of Object.entries(await g.read())) lines.push(fmt(g.name, labelKey({ state }), v));
      } catch {
        // A store that cannot answer shows as a missing gauge; /readyz reports the cause.
      }
    }
    return `${lines.join('\n')}\n`;
  }
}
