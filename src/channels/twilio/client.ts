// The Twilio REST client pointed at TWILIO_API_BASE_URL. The SDK has no base-URL option; a RequestClient
// subclass rewrites https://api.twilio.com (STACK.md). keepAlive off: the SDK's keep-alive agent hangs on
// replies without Content-Length (nock #3001) and a message a second does not need pooled sockets.
import twilio from 'twilio';
import type RequestClient from 'twilio/lib/base/RequestClient.js';

export const TWILIO_DEFAULT_BASE_URL = 'https://api.twilio.com';

export class BaseUrlRequestClient extends twilio.RequestClient {
  readonly #baseUrl: string;
  constructor(baseUrl: string) {
    super({ keepAlive: false });
    this.#baseUrl = baseUrl.replace(/\/$/, '');
  }
  override request<TData>(opts: RequestClient.RequestOptions<TData>) {
    return super.request<TData>({ ...opts, uri: rewriteBaseUrl(opts.uri, this.#baseUrl) });
  }
}

export function rewriteBaseUrl(uri: string, baseUrl: string): string {
  return uri.startsWith(TWILIO_DEFAULT_BASE_URL)
    ? baseUrl.replace(/\/$/, '') + uri.slice(TWILIO_DEFAULT_BASE_URL.length)
    : uri;
}

export function createTwilioClient(accountSid: string, authToken: string, baseUrl: string): twilio.Twilio {
  return twilio(accountSid, authToken, { httpClient: new BaseUrlRequestClient(baseUrl) });
}
