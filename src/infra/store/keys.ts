// Every store key is built here, next to its lifetime, so nothing is written without a TTL by accident.
// Person ids in keys are always keyed hashes (infra/ids.ts), never platform ids.

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;

/** Platforms redeliver for a while; LINE retries webhooks for up to a day when redelivery is on. */
export const CLAIM_TTL_MS = 48 * HOUR_MS;
/** Messages of one burst wait here until the burst is judged; long enough to outlive queue retries. */
export const BURST_TTL_MS = 30 * MINUTE_MS;
/** "This job's answer went out": stops a re-run job (stalled worker, retry) from answering twice. */
export const DELIVERED_TTL_MS = 48 * HOUR_MS;
/** The full answer page behind the SMS / WhatsApp link. */
export const ANSWER_PAGE_TTL_MS = 7 * 24 * HOUR_MS;
export const RATE_WINDOW_MS = HOUR_MS;

export const keys = {
  claim: (channel: string, eventId: string) => `claim:${channel}:${eventId}`,
  burst: (person: string) => `burst:${person}`,
  /** A burst taken by a job, kept for that job's retries. */
  takenBurst: (jobId: string) => `taken:${jobId}`,
  context: (person: string) => `ctx:${person}`,
  rate: (person: string) => `rate:${person}`,
  rateNotice: (person: string) => `rate-notice:${person}`,
  delivered: (jobId: string) => `delivered:${jobId}`,
  answerPage: (token: string) => `answer:${token}`,
  answerIndex: (person: string) => `answer-index:${person}`,
  /** map: person → sealed subscription record. Meant to last. */
  subscriptions: () => 'subscriptions',
  /** map: person → ISO time of opting out (SMS/WhatsApp STOP). Meant to last. */
  optOuts: () => 'opt-outs',
} as const;

/** Ephemeral keys held about one person, for data deletion. */
export function personKeys(person: string): string[] {
  return [
    keys.burst(person),
    keys.context(person),
    keys.rate(person),
    keys.rateNotice(person),
    keys.answerIndex(person),
  ];
}
