// Local judge throughput and latency on one core: realistic Japanese and English messages, judged in a loop; and
// the learned model's file size and load time (targets: ≥ 1,000 verdicts/s, p99 ≤ 10 ms, load ≤ 300 ms, ≤ 10 MB).
import { statSync } from 'node:fs';
import { loadConfig } from '../src/config.ts';
import { createConsultant } from '../src/consult/consultant.ts';
import { DEFAULT_MODEL_FILE, loadJudgeModel } from '../src/judge/model.ts';

const TARGET_VERDICTS_PER_S = 1000;
const TARGET_P99_MS = 10;
const TARGET_MODEL_LOAD_MS = 300;
const TARGET_MODEL_BYTES = 10 * 1024 * 1024;

const MESSAGES = [
  '【佐川急便】お荷物のお届けにあがりましたが不在の為持ち帰りました。下記よりご確認ください http://sagawa-xx.top/',
  '【三井住友カード】お客様のカードが不正利用された可能性があるため、ご利用を一時停止しました。本人確認はこちら https://smbc-card.vfjkd.shop/jp/login',
  '国税庁です。未納の税金があります。本日中にお支払いがない場合、財産の差し押さえを行います。 https://nta-go-jp.ewkdo.cn/pay',
  '市役所の保険課です。医療費の還付金があります。お近くのATMで手続きしてください。',
  '明日の夕飯どうする？駅前のスーパーで買って帰るね。',
  '【ヤマト運輸】お届け予定日時のお知らせ。伝票番号 1234-5678-9012。詳しくは https://www.kuronekoyamato.co.jp/ をご覧ください。',
  'Your parcel could not be delivered due to an unpaid customs fee. Pay now: https://royalmail-redelivery.top/pay',
  'Hi Mum, this is my new number, I dropped my phone. Can you send me £200 for a bill today?',
  'See you at 7 at the station. Bring the tickets!',
  '認証コードは 482913 です。このコードを他人に教えないでください。',
];

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/** Median of several cold loads of the model file (parse, validate, decode the host weights). */
function modelLoadMs(): number {
  const runs: number[] = [];
  for (let i = 0; i < 7; i++) {
    const t0 = performance.now();
    loadJudgeModel();
    runs.push(performance.now() - t0);
  }
  return runs.sort((a, b) => a - b)[3]!;
}

const verdict = (ok: boolean) => (ok ? 'met' : 'MISSED');

export async function benchJudge(): Promise<Record<string, number | string | string[]>> {
  const loadMs = modelLoadMs();
  const bytes = statSync(DEFAULT_MODEL_FILE).size;
  const consultant = await createConsultant({
    config: loadConfig({ OPENAI_API_KEY: '', DATA_DIR: '/nonexistent-anshin-bench' }),
  });
  for (let i = 0; i < 500; i++) consultant.consultLocal(MESSAGES[i % MESSAGES.length]!);
  const n = 5000;
  const times: number[] = [];
  const started = performance.now();
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    consultant.consultLocal(MESSAGES[i % MESSAGES.length]!);
    times.push(performance.now() - t0);
  }
  const seconds = (performance.now() - started) / 1000;
  times.sort((a, b) => a - b);
  consultant.close();
  const rate = Math.round(n / seconds);
  const p99 = percentile(times, 99);
  const missed = [
    ...(rate >= TARGET_VERDICTS_PER_S ? [] : [`local judge ${rate} verdicts/s < ${TARGET_VERDICTS_PER_S}`]),
    ...(p99 <= TARGET_P99_MS ? [] : [`local judge p99 ${p99.toFixed(1)} ms > ${TARGET_P99_MS}`]),
    ...(loadMs <= TARGET_MODEL_LOAD_MS ? [] : [`model load ${loadMs.toFixed(0)} ms > ${TARGET_MODEL_LOAD_MS}`]),
    ...(bytes <= TARGET_MODEL_BYTES ? [] : [`model file ${(bytes / 1024 / 1024).toFixed(1)} MB > 10`]),
  ];
  return {
    'local judge verdicts/s (1 core)': `${rate} (target ≥ ${TARGET_VERDICTS_PER_S}: ${verdict(rate >= TARGET_VERDICTS_PER_S)})`,
    'local judge p50 ms': Number(percentile(times, 50).toFixed(3)),
    'local judge p99 ms': `${p99.toFixed(3)} (target ≤ ${TARGET_P99_MS}: ${verdict(p99 <= TARGET_P99_MS)})`,
    'local judge max ms': Number(times.at(-1)!.toFixed(3)),
    'model load ms (median of 7)': `${loadMs.toFixed(1)} (target ≤ ${TARGET_MODEL_LOAD_MS}: ${verdict(loadMs <= TARGET_MODEL_LOAD_MS)})`,
    'model file MB': `${(bytes / 1024 / 1024).toFixed(2)} (target ≤ 10: ${verdict(bytes <= TARGET_MODEL_BYTES)})`,
    missed,
  };
}
