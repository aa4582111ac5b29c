// The LINE webhook body as we read it, checked with zod after the signature and before anything touches it
// (https://developers.line.biz/en/reference/messaging-api/#webhook-event-objects). Only the fields we use are
// checked; the others are left alone, so LINE can add fields without breaking us.
import { z } from 'zod';

/** LINE's longest text message is 5,000 characters (Messaging API reference, text message object). */
export const LINE_MAX_TEXT_CHARS = 5_000;
/** A postback's data is at most 300 characters (action objects: postback action). */
const LINE_MAX_POSTBACK_CHARS = 300;
const id = z.string().min(1).max(256);

/** The envelope: anything else is no LINE webhook at all (400). */
export const LineBody = z.object({ destination: z.string().max(256).optional(), events: z.array(z.unknown()) });

const common = {
  webhookEventId: id,
  timestamp: z.number().finite().optional(),
  source: z.object({ type: z.string().max(32), userId: id.optional() }),
  replyToken: z.string().max(256).optional(),
};

const TextContent = z.object({ type: z.literal('text'), id, text: z.string().max(LINE_MAX_TEXT_CHARS) });
const ImageContent = z.object({
  type: z.literal('image'),
  id,
  contentProvider: z.object({ type: z.string().max(32) }).optional(),
});
/** Stickers, video, audio, files, locations: answered with a note, so only their type is read. */
const OtherContent = z.object({
  type: z
    .string()
    .max(32)
    .refine((t) => t !== 'text' && t !== 'image'),
});

const LineEvent = z.discriminatedUnion('type', [
  z.object({ ...common, type: z.literal('message'), message: z.union([TextContent, ImageContent, OtherContent]) }),
  z.object({
    ...common,
    type: z.literal('postback'),
    postback: z.object({ data: z.string().max(LINE_MAX_POSTBACK_CHARS) }),
  }),
  z.object({ ...common, type: z.enum(['follow', 'unfollow']) }),
]);

export type LineEvent = z.infer<typeof LineEvent>;
const HANDLED_TYPES = new Set(['message', 'postback', 'follow', 'unfollow']);

/**
 * One event of a signed batch: `ignored` for a type we do not handle (LINE adds types; join, beacon, …),
 * `malformed` for one of ours with a field missing or of the wrong type. Either is skipped and the rest of the
 * batch is still taken: LINE redelivers a whole batch or nothing, so refusing it would lose its good events.
 */
export function readLineEvent(
  raw: unknown,
): { ok: true; event: LineEvent } | { ok: false; why: 'ignored' | 'malformed' } {
  const type = typeof raw === 'object' && raw !== null ? (raw as { type?: unknown }).type : undefined;
  if (typeof type === 'string' && !HANDLED_TYPES.has(type)) return { ok: false, why: 'ignored' };
  const parsed = LineEvent.safeParse(raw);
  return parsed.success ? { ok: true, event: parsed.data } : { ok: false, why: 'malformed' };
}
