// Webhook traffic for the crash tests: signed LINE and Twilio events from distinct people, delivered (and
// redelivered, as the platforms do after an error or a timeout) over real HTTP, and the count of answers each
// person got at the fake platform servers.
import { randomUUID } from 'node:crypto';
import type { FakeLine } from '../channels/line/fake-line.ts';
import type { FakeTwilio } from '../channels/twilio/fake-twilio.ts';
import { lineSignature, OUR_NUMBER, PUBLIC_BASE_URL, SAGAWA_SMS, twilioSignature } from '../conversation/harness.ts';

export interface TrafficEvent {
  channel: 'line' | 'twilio';
  /** The LINE user id, or the phone number the answer goes to. */
  who: string;
  /** LINE: the event object (redeliveries flip isRedelivery); Twilio: the form. */
  line?: Record<string, unknown> & { replyToken: string };
  form?: Record<string, string>;
}

const TEXTS = [
  SAGAWA_SMS,
  '【重要】お客様のアカウントが一時停止されました。本日中に認証してください https://amaz0n-secure.top/login',
  '国税庁です。未納の税金があります。本日中にお支払いください',
  '明日10時に駅で待ち合わせね',
];
const ENGLISH = 'Your parcel is on hold. Pay the fee at https://royalmail-redelivery.top/ today';

let counter = 0;

/** `size` events from `size` different people; about one in five is an SMS. */
export function burstOfEvents(tag: string, size: number, lineSentAt = () => Date.now()): TrafficEvent[] {
  return Array.from({ length: size }, (_, i) => {
    counter += 1;
    if (i % 5 === 4) {
      const phone = `+44770090${String(counter).padStart(4, '0')}`;
      return {
        channel: 'twilio',
        who: phone,
        form: {
          MessageSid: `SM${randomUUID().replace(/-/g, '')}`,
          AccountSid: 'AC00000000000000000000000000000000',
          From: phone,
          To: OUR_NUMBER,
          Body: ENGLISH,
          NumMedia: '0',
        },
      } satisfies TrafficEvent;
    }
    const userId = `U${tag}${String(counter).padStart(8, '0')}${'0'.repeat(16)}`.slice(0, 33);
    return {
      channel: 'line',
      who: userId,
      line: {
        type: 'message',
        mode: 'active',
        timestamp: lineSentAt(),
        source: { type: 'user', userId },
        webhookEventId: `01CRASH${randomUUID().replace(/-/g, '').slice(0, 19).toUpperCase()}`,
        deliveryContext: { isRedelivery: false },
        replyToken: `rt-${randomUUID()}`,
        message: { id: String(counter), type: 'text', quoteToken: 'q', text: TEXTS[counter % TEXTS.length]! },
      },
    } satisfies TrafficEvent;
  });
}

/** One delivery of the event: true when the server answered 200 (the platform would stop retrying). */
export async function deliver(address: string, ev: TrafficEvent, redelivery = false): Promise<boolean> {
  try {
    if (ev.channel === 'line') {
      const event = redelivery ? { ...ev.line, deliveryContext: { isRedelivery: true } } : ev.line;
      const body = JSON.stringify({ destination: 'Uoperator', events: [event] });
      const res = await fetch(`${address}/webhooks/line`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-line-signature': lineSignature(body) },
        body,
      });
      return res.status === 200;
    }
    const form = ev.form!;
    const res = await fetch(`${address}/webhooks/twilio`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'x-twilio-signature': twilioSignature(`${PUBLIC_BASE_URL}/webhooks/twilio`, form),
      },
      body: new URLSearchParams(form).toString(),
    });
    return res.status === 200;
  } catch {
    // The server died mid-request: the platform will deliver again.
    return false;
  }
}

/** Delivers every event, `concurrency` at a time; resolves to how many were acknowledged. */
export async function deliverAll(
  address: string,
  events: TrafficEvent[],
  opts: { redelivery?: boolean; concurrency?: number } = {},
): Promise<number> {
  let next = 0;
  let acked = 0;
  await Promise.all(
    Array.from({ length: opts.concurrency ?? 16 }, async () => {
      while (next < events.length) {
        const ev = events[next++]!;
        if (await deliver(address, ev, opts.redelivery)) acked += 1;
      }
    }),
  );
  return acked;
}

/**
 * Delivers again, every `everyMs`, the events not yet acknowledged, as a platform's redelivery does, until each
 * has been acknowledged once (or `limitMs` passes: resolves to how many were left).
 */
export async function redeliverUntilAcked(
  address: string,
  events: TrafficEvent[],
  opts: { everyMs?: number; limitMs?: number } = {},
): Promise<number> {
  let left = [...events];
  const deadline = Date.now() + (opts.limitMs ?? 30_000);
  while (left.length > 0 && Date.now() < deadline) {
    const acked = await Promise.all(left.map((ev) => deliver(address, ev, true)));
    left = left.filter((_, i) => !acked[i]);
    if (left.length > 0) await new Promise((r) => setTimeout(r, opts.everyMs ?? 500));
  }
  return left.length;
}

export interface Tally {
  events: number;
  once: number;
  twice: string[];
  never: string[];
}

/** Answers per event at the fakes (each event comes from its own person). */
export function tally(events: TrafficEvent[], line: FakeLine, twilio: FakeTwilio): Tally {
  const userOfToken = new Map(events.filter((e) => e.line).map((e) => [e.line!.replyToken, e.who]));
  const perUser = line.answersPerUser((t) => userOfToken.get(t));
  const perPhone = twilio.sentPerRecipient();
  const t: Tally = { events: events.length, once: 0, twice: [], never: [] };
  for (const e of events) {
    const n = (e.channel === 'line' ? perUser.get(e.who) : perPhone.get(e.who)) ?? 0;
    if (n === 1) t.once += 1;
    else if (n === 0) t.never.push(e.who);
    else t.twice.push(`${e.who} ×${n}`);
  }
  return t;
}

export function answered(events: TrafficEvent[], line: FakeLine, twilio: FakeTwilio): boolean {
  const t = tally(events, line, twilio);
  return t.never.length === 0;
}
