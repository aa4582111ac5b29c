// Replies → LINE messages: a Flex card for a verdict (coloured by level, with a plain-text altText),
// text for follow-ups and notices, quick replies on the last message, at most 5 messages per call.
// https://developers.line.biz/en/reference/messaging-api/#flex-message
import type { messagingApi } from '@line/bot-sdk';
import { renderVerdictText } from '../../consult/render.ts';
import { followUpText } from '../../conversation/answer-text.ts';
import { noticeText } from '../../conversation/notices.ts';
import type { FollowUpTopic, Reply } from '../../conversation/types.ts';
import type { Lang, Level, Verdict } from '../../domain.ts';
import { type Offer, offerText } from '../../offers/offers.ts';
import { WORDS } from '../../words/book.ts';
import { LINE_MAX_TEXT_CHARS } from './events.ts';

type Message = messagingApi.Message;
type FlexComponent = messagingApi.FlexComponent;

/** LINE accepts at most 5 messages per reply or push. */
export const MAX_MESSAGES_PER_CALL = 5;
const ALT_TEXT_MAX_CHARS = 400;
const CARD_REASONS = 3;
const CARD_ADVICE = 2;

export const LEVEL_COLORS: Record<Level, { bg: string; fg: string }> = {
  danger: { bg: '#C62828', fg: '#FFFFFF' },
  caution: { bg: '#F9A825', fg: '#212121' },
  low: { bg: '#5E7D6A', fg: '#FFFFFF' },
  unknown: { bg: '#757575', fg: '#FFFFFF' },
};

/** Postback data of a quick reply: the action and the consultation it belongs to (stale buttons are refused). */
export function postbackData(action: FollowUpTopic | 'subscribe', consultId: string): string {
  return new URLSearchParams({ a: action, c: consultId }).toString();
}

/** The quick replies under an answer, in this order. */
const QUICK_REPLIES = ['detail', 'acted', 'contacts', 'subscribe'] as const;

function quickReply(consultId: string, lang: Lang): messagingApi.QuickReply {
  const labels = WORDS[lang].channels.line.quickReplies;
  return {
    items: QUICK_REPLIES.map((action) => ({
      type: 'action',
      action: {
        type: 'postback',
        label: labels[action].slice(0, 20),
        data: postbackData(action, consultId),
        displayText: labels[action],
      },
    })),
  };
}

const text = (t: string): Message => ({ type: 'text', text: t.slice(0, LINE_MAX_TEXT_CHARS) });
const line = (t: string, extra: Partial<messagingApi.FlexText> = {}): FlexComponent => ({
  type: 'text',
  text: t,
  wrap: true,
  size: 'sm',
  ...extra,
});

export function altTextOf(v: Verdict): string {
  const { word, subline } = WORDS[v.lang].answer.levels[v.level];
  const first = v.advice[0] ? ` ${v.advice[0]}` : '';
  return `【${word}】${subline}${first}`.slice(0, ALT_TEXT_MAX_CHARS);
}

export function verdictCard(v: Verdict): Message {
  const words = WORDS[v.lang];
  const l = words.answer.sections;
  const { word, subline } = words.answer.levels[v.level];
  const color = LEVEL_COLORS[v.level];
  const body: FlexComponent[] = [];
  if (v.scamType !== 'none') {
    body.push(line(`${l.type}: ${words.answer.scamTypes[v.scamType]}`, { weight: 'bold' }));
  }
  const section = (title: string, items: string[]) => {
    if (items.length === 0) return;
    body.push({ type: 'text', text: title, weight: 'bold', size: 'sm', margin: 'lg', color: '#424242' });
    for (const item of items) body.push(line(`・${item}`, { margin: 'sm' }));
  };
  section(l.reasons, v.reasons.slice(0, CARD_REASONS));
  section(l.now, v.advice.slice(0, CARD_ADVICE));
  if (body.length === 0) body.push(line(subline));
  const article = v.articles.find((a) => a.url?.startsWith('https://'));
  return {
    type: 'flex',
    altText: altTextOf(v),
    contents: {
      type: 'bubble',
      size: 'mega',
      header: {
        type: 'box',
        layout: 'vertical',
        backgroundColor: color.bg,
        paddingAll: '16px',
        contents: [
          { type: 'text', text: word, weight: 'bold', size: 'xl', color: color.fg },
          {
            type: 'text',
            text: subline,
            wrap: true,
            size: 'sm',
            color: color.fg,
            margin: 'sm',
          },
        ],
      },
      body: { type: 'box', layout: 'vertical', spacing: 'sm', contents: body },
      ...(article?.url
        ? {
            footer: {
              type: 'box',
              layout: 'vertical',
              contents: [
                {
                  type: 'button',
                  style: 'link',
                  action: { type: 'uri', label: words.channels.line.article, uri: article.url },
                },
              ],
            },
          }
        : {}),
    },
  } as Message;
}

export function offerCard(o: Offer, lang: Lang): Message {
  const l = WORDS[lang].channels;
  const t = offerText(o, lang);
  return {
    type: 'flex',
    altText: `${l.partner}: ${t.title}`.slice(0, ALT_TEXT_MAX_CHARS),
    contents: {
      type: 'bubble',
      size: 'kilo',
      body: {
        type: 'box',
        layout: 'vertical',
        spacing: 'sm',
        contents: [
          { type: 'text', text: `${l.partner}（${o.partner}）`, size: 'xs', color: '#757575', wrap: true },
          { type: 'text', text: t.title, weight: 'bold', wrap: true },
          line(t.text),
        ],
      },
      footer: {
        type: 'box',
        layout: 'vertical',
        contents: [
          { type: 'button', style: 'primary', action: { type: 'uri', label: l.line.offerButton, uri: o.url } },
        ],
      },
    },
  } as Message;
}

function renderOne(r: Reply): { messages: Message[]; consultId?: string; lang: Lang } {
  switch (r.kind) {
    case 'verdict': {
      const messages = [verdictCard(r.verdict)];
      if (r.imagesUnread) messages.push(text(WORDS[r.verdict.lang].replies.imageNote));
      for (const o of r.offers) messages.push(offerCard(o, r.verdict.lang));
      return { messages, consultId: r.consultId, lang: r.verdict.lang };
    }
    case 'followup': {
      const body =
        r.topic === 'detail'
          ? renderVerdictText(r.verdict, { detail: 'full', maxChars: LINE_MAX_TEXT_CHARS })
          : followUpText(r.topic, r.verdict);
      return { messages: [text(body)], consultId: r.consultId, lang: r.verdict.lang };
    }
    case 'notice':
      return { messages: [text(noticeText(r.notice, r.lang))], lang: r.lang };
  }
}

/** All replies of one job as one call's messages; the quick replies follow the last consultation shown. */
export function renderLineMessages(replies: Reply[]): Message[] {
  const rendered = replies.map(renderOne);
  const messages = rendered.flatMap((x) => x.messages).slice(0, MAX_MESSAGES_PER_CALL);
  const withButtons = [...rendered].reverse().find((x) => x.consultId !== undefined);
  const last = messages[messages.length - 1];
  if (withButtons?.consultId !== undefined && last !== undefined) {
    last.quickReply = quickReply(withButtons.consultId, withButtons.lang);
  }
  return messages;
}
