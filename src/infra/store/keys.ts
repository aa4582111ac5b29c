// Every store key is built here, next to its lifetime, so nothing is written without a TTL by accident.
// Person ids in keys are always keyed hashes (infra/ids.ts), never platform ids.

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;

/**
 * An accepted event stays claimed this long (the queue keeps the claim: queue/*.ts). Platforms redeliver
 * for a while; LINE retries webhooks for up to a day when redelivery is on.
 */
export const CLAIM_TTL_MS = 48 * HOUR_MS;
/** Messages of one burst wait here until the burst is judged; long enough to outlive queue retries. */
export const BURST_TTL_MS = 30 * MINUTE_MS;
/**
 * An answer's delivery record (conversation/delivery.ts): what was computed, which parts went out, and
 * the part in flight. It outlives every re-run of the job, so a re-run never answers twice.
 */
export const DELIVERY_TTL_MS = 48 * HOUR_MS;
/** The full answer page behind the SMS / WhatsApp link. */
export const ANSWER_PAGE_TTL_MS = 7 * 24 * HOUR_MS;
export const RATE_WINDOW_MS = HOUR_MS;
/** A console login session (server-side, so logging out ends it at once). */
export const CONSOLE_SESSION_TTL_MS = 8 * HOUR_MS;
/** "This week's tip went to this person": outlives any retry or resume of a run; the week's done marker covers later. */
export const TIPS_SENT_TTL_MS = 14 * 24 * HOUR_MS;
/** A week's composed tip and its done marker: a year, so a week is never sent twice however late it is re-run. */
export const TIPS_EDITION_TTL_MS = 400 * 24 * HOUR_MS;

export const keys = {
  burst: (person: string) => `burst:${person}`,
  /** Marks that a job's message joined its person's burst (and where), so a re-run does not join twice. */
  burstJoined: (jobId: string) => `burst-joined:${jobId}`,
  /** A burst taken by a job, kept for that job's retries. */
  takenBurst: (jobId: string) => `taken:${jobId}`,
  context: (person: string) => `ctx:${person}`,
  rate: (person: string) => `rate:${person}`,
  rateNotice: (person: string) => `rate-notice:${person}`,
  /** One answer of a job: 'answer', or 'apology' when the job gave up. */
  delivery: (jobId: string, purpose: 'answer' | 'apology') => `delivery:${jobId}:${purpose}`,
  answerPage: (token: string) => `answer:${token}`,
  answerIndex: (person: string) => `answer-index:${person}`,
  /** map: person → sealed subscription record. Meant to last. */
  subscriptions: () => 'subscriptions',
  /** map: person → ISO time of opting out (SMS/WhatsApp STOP). Meant to last. */
  optOuts: () => 'opt-outs',
  /**
   * map: "type:phishing", "level:danger", "channel:line", "brand:sagawa", "total" → count, per ISO week and
   * source: people on LINE and Twilio in `trends:<week>`, /v1/check and the try page apart. Anonymous; meant to last.
   */
  trends: (week: string, source: 'people' | 'api' | 'web' = 'people') =>
    source === 'people' ? `trends:${week}` : `trends:${week}:${source}`,
  /** The week's tip as composed (and polished) once, so every retry and resume sends the same text. */
  tipsEdition: (week: string) => `tips:edition:${week}`,
  /** Lease held by the one process sending a week's tips. */
  tipsLease: (week: string) => `tips:lease:${week}`,
  /** The batch (LINE) or recipient (Twilio) being sent right now, kept until it is marked sent. */
  tipsInflight: (week: string, channel: string) => `tips:inflight:${week}:${channel}`,
  tipsSent: (week: string, person: string) => `tips:sent:${week}:${person}`,
  /** Set when every subscriber of the week was reached. */
  tipsDone: (week: string) => `tips:done:${week}`,
  /** map: "judged:llm", "llm:fail:timeout", "tokens:in", "ms:1000" … → count, per ISO week. Anonymous; meant to last. */
  judgeStats: (week: string) => `judge:${week}`,
  /** Try-page consultations of one client (hashed address) in the current window. */
  tryRate: (client: string) => `try-rate:${client}`,
  /** Console login attempts of one client (hashed address) in the current window. */
  consoleLoginRate: (client: string) => `console-login-rate:${client}`,
  /** A console session, by the SHA-256 of its cookie value (the store never holds a usable cookie). */
  consoleSession: (digest: string) => `console-session:${digest}`,
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
