// POST /webhooks/line: verify x-line-signature over the raw bytes, queue each event (the queued job is its
// claim: one write), answer 200. It waits for nothing else
// (https://developers.line.biz/en/docs/messaging-api/receiving-messages/). When the events cannot be queued
// (backlog full, store down) it answers 503, and LINE's redelivery brings them again; events of the request
// already queued are then refused as duplicates. The body is checked with a schema (events.ts) after the
// signature: not a webhook at all, 400; one malformed event in a batch is skipped and the others are queued.
import { validateSignature } from '@line/bot-sdk';
import type { FastifyPluginAsync } from 'fastify';
import { detectLang } from '../../consult/lang.ts';
import { parseCommand } from '../../conversation/commands.ts';
import { checkBacklog, type IngestAction, type IngestDeps, ingest } from '../../conversation/ingest.ts';
import type { FollowUpTopic, LineTarget } from '../../conversation/types.ts';
import type { PersonIds } from '../../infra/ids.ts';
import { sendUnavailable } from '../unavailable.ts';
import { LineBody, type LineEvent, readLineEvent } from './events.ts';

/** LINE webhook bodies are small JSON; a megabyte is far beyond any real one. */
export const LINE_BODY_LIMIT_BYTES = 1024 * 1024;
const POSTBACK_ACTIONS = new Set<FollowUpTopic | 'subscribe'>(['detail', 'acted', 'contacts', 'advice', 'subscribe']);

export interface LineRouteOptions {
  channelSecret: string;
  ids: PersonIds;
  ingest: IngestDeps;
}

function actionOf(ev: LineEvent): IngestAction | null {
  switch (ev.type) {
    case 'message': {
      const m = ev.message;
      if ('text' in m && m.type === 'text') {
        const command = parseCommand(m.text, 'line');
        return command !== null ? { kind: 'command', command } : { kind: 'message', parts: [{ text: m.text }] };
      }
      if ('id' in m && m.type === 'image') {
        if (m.contentProvider?.type !== 'line') return { kind: 'notice', notice: 'image_failed' };
        return { kind: 'message', parts: [{ image: { source: 'line', messageId: m.id } }] };
      }
      return { kind: 'notice', notice: 'unsupported_message' };
    }
    case 'postback': {
      const p = new URLSearchParams(ev.postback.data);
      const a = p.get('a') as FollowUpTopic | 'subscribe' | null;
      const c = p.get('c');
      if (a === null || c === null || !POSTBACK_ACTIONS.has(a)) return null;
      return { kind: 'postback', topic: a, consultId: c };
    }
    case 'follow':
      return { kind: 'notice', notice: 'welcome' };
    case 'unfollow':
      return { kind: 'command', command: 'forget' };
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
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw.toString('utf8'));
    } catch {
      return reply.code(400).send({ error: 'body is not JSON' });
    }
    // Checked before anything reads it; a body that is not a webhook at all has nothing to keep (400).
    const body = LineBody.safeParse(parsed);
    if (!body.success) {
      opts.ingest.metrics.webhookRejected.inc({ channel: 'line', reason: 'malformed' });
      return reply.code(400).send({ error: 'body is not a LINE webhook: it needs an "events" list' });
    }
    const events = body.data.events;
    try {
      if (events.length > 0) checkBacklog(opts.ingest, 'line');
      let seq = 0;
      for (const rawEvent of events) {
        const read = readLineEvent(rawEvent);
        const ev = read.ok ? read.event : undefined;
        const userId = ev?.source.type === 'user' ? ev.source.userId : undefined;
        const action = ev === undefined || userId === undefined ? null : actionOf(ev);
        if (ev === undefined || userId === undefined || action === null) {
          opts.ingest.metrics.webhookEvents.inc({ channel: 'line', outcome: read.ok ? 'ignored' : read.why });
          continue;
        }
        const text = ev.type === 'message' && 'text' in ev.message ? ev.message.text : undefined;
        const target: LineTarget = {
          channel: 'line',
          userId,
          replyToken: ev.replyToken,
          sentAt: ev.timestamp ?? Date.now(),
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
