// POST /webhooks/line: verify x-line-signature over the raw bytes, queue each event (the queued job is its
// claim: one write), answer 200. It waits for nothing else
// (https://developers.line.biz/en/docs/messaging-api/receiving-messages/). When the events cannot be queued
// (backlog full, store down) it answers 503, and LINE's redelivery brings them again; events of the request
// already queued are then refused as duplicates.
import { validateSignature, type webhook } from '@line/bot-sdk';
import type { FastifyPluginAsync } from 'fastify';
import { detectLang } from '../../consult/lang.ts';
import { parseCommand } from '../../conversation/commands.ts';
import { checkBacklog, type IngestAction, type IngestDeps, ingest } from '../../conversation/ingest.ts';
import type { FollowUpTopic, LineTarget } from '../../conversation/types.ts';
import type { PersonIds } from '../../infra/ids.ts';
import { sendUnavailable } from '../unavailable.ts';

/** LINE webhook bodies are small JSON; a megabyte is far beyond any real one. */
export const LINE_BODY_LIMIT_BYTES = 1024 * 1024;
const POSTBACK_ACTIONS = new Set<FollowUpTopic | 'subscribe'>(['detail', 'acted', 'contacts', 'advice', 'subscribe']);

export interface LineRouteOptions {
  channelSecret: string;
  ids: PersonIds;
  ingest: IngestDeps;
}

function actionOf(ev: webhook.Event): IngestAction | null {
  switch (ev.type) {
    case 'message': {
      const m = ev.message;
      if (m.type === 'text') {
        const text = (m as webhook.TextMessageContent).text;
        const command = parseCommand(text, 'line');
        return command !== null ? { kind: 'command', command } : { kind: 'message', parts: [{ text }] };
      }
      if (m.type === 'image') {
        const img = m as webhook.ImageMessageContent;
        if (img.contentProvider?.type !== 'line') return { kind: 'notice', notice: 'image_failed' };
        return { kind: 'message', parts: [{ image: { source: 'line', messageId: img.id } }] };
      }
      return { kind: 'notice', notice: 'unsupported_message' };
    }
    case 'postback': {
      const p = new URLSearchParams((ev as webhook.PostbackEvent).postback.data);
      const a = p.get('a') as FollowUpTopic | 'subscribe' | null;
      const c = p.get('c');
      if (a === null || c === null || !POSTBACK_ACTIONS.has(a)) return null;
      return { kind: 'postback', topic: a, consultId: c };
    }
    case 'follow':
      return { kind: 'notice', notice: 'welcome' };
    case 'unfollow':
      return { kind: 'command', command: 'forget' };
    default:
      return null;
  }
}

/** A signed event of a shape we do not know is ignored (LINE adds event types), never a failed request. */
function safeActionOf(ev: webhook.Event): IngestAction | null {
  try {
    return actionOf(ev);
  } catch {
    return null;
  }
}

export const lineWebhook: FastifyPluginAsync<LineRouteOptions> = async (app, opts) => {
  // Signatures are over the exact bytes LINE sent: keep them as a Buffer (re-serialising breaks emoji).
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser(
    'application/json',
    { parseAs: 'buffer', bodyLimit: LINE_BODY_LIMIT_BYTES },
    (_req, body, done) => done(null, body),
  );

  app.post('/webhooks/line', async (req, reply) => {
    const raw = req.body;
    const signature = req.headers['x-line-signature'];
    if (
      !Buffer.isBuffer(raw) ||
      typeof signature !== 'string' ||
      !validateSignature(raw, opts.channelSecret, signature)
    ) {
      opts.ingest.metrics.webhookRejected.inc({ channel: 'line', reason: 'signature' });
      return reply.code(401).send({ error: 'bad signature' });
    }
    let body: webhook.CallbackRequest;
    try {
      body = JSON.parse(raw.toString('utf8')) as webhook.CallbackRequest;
    } catch {
      return reply.code(400).send({ error: 'body is not JSON' });
    }
    const events = Array.isArray(body?.events) ? body.events : [];
    try {
      if (events.length > 0) checkBacklog(opts.ingest, 'line');
      let seq = 0;
      for (const ev of events) {
        const userId = ev?.source?.type === 'user' ? ev.source.userId : undefined;
        const action = userId === undefined ? null : safeActionOf(ev);
        if (userId === undefined || action === null || typeof ev.webhookEventId !== 'string') {
          opts.ingest.metrics.webhookEvents.inc({ channel: 'line', outcome: 'ignored' });
          continue;
        }
        const text =
          ev.type === 'message' && ev.message.type === 'text'
            ? (ev.message as webhook.TextMessageContent).text
            : undefined;
        const target: LineTarget = {
          channel: 'line',
          userId,
          replyToken: 'replyToken' in ev && typeof ev.replyToken === 'string' ? ev.replyToken : undefined,
          sentAt: typeof ev.timestamp === 'number' ? ev.timestamp : Date.now(),
        };
        const person = opts.ids.person('line', userId);
        const outcome = await ingest(opts.ingest, {
          channel: 'line',
          eventId: ev.webhookEventId,
          person,
          lang: text !== undefined ? detectLang(text) : 'ja',
          target,
          action,
          seq: seq++,
        });
        req.log.debug({ person, event: ev.type, outcome }, 'line event');
      }
    } catch (err) {
      return sendUnavailable(req, reply, err, 'line');
    }
    return reply.code(200).send({});
  });
};
