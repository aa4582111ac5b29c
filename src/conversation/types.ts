// Channel-neutral shapes of a conversation: what ingest stores and queues, and what handlers answer with.
// Handlers compute Reply values; one place per channel (channels/*/outbox.ts) turns them into platform calls.
// Shapes stored and read back (burst parts, replies in delivery records, the last consultation) have a schema
// next to them, which the store readers check them against (infra/store/read.ts).
import { z } from 'zod';
import { LANGS, type Lang, type Verdict, VerdictSchema } from '../domain.ts';
import { type Offer, OfferSchema } from '../offers/offers.ts';

/** One message of a burst: in its job's payload, and in the person's burst once the job joined it. */
export interface BurstPart {
  text?: string;
  image?: ImageRef;
  /** The language of `text`, read once where the message arrived (the channel route), and carried from there. */
  lang?: Lang;
}

export type ImageRef = { source: 'line'; messageId: string } | { source: 'twilio'; url: string; contentType: string };

const ImageRefSchema: z.ZodType<ImageRef> = z.discriminatedUnion('source', [
  z.looseObject({ source: z.literal('line'), messageId: z.string() }),
  z.looseObject({ source: z.literal('twilio'), url: z.string(), contentType: z.string() }),
]);

export const BurstPartSchema: z.ZodType<BurstPart> = z.looseObject({
  text: z.string().optional(),
  image: ImageRefSchema.optional(),
  lang: z.enum(LANGS).optional(),
});

export interface LineTarget {
  channel: 'line';
  /** The LINE user id: needed to push. Lives only in the job payload, which is removed when the job ends. */
  userId: string;
  replyToken?: string;
  /** When the platform sent the event (ms): the reply token's life starts about then. */
  sentAt: number;
}

export interface TwilioTarget {
  channel: 'twilio';
  /** The person's address as Twilio gave it ("+4477…" or "whatsapp:+4477…"). */
  to: string;
  /** Our number they wrote to; answers come from it. */
  from: string;
}

export type Target = LineTarget | TwilioTarget;

export type Command =
  | 'delete_data'
  | 'subscribe'
  | 'unsubscribe'
  | 'stop'
  | 'start'
  | 'help'
  /** The person blocked the LINE account: erase without answering (nobody to answer). */
  | 'forget';

export const FOLLOW_UP_TOPICS = ['detail', 'acted', 'contacts', 'advice', 'again'] as const;
export type FollowUpTopic = (typeof FOLLOW_UP_TOPICS)[number];

export const NOTICE_KEYS = [
  'welcome',
  'ask_for_text',
  'image_failed',
  'unsupported_message',
  'rate_limited',
  'stale_button',
  'deleted',
  'subscribed',
  'unsubscribed',
  'opted_out',
  'opted_in',
  'help',
  'apology',
] as const;
export type NoticeKey = (typeof NOTICE_KEYS)[number];

export type ChannelJob = {
  person: string;
  lang: Lang;
  target: Target;
  /** When we accepted the first event of this job (ms), for the webhook-to-answer metric. */
  acceptedAt: number;
} & (
  | {
      /** A message to judge; the worker joins the rest of its burst (burst.ts). */
      kind: 'turn';
      parts: BurstPart[];
      /** Its place among the events of its webhook request. */
      seq: number;
    }
  | { kind: 'postback'; topic: FollowUpTopic | 'subscribe'; consultId: string }
  /** quiet: the platform answers this keyword itself (Twilio Advanced Opt-Out on SMS). */
  | { kind: 'command'; command: Command; quiet?: boolean }
  | { kind: 'notice'; notice: NoticeKey }
);

export type Reply =
  | { kind: 'verdict'; verdict: Verdict; consultId: string; offers: Offer[]; imagesUnread: boolean }
  | { kind: 'followup'; topic: FollowUpTopic; verdict: Verdict; consultId: string }
  | { kind: 'notice'; notice: NoticeKey; lang: Lang };

export const ReplySchema: z.ZodType<Reply> = z.discriminatedUnion('kind', [
  z.looseObject({
    kind: z.literal('verdict'),
    verdict: VerdictSchema,
    consultId: z.string(),
    offers: z.array(OfferSchema),
    imagesUnread: z.boolean(),
  }),
  z.looseObject({
    kind: z.literal('followup'),
    topic: z.enum(FOLLOW_UP_TOPICS),
    verdict: VerdictSchema,
    consultId: z.string(),
  }),
  z.looseObject({ kind: z.literal('notice'), notice: z.enum(NOTICE_KEYS), lang: z.enum(LANGS) }),
]);

/** What we remember of the last consultation, for follow-ups and quick replies (expires: CONTEXT_TTL_MIN). */
export interface ConversationContext {
  consultId: string;
  verdict: Verdict;
  at: number;
}

export const ConversationContextSchema: z.ZodType<ConversationContext> = z.looseObject({
  consultId: z.string(),
  verdict: VerdictSchema,
  at: z.number(),
});
