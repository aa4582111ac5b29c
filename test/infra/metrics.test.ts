import { describe, expect, it } from 'vitest';
import { Metrics } from '../../src/infra/metrics.ts';

describe('Metrics', () => {
  it('renders counters, histograms and gauges in the Prometheus text format', async () => {
    const m = new Metrics();
    m.webhookEvents.inc({ channel: 'line', outcome: 'accepted' });
    m.webhookEvents.inc({ channel: 'line', outcome: 'accepted' });
    m.answerSeconds.observe(0.3, { channel: 'line' });
    m.gauge('anshin_queue_jobs', 'Jobs.', async () => ({ waiting: 2 }));
    const text = await m.render();
    expect(text).toContain('# TYPE anshin_webhook_events_total counter');
    expect(text).toContain('anshin_webhook_events_total{channel="line",outcome="accepted"} 2');
    expect(text).toContain('anshin_answer_seconds_bucket{channel="line",le="0.25"} 0');
    expect(text).toContain('anshin_answer_seconds_bucket{channel="line",le="0.5"} 1');
    expect(text).toContain('anshin_answer_seconds_count{channel="line"} 1');
    expect(text).toContain('anshin_queue_jobs{state="waiting"} 2');
  });
});
