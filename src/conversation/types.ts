// Channel-neutral shapes of a conversation: what ingest stores and queues, and what handlers answer with.
// Handlers compute Reply values; one place per channel (channels/*/outbox.ts) turns them into platform calls.
import type { Lang, Verdict } from '../domain.ts';
import type { Offer } from '../offers/offers.ts';

/** One message of a burst: in its job's payload, and in the person's burst once the job joined it. */
export interface BurstPart {
  text?: string;
  image?: ImageRef;
}

export type ImageRef = { source: 'line'; messageId: string } | { source: 'twilio'; url: string; contentType: string };

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

export type FollowUpTopic = 'detail' | 'acted' | 'contacts' | 'advice' | 'again';

export type NoticeKey =
  | 'welcome'
  | 'ask_for_text'
  | 'image_failed'
  | 'unsupported_message'
  | 'rate_limited'
  | 'stale_button'
  | 'deleted'
  | 'subscribed'
  | 'unsubscribed'
  | 'opted_out'
  | 'opted_in'
  | 'help'
  | 'apology';

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

/** What we remember of the last consultation, for follow-ups and quick replies (expires: CONTEXT_TTL_MIN). */
export interface ConversationContext {
  consultId: string;
  verdict: Verdict;
  at: number;
}
