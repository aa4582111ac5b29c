// The platform clients, built from the configuration: which channels are on, the worker's outboxes (LINE reply,
// push, loading and content; Twilio send) and the weekly tips' senders. Kept out of app.ts so that a worker, or
// `anshin tips`, builds its clients without the HTTP app.
import type { Config } from '../config.ts';
import type { Outboxes } from '../conversation/outbox.ts';
import type { ChannelJob } from '../conversation/types.ts';
import type { Runtime } from '../infra/runtime.ts';
import { LineMulticaster } from './line/multicast.ts';
import { LineOutbox } from './line/outbox.ts';
import { TwilioOutbox } from './twilio/outbox.ts';
import { TwilioTipSender } from './twilio/tip-sender.ts';

export interface ChannelStatus {
  line: { on: boolean; missing: string[] };
  twilio: { on: boolean; missing: string[] };
}

export function channelStatus(config: Config): ChannelStatus {
  const missing = (names: (keyof Config)[]) => names.filter((n) => config[n] === undefined) as string[];
  const line = missing(['LINE_CHANNEL_SECRET', 'LINE_CHANNEL_ACCESS_TOKEN']);
  const twilio = missing(['TWILIO_ACCOUNT_SID', 'TWILIO_AUTH_TOKEN', 'PUBLIC_BASE_URL']);
  return { line: { on: line.length === 0, missing: line }, twilio: { on: twilio.length === 0, missing: twilio } };
}

/** One line per channel for the start-up log. */
export function channelStatusLines(config: Config): string[] {
  const s = channelStatus(config);
  const describe = (name: string, c: { on: boolean; missing: string[] }) =>
    c.on ? `${name}: on` : `${name}: off (set ${c.missing.join(', ')} to turn it on)`;
  return [describe('LINE', s.line), describe('Twilio SMS/WhatsApp', s.twilio)];
}

/** The platform clients of the channels that are on. */
export function createOutboxes(config: Config, runtime: Runtime<ChannelJob>): Outboxes {
  const s = channelStatus(config);
  const out: Outboxes = {};
  if (s.line.on) {
    out.line = new LineOutbox({
      channelAccessToken: config.LINE_CHANNEL_ACCESS_TOKEN!,
      apiBaseUrl: config.LINE_API_BASE_URL,
      dataApiBaseUrl: config.LINE_DATA_API_BASE_URL,
      metrics: runtime.metrics,
    });
  }
  if (s.twilio.on) {
    out.twilio = new TwilioOutbox({
      accountSid: config.TWILIO_ACCOUNT_SID!,
      authToken: config.TWILIO_AUTH_TOKEN!,
      apiBaseUrl: config.TWILIO_API_BASE_URL,
      publicBaseUrl: config.PUBLIC_BASE_URL!,
      ...(config.TWILIO_FROM ? { defaultFrom: config.TWILIO_FROM } : {}),
      store: runtime.store,
      ids: runtime.ids,
      metrics: runtime.metrics,
    });
  }
  return out;
}

export interface TipSenderClients {
  line?: LineMulticaster;
  twilio?: TwilioTipSender;
}

/**
 * The weekly tips' senders. They need only the credentials that send: no webhook secret, no public URL.
 */
export function createTipSenders(config: Config, perSecond: number): TipSenderClients {
  const senders: TipSenderClients = {};
  if (config.LINE_CHANNEL_ACCESS_TOKEN) {
    senders.line = new LineMulticaster({
      channelAccessToken: config.LINE_CHANNEL_ACCESS_TOKEN,
      apiBaseUrl: config.LINE_API_BASE_URL,
    });
  }
  if (config.TWILIO_ACCOUNT_SID && config.TWILIO_AUTH_TOKEN) {
    senders.twilio = new TwilioTipSender({
      accountSid: config.TWILIO_ACCOUNT_SID,
      authToken: config.TWILIO_AUTH_TOKEN,
      apiBaseUrl: config.TWILIO_API_BASE_URL,
      perSecond,
      ...(config.TWILIO_FROM ? { defaultFrom: config.TWILIO_FROM } : {}),
    });
  }
  return senders;
}
