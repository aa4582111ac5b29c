// The reasons' fixed parts in English: what a picture held, a number or link registered as official, a long message.
import type { ReasonWords } from '../types.ts';

export const reasons: ReasonWords = {
  readQuoteAndQr: (quote, qr) => `Read from the picture: "${quote}" (QR code: ${qr})`,
  readQuote: (quote) => `Read from the picture: "${quote}"`,
  readQr: (qr) => `Read from the picture: a QR code linking to ${qr}`,
  nothingRead:
    'We could not find any text we can read in the picture. Please copy and send the text of the message instead.',
  someImagesRead: (max) => `There were many pictures, so only the first ${max} were read.`,
  officialContact: (via, shown, brand) =>
    `${via === 'phone' ? 'The number' : 'The link'} ${shown} is registered as ${brand}'s own. That alone does not prove the message is genuine.`,
  truncated: 'The message was very long, so only the first part was checked.',
};
