// The web pages' chrome in English: the try page, its answer card, the article pages.
import type { PageWords } from '../types.ts';

export const pages: PageWords = {
  try: {
    title: 'anshin | Is this a scam?',
    brand: 'anshin',
    switch: '日本語',
    heading: 'Worried a message is a scam? Check it here',
    lead: 'Paste the text of the message (SMS, email, LINE) or choose a picture of the screen (a screenshot), then press “Check”.',
    textLabel: 'The text of the message',
    textHint: 'Paste it just as you received it.',
    fileLabel: 'A picture of the screen (screenshot)',
    fileHint: 'Optional.',
    submit: 'Check',
    busy: 'Checking. Please wait a moment…',
    offline: 'We could not connect. Check your connection and press “Check” again.',
    privacy: 'We do not keep the text or picture you send. They are gone once the check is done.',
    privacyCounted: 'We only count how many checks are made, without knowing whose they are.',
    articles: 'Read about the scams going around now',
    footer: 'anshin checks automatically. Its answer is not a guarantee.',
    errors: {
      empty: 'Please paste the text or choose a picture, then press “Check”.',
      tooLong: (n) => `The text is too long. Please keep it under ${n.toLocaleString('en-GB')} characters.`,
      tooManyImages: (n) => `Please choose at most ${n} pictures.`,
      tooLarge: 'The picture is too large. Please choose a screenshot.',
      rateLimited: 'You have made many checks in a row, so checking is paused. Please try again in about an hour.',
      form: 'We could not read what was sent. Please press “Check” again.',
      internal: 'We cannot check right now. Please try again in a little while.',
    },
  },
  answer: {
    title: 'The result',
    read: 'Text read from the picture',
    unreadable: 'We could not read the text in the picture well. Pasting the text itself gives a more accurate check.',
    qr: 'What the QR code in the picture holds',
    guarantee:
      'This check is automatic and is not a guarantee. If you are unsure, talk to family or a help line before you pay anything.',
    again: 'Check another message',
  },
  articles: {
    index: 'Scams to watch out for now',
    examples: 'Messages like these (examples)',
    acted: 'If you already opened, paid or gave a code',
    sources: 'Sources',
    updated: 'Updated',
    back: 'All articles',
    other: '日本語',
    notFoundTitle: 'Not found',
    notFound: 'This article was not found.',
  },
};
