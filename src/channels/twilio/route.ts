// POST /webhooks/twilio: SMS, MMS and WhatsApp messages. Verify X-Twilio-Signature over PUBLIC_BASE_URL +
// path and the form fields, queue the message (the job is the claim of its MessageSid: one write), answer an
// empty TwiML <Response/> at once; 503 when it cannot be queued (Twilio then tries the fallback URL, if any).
// After the signature the fields are checked with a schema: a malformed form gets 400.
// https://www.twilio.com/docs/usage/webhooks/webhooks-security
import formbody from '@fastify/formbody';
import type { FastifyPluginAsync } from 'fastify';
import twilio from 'twilio';
import { z } from 'zod';
import { detectLang } from '../../consult/lang.ts';
import { normalizeCommandText, parseCommand, TWILIO_SELF_ANSWERED } from '../../conversation/commands.ts';
import { checkBacklog, type IngestAction, type IngestDeps, ingest } from '../../conversation/ingest.ts';
import type { BurstPart, TwilioTarget } from '../../conversation/types.ts';
import type { PersonIds } from '../../infra/ids.ts';
import { sendUnavailable } from '../unavailable.ts';

/** Twilio's form posts are a few kilobytes even with ten media items. */
export const TWILIO_BODY_LIMIT_BYTES = 64 * 1024;
/** Twilio sends at most 10 media items per message. */
const MAX_MEDIA = 10;
const EMPTY_TWIML = '<?xml version="1.0" encoding="UTF-8"?><Response></Response>';

export interface TwilioRouteOptions {
  authToken: string;
  /** The public origin Twilio calls (PUBLIC_BASE_URL): the signature covers the URL as Twilio saw it. */
  publicBaseUrl: string;
  ids: PersonIds;
  ingest: IngestDeps;
}

/** WhatsApp's longest message is 4,096 characters (SMS: 1,600); a signed body with more is not Twilio's. */
export const TWILIO_MAX_BODY_CHARS = 4_096;

type Form = Record<string, string | string[] | undefined>;
const field = (form: Form, name: string): string | undefined => {
  const v = form[name];
  return Array.isArray(v) ? v[0] : v;
};

// The fields we use, checked after the signature and before anything reads them
// (https://www.twilio.com/docs/messaging/guides/webhook-request). A repeated field counts by its first value.
const first = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (Array.isArray(v) ? v[0] : v), schema);
const address = z.string().min(1).max(64);
const TwilioForm = z
  .object({
    MessageSid: first(z.string().min(1).max(64).optional()),
    SmsSid: first(z.string().min(1).max(64).optional()),
    From: first(address),
    To: first(address),
    Body: first(z.string().max(TWILIO_MAX_BODY_CHARS).optional()),
    NumMedia: first(
      z
        .string()
        .regex(/^\d{1,3}$/)
        .optional(),
    ),
  })
  .refine((f) => f.MessageSid !== undefined || f.SmsSid !== undefined);

function actionOf(form: Form, from: string): IngestAction {
  const body = field(form, 'Body') ?? '';
  const numMedia = Math.min(Number(field(form, 'NumMedia') ?? 0) || 0, MAX_MEDIA);
  if (numMedia === 0) {
    const command = parseCommand(body, 'twilio');
    if (command !== null) {
      // On SMS, Twilio's Advanced Opt-Out already answers its English keywords; WhatsApp and Japanese get ours.
      const quiet = !from.startsWith('whatsapp:') && TWILIO_SELF_ANSWERED.has(normalizeCommandText(body));
      return { kind: 'command', command, quiet };
    }
  }
  const parts: BurstPart[] = body.trim() ? [{ text: body }] : [];
  for (let i = 0; i < numMedia; i++) {
    const url = field(form, `MediaUrl${i}`);
    const contentType = field(form, `MediaContentType${i}`) ?? '';
    if (url !== undefined && contentType.startsWith('image/'))
      parts.push({ image: { source: 'twilio', url, contentType } });
  }
  if (parts.length === 0) return { kind: 'notice', notice: numMedia > 0 ? 'unsupported_message' : 'ask_for_text' };
  return { kind: 'message', parts };
}

export const twilioWebhook: FastifyPluginAsync<TwilioRouteOptions> = async (app, opts) => {
  await app.register(formbody, { bodyLimit: TWILIO_BODY_LIMIT_BYTES });
  const base = opts.publicBaseUrl.replace(/\/$/, '');

  app.post('/webhooks/twilio', async (req, reply) => {
    const form = (req.body ?? {}) as Form;
    const signature = req.headers['x-twilio-signature'];
    if (
      typeof signature !== 'string' ||
      typeof form !== 'object' ||
      !twilio.validateRequest(opts.authToken, signature, base + req.url, form)
    ) {
      opts.ingest.metrics.webhookRejected.inc({ channel: 'twilio', reason: 'signature' });
      return reply.code(401).send({ error: 'bad signature' });
    }
    const checked = TwilioForm.safeParse(form);
    if (!checked.success) {
      opts.ingest.metrics.webhookRejected.inc({ channel: 'twilio', reason: 'malformed' });
      return reply.code(400).send({
        error: `MessageSid, From and To are required; Body is text up to ${TWILIO_MAX_BODY_CHARS} characters`,
      });
    }
    const { From: from, To: to } = checked.data;
    const sid = (checked.data.MessageSid ?? checked.data.SmsSid)!;
    const body = checked.data.Body ?? '';
    const target: TwilioTarget = { channel: 'twilio', to: from, from: to };
    const person = opts.ids.person('twilio', from);
    // Numbers here are not Japanese (Twilio has no two-way Japanese SMS): English unless the text says otherwise.
    const lang = body.trim() ? detectLang(body) : 'en';
    try {
      checkBacklog(opts.ingest, 'twilio');
      const outcome = await ingest(opts.ingest, {
        channel: 'twilio',
        eventId: sid,
        person,
        lang,
        target,
        action: actionOf(form, from),
      });
      req.log.debug({ person, outcome }, 'twilio message');
    } catch (err) {
      return sendUnavailable(req, reply, err, 'twilio');
    }
    return reply.code(200).type('text/xml').send(EMPTY_TWIML);
  });
};
