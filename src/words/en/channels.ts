// The platforms' chrome in English: LINE buttons and quick replies, the SMS tail, the SMS answer page.
import type { ChannelWords } from '../types.ts';

export const channels: ChannelWords = {
  partner: 'From our partner',
  line: {
    article: 'Read the guide',
    offerButton: 'Learn more',
    quickReplies: {
      detail: 'Details',
      acted: 'I already opened or paid',
      contacts: 'Where to get help',
      subscribe: 'Weekly scam alerts',
    },
  },
  twilio: { more: 'More:', imageNoteShort: 'Some pictures could not be received.' },
  answerPage: {
    page: 'anshin result',
    expired: 'This page is not available',
    expiredBody: 'It has expired or the data was deleted. Please send the message again.',
  },
};
