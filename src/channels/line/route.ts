// POST /webhooks/line: verify x-line-signature over the raw bytes, claim and queue each event, answer 200.
// It waits for nothing else (https://developers.line.biz/en/docs/messaging-api/receiving-messages/).
import { randomUUID } from 'node:crypto';
import { validateSignature, type webhook } from '@line/bot-sdk';
import type { FastifyPluginAsync } from 'fastify';
import { detectLang } from '../../consult/lang.ts';
import { parseCommand } from '../../conversation/commands.ts';
import { type IngestAction, type IngestDeps, ingest } from '../../conversation/ingest.ts';
import type { FollowUpTopic, LineTarget } from '../../conversation/types.ts';
import type { PersonIds } from '../../infra/ids.ts';

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
    for (const ev of body.events ?? []) {
      const userId = ev.source?.type === 'user' ? ev.source.userId : undefined;
      const action = actionOf(ev);
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
        retryKey: randomUUID(),
      };
      const person = opts.ids.person('line', userId);
      const outcome = await ingest(opts.ingest, {
        channel: 'line',
        eventId: ev.webhookEventId,
        person,
        lang: text !== undefined ? detectLang(text) : 'ja',
        target,
        action,
      });
      req.log.debug({ person, event: ev.type, outcome }, 'line event');
    }
    return reply.code(200).send({});
  });
};
