import { describe, expect, it } from 'vitest';
import {
  LEVEL_COLORS,
  MAX_MESSAGES_PER_CALL,
  renderLineMessages,
  verdictCard,
} from '../../../src/channels/line/render.ts';
import type { Reply } from '../../../src/conversation/types.ts';
import { LEVELS } from '../../../src/domain.ts';
import { verdict } from '../../conversation/fixtures.ts';
import type { LineJson } from './fake-line.ts';

describe('LINE render', () => {
  it('colours the card by level and never calls anything safe', () => {
    const seen = new Set<string>();
    for (const level of LEVELS) {
      for (const lang of ['ja', 'en'] as const) {
        // The judge's own low headline denies safety in words; the card must not need the word at all.
        const headline =
          lang === 'en'
            ? 'No clear warning signs (that does not prove it is genuine)'
            : '目立った兆候なし（詐欺ではないとは言い切れません）';
        const v = verdict(level, { lang, headline });
        const card = verdictCard(v) as LineJson;
        expect(card.contents.header.backgroundColor).toBe(LEVEL_COLORS[level].bg);
        expect(card.altText.length).toBeGreaterThan(0);
        expect(JSON.stringify(card)).not.toMatch(/安全|\bsafe\b/i);
        seen.add(card.contents.header.backgroundColor);
      }
    }
    expect(seen.size).toBe(4);
    expect(LEVEL_COLORS.danger.bg).toBe('#C62828');
  });

  it('puts quick replies on the last message and sends at most 5 messages', () => {
    const replies: Reply[] = Array.from({ length: 7 }, () => ({ kind: 'notice', notice: 'help', lang: 'ja' }) as Reply);
    replies.push({ kind: 'verdict', verdict: verdict('danger'), consultId: 'abc', offers: [], imagesUnread: false });
    const messages = renderLineMessages(replies) as LineJson[];
    expect(messages).toHaveLength(MAX_MESSAGES_PER_CALL);
    const last = messages[messages.length - 1];
    expect(last.quickReply.items).toHaveLength(4);
    for (const item of last.quickReply.items) {
      expect(item.action.label.length).toBeLessThanOrEqual(20);
      expect(new URLSearchParams(item.action.data).get('c')).toBe('abc');
    }
  });
});
