// Which channels are on follows the credentials that are set, and only those channels get platform clients.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channelStatus, channelStatusLines, createOutboxes, createTipSenders } from '../../src/channels/clients.ts';
import { LineMulticaster } from '../../src/channels/line/multicast.ts';
import { LineOutbox } from '../../src/channels/line/outbox.ts';
import { TwilioOutbox } from '../../src/channels/twilio/outbox.ts';
import { TwilioTipSender } from '../../src/channels/twilio/tip-sender.ts';
import { loadConfig } from '../../src/config.ts';
import type { ChannelJob } from '../../src/conversation/types.ts';
import { openRuntime, type Runtime } from '../../src/infra/runtime.ts';
import { TEST_ACCOUNT_SID, TEST_AUTH_TOKEN } from './twilio/fake-twilio.ts';

const LINE = { LINE_CHANNEL_SECRET: 'secret', LINE_CHANNEL_ACCESS_TOKEN: 'token' };
const TWILIO = {
  TWILIO_ACCOUNT_SID: TEST_ACCOUNT_SID,
  TWILIO_AUTH_TOKEN: TEST_AUTH_TOKEN,
  PUBLIC_BASE_URL: 'https://anshin.example',
};

describe('channel status', () => {
  it('names what is missing for each channel that is off', () => {
    expect(channelStatus(loadConfig({}))).toEqual({
      line: { on: false, missing: ['LINE_CHANNEL_SECRET', 'LINE_CHANNEL_ACCESS_TOKEN'] },
      twilio: { on: false, missing: ['TWILIO_ACCOUNT_SID', 'TWILIO_AUTH_TOKEN', 'PUBLIC_BASE_URL'] },
    });
    expect(channelStatusLines(loadConfig({ ...LINE, TWILIO_ACCOUNT_SID: TEST_ACCOUNT_SID }))).toEqual([
      'LINE: on',
      'Twilio SMS/WhatsApp: off (set TWILIO_AUTH_TOKEN, PUBLIC_BASE_URL to turn it on)',
    ]);
  });
});

describe('platform clients', () => {
  let dir: string;
  let runtime: Runtime<ChannelJob>;
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'anshin-clients-'));
    runtime = await openRuntime<ChannelJob>(loadConfig({ DATA_DIR: dir }), { sqliteFile: ':memory:' });
  });
  afterAll(async () => {
    await runtime.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('builds an outbox for each channel that is on, and none for one that is off', () => {
    expect(createOutboxes(loadConfig({ DATA_DIR: dir }), runtime)).toEqual({});
    const both = createOutboxes(loadConfig({ DATA_DIR: dir, ...LINE, ...TWILIO }), runtime);
    expect(both.line).toBeInstanceOf(LineOutbox);
    expect(both.twilio).toBeInstanceOf(TwilioOutbox);
  });

  it('builds the tips senders from the sending credentials alone', () => {
    expect(createTipSenders(loadConfig({}), 1)).toEqual({});
    const senders = createTipSenders(
      loadConfig({ LINE_CHANNEL_ACCESS_TOKEN: 'token', TWILIO_ACCOUNT_SID: TEST_ACCOUNT_SID, TWILIO_AUTH_TOKEN: 'x' }),
      1,
    );
    expect(senders.line).toBeInstanceOf(LineMulticaster);
    expect(senders.twilio).toBeInstanceOf(TwilioTipSender);
  });
});
