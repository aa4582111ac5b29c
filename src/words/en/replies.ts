// Short answers that are not verdicts, why a picture could not be read, and the words taken as instructions.
// Written as a careful bank writes to an older customer: short sentences, one concrete step, no blame.
import type { ReplyWords } from '../types.ts';

export const replies: ReplyWords = {
  notices: {
    welcome:
      'Thank you for adding us.\nForward a message you are unsure about, or paste its text here. We will tell you right away whether it looks like a scam.',
    ask_for_text:
      'Please paste the text of the message you want us to check, including any links or phone numbers as they are.',
    image_failed:
      'We could not receive the picture (it was too large or no longer available). Please paste the text of the message instead.',
    unsupported_message: 'We cannot check this kind of message. Please paste the text you want us to check.',
    rate_limited:
      'We have received many messages from you in a short time. Please wait a while and send it again.\nIf it is urgent, call the police consultation line #9110 or the consumer hotline 188 (in Japan).',
    stale_button: 'This button has expired. Please send the message you want to check again.',
    deleted: 'We have deleted all the data we held about you (your checks, their results and any subscription).',
    subscribed: 'You will receive our weekly scam alerts. To stop them, send "unsubscribe".',
    unsubscribed: 'We have stopped the weekly scam alerts.',
    opted_out: 'You will not receive any more messages from us. Send START to resume.',
    opted_in: 'Messages are on again, including our weekly scam alerts. Send us a message you want to check.',
    help: 'Send us the text of a message you are unsure about and we will tell you whether it looks like a scam.\n"delete my data": we delete your data.\n"STOP": we stop messaging you.',
    apology:
      'Sorry, we could not check your message just now. Please try again in a little while.\nIf it is urgent, do not open any link, and call the police consultation line #9110 (in Japan).',
  },
  imageNote: 'Note: some pictures could not be received, so we judged the rest.',
  imageProblems: {
    too_large: (mb) =>
      `The picture is too large to read (up to ${mb} MB). Please send a screenshot of the screen instead.`,
    too_many_pixels: 'The picture is too big (width × height) to read. Please send a screenshot of the screen instead.',
    unsupported_format: 'This file could not be opened as a picture. Please send a screenshot (JPEG or PNG).',
    heic: 'HEIC photos cannot be read. Please send a screenshot, or copy and send the text.',
    animated: 'Moving pictures (animations) cannot be read. Please send a screenshot of the screen.',
    corrupt: 'The picture file is damaged and could not be read. Please take the screenshot again and send it.',
    ocr_failed: 'Reading the text in the picture took too long. Please copy and send the text instead.',
  },
  commands: {
    shared: {
      delete_data: ['delete my data', 'delete data'],
      subscribe: ['weekly scam alerts', 'subscribe'],
      help: ['help', 'info'],
    },
    // Twilio's standard opt-out and opt-in words (https://help.twilio.com/articles/223134027).
    twilio: { stop: ['stop', 'stopall', 'unsubscribe', 'cancel', 'end', 'quit'], start: ['start', 'unstop'] },
    line: { unsubscribe: ['unsubscribe', 'stop'] },
  },
};
