// Configuration errors: every bad value is refused at start with a message that names the variable and says
// what to set, all problems at once; unset and empty values take their defaults.
import { describe, expect, it } from 'vitest';
import { channelStatusLines } from '../src/channels/clients.ts';
import { ConfigError, loadConfig } from '../src/config.ts';

/** The message loadConfig throws for `env`, or a failure when it throws none. */
function problemsOf(env: Record<string, string>): string {
  try {
    loadConfig(env);
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return (err as Error).message;
  }
  throw new Error(`loadConfig accepted ${JSON.stringify(env)}`);
}

describe('loadConfig refuses bad values, naming the variable and the fix', () => {
  it.each([
    ['a port that is not a number', { PORT: 'eighty' }, 'PORT: PORT must be a whole number from 0 to 65535'],
    ['a port out of range', { PORT: '70000' }, 'PORT: PORT must be a whole number from 0 to 65535'],
    ['a fraction where a whole number goes', { LLM_TIMEOUT_MS: '1.5' }, 'LLM_TIMEOUT_MS must be a whole number'],
    ['a number with a unit', { RATE_LIMIT_PER_HOUR: '30/h' }, 'RATE_LIMIT_PER_HOUR must be a whole number from 1'],
    ['a number in hex', { WORKER_CONCURRENCY: '0x10' }, 'WORKER_CONCURRENCY must be a whole number from 1 to 1024'],
    ['a number in exponent form', { SHUTDOWN_DRAIN_MS: '2e3' }, 'SHUTDOWN_DRAIN_MS must be a whole number'],
    ['a rate that is not a number', { TIPS_TWILIO_PER_SECOND: 'fast' }, 'TIPS_TWILIO_PER_SECOND must be a number'],
    [
      'a price that is not a number',
      { LLM_PRICE_PER_1K_INPUT_TOKENS: '$1' },
      'LLM_PRICE_PER_1K_INPUT_TOKENS must be a price',
    ],
    ['a URL without a scheme', { PUBLIC_BASE_URL: 'anshin.example.jp' }, 'PUBLIC_BASE_URL must be an http(s) URL'],
    [
      'a URL with another scheme',
      { OPENAI_BASE_URL: 'ftp://llm.example/v1' },
      'OPENAI_BASE_URL must be an http(s) URL',
    ],
    [
      'a URL that does not parse',
      { LINE_API_BASE_URL: 'https://[api.line.me' },
      'LINE_API_BASE_URL must be an http(s) URL',
    ],
    [
      'a URL with a space',
      { TWILIO_API_BASE_URL: 'https://api twilio.com' },
      'TWILIO_API_BASE_URL must be an http(s) URL',
    ],
    [
      'a Redis URL of another kind',
      { REDIS_URL: 'http://localhost:6379' },
      'REDIS_URL must look like redis://host:6379',
    ],
    [
      'an unknown log level',
      { LOG_LEVEL: 'loud' },
      'LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent',
    ],
    ['a switch that is neither on nor off', { LLM_VISION: 'maybe' }, 'LLM_VISION must be true or false'],
    ['a misspelt switch that is on by default', { TRY_PAGE: 'flase' }, 'TRY_PAGE must be true or false'],
    ['an unknown time zone', { TZ: 'Tokyo' }, 'TZ must be an IANA time zone name such as Asia/Tokyo'],
    ['a cron pattern with four fields', { TIPS_CRON: '0 10 * *' }, 'TIPS_CRON must be a five-field cron pattern'],
    ['a cron pattern with an hour out of range', { TIPS_CRON: '0 25 * * 1' }, 'hour: "25" is not in 0-23'],
    ['a secret too short to be one', { METRICS_TOKEN: 'hunter2' }, 'METRICS_TOKEN must be at least 16 printable'],
    ['a console token too short', { CONSOLE_TOKEN: 'short' }, 'CONSOLE_TOKEN must be at least 16 characters'],
  ])('%s', (_name, env, expected) => {
    const message = problemsOf(env);
    expect(message).toContain(expected);
    // The variable is named where the problem is listed, so the operator knows what to change.
    expect(message).toContain(`  ${Object.keys(env)[0]}: `);
  });

  it('lists every problem at once, one line each', () => {
    const message = problemsOf({ PORT: 'x', TZ: 'Nowhere/City', LLM_VISION: 'perhaps' });
    expect(message.split('\n')).toEqual([
      'Configuration is not valid:',
      '  PORT: PORT must be a whole number from 0 to 65535',
      '  LLM_VISION: LLM_VISION must be true or false (or 1/0, yes/no, on/off)',
      '  TZ: TZ must be an IANA time zone name such as Asia/Tokyo or UTC',
    ]);
  });
});

describe('loadConfig reads good values', () => {
  it('unset and empty values take their defaults', () => {
    const c = loadConfig({ PORT: '', TZ: ' ', LLM_VISION: '', TRY_PAGE: '' });
    expect(c).toMatchObject({ PORT: 3000, TZ: 'Asia/Tokyo', LLM_VISION: false, TRY_PAGE: true, LOG_LEVEL: 'info' });
    expect(c.TIPS_CRON).toBe('0 10 * * 1');
  });

  it.each([
    ['1', true],
    ['YES', true],
    ['on', true],
    ['0', false],
    ['False', false],
    ['off', false],
  ])('a switch written %s reads as %s', (value, on) => {
    expect(loadConfig({ LLM_VISION: value, TRY_PAGE: value })).toMatchObject({ LLM_VISION: on, TRY_PAGE: on });
  });

  it('takes time zones, cron patterns and URLs as written', () => {
    expect(
      loadConfig({ TZ: 'UTC', TIPS_CRON: '30 9 * * mon-fri', PUBLIC_BASE_URL: 'https://anshin.example.jp/' }),
    ).toMatchObject({ TZ: 'UTC', TIPS_CRON: '30 9 * * mon-fri', PUBLIC_BASE_URL: 'https://anshin.example.jp/' });
  });
});

describe('half-configured channels', () => {
  // Not an error: a channel without all its credentials is off (DESIGN.md, "Configuration"), and the start-up
  // lines name what is missing, so a LINE secret without its token is seen at once.
  it('a LINE secret without its token: LINE is off, and the line says to set the token', () => {
    const lines = channelStatusLines(loadConfig({ LINE_CHANNEL_SECRET: 'a'.repeat(32) }));
    expect(lines[0]).toBe('LINE: off (set LINE_CHANNEL_ACCESS_TOKEN to turn it on)');
  });

  it('a Twilio account without its auth token: Twilio is off, and the line names what is missing', () => {
    const lines = channelStatusLines(
      loadConfig({ TWILIO_ACCOUNT_SID: `AC${'0'.repeat(32)}`, PUBLIC_BASE_URL: 'https://anshin.example.jp' }),
    );
    expect(lines[1]).toBe('Twilio SMS/WhatsApp: off (set TWILIO_AUTH_TOKEN to turn it on)');
  });
});
