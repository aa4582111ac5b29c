// Handlers: from what the person sent (and what we remember) to the replies. They send nothing themselves;
// conversation/worker.ts hands the replies to the channel's outbox.
import type { Consultant, ConsultRequest, ImagePart } from '../consult/api.ts';
import { detectLang } from '../consult/lang.ts';
import type { Lang } from '../domain.ts';
import { type Offer, type OfferChannel, selectOffers } from '../offers/offers.ts';
import { classifyFollowUp } from './followup.ts';
import type { BurstPart, ConversationContext, FollowUpTopic, Reply } from './types.ts';

export interface RespondDeps {
  consultant: Consultant;
  offers: readonly Offer[];
  now: () => Date;
  newConsultId: () => string;
}

export interface TurnInput {
  parts: BurstPart[];
  /** The burst's images, already fetched and size-checked. */
  images: ImagePart[];
  /** Images we could not fetch (too large, expired). */
  imageFailures: number;
  context: ConversationContext | null;
  langHint: Lang;
  channel: NonNullable<ConsultRequest['channel']>;
  offerChannel: OfferChannel;
}

export interface TurnResult {
  replies: Reply[];
  /** The new context to remember, when this turn was a consultation. */
  context?: ConversationContext;
}

export async function respondToTurn(deps: RespondDeps, input: TurnInput): Promise<TurnResult> {
  const typed = input.parts
    .map((p) => p.text?.trim() ?? '')
    .filter((t) => t.length > 0)
    .join('\n');
  const hasImages = input.images.length > 0;
  // Only pictures we could not fetch go unread; pictures we have are read by the consultation itself.
  const imagesUnread = input.imageFailures > 0;
  // One message's language was read where it arrived and is carried on its part; a burst of several messages is a
  // new text, read once here.
  const texts = input.parts.filter((p) => (p.text?.trim() ?? '') !== '');
  const carried = texts.length === 1 ? texts[0]!.lang : undefined;
  const lang = typed.length === 0 ? input.langHint : (carried ?? detectLang(typed));

  if (typed.length === 0 && !hasImages) {
    return { replies: [{ kind: 'notice', notice: imagesUnread ? 'image_failed' : 'ask_for_text', lang }] };
  }

  // A short question about the last answer is answered from it; without one, ask for the message itself.
  const topic = hasImages ? null : classifyFollowUp(typed);
  if (topic !== null) {
    if (input.context === null) {
      return { replies: [{ kind: 'notice', notice: 'ask_for_text', lang }] };
    }
    return { replies: [followUp(topic, input.context)] };
  }

  // Without typed text the language comes from what the pictures say.
  const verdict = await deps.consultant.consult({
    text: typed,
    channel: input.channel,
    ...(hasImages ? { images: input.images } : {}),
    ...(typed.length > 0 || !hasImages ? { lang } : {}),
  });
  const consultId = deps.newConsultId();
  const offers = selectOffers(deps.offers, {
    level: verdict.level,
    scamType: verdict.scamType,
    channel: input.offerChannel,
    now: deps.now(),
  });
  return {
    replies: [{ kind: 'verdict', verdict, consultId, offers, imagesUnread }],
    context: { consultId, verdict, at: deps.now().getTime() },
  };
}

function followUp(topic: FollowUpTopic, ctx: ConversationContext): Reply {
  return { kind: 'followup', topic, verdict: ctx.verdict, consultId: ctx.consultId };
}

/** A quick-reply button: refused when it belongs to an older consultation than the one we remember. */
export function respondToPostback(
  topic: FollowUpTopic,
  consultId: string,
  ctx: ConversationContext | null,
  lang: Lang,
): Reply {
  if (ctx === null || ctx.consultId !== consultId) return { kind: 'notice', notice: 'stale_button', lang };
  return followUp(topic, ctx);
}
