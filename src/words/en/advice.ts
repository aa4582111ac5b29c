// What to do now and if already acted, by level, when no article fits the case (English).
import type { AdviceWords } from '../types.ts';

export const advice: AdviceWords = {
  danger: {
    advice: [
      'Do not open the link, reply or call.',
      'To check, use the official app or the number on the back of your card, in your bankbook or contract. Never use a number or link from the message.',
      'You can delete this message.',
    ],
    ifAlreadyActed: [
      'If you entered a card number, call the number on the back of the card and ask them to stop the card.',
      'If you entered an ID or password, change the password at once in the official app or site.',
      'If you paid, contact the police consultation line (#9110 in Japan) straight away.',
      'Being tricked is nothing to be ashamed of. Please talk to family or a help line.',
    ],
  },
  caution: {
    advice: [
      'Do not open the link or call back yet.',
      'To check whether it is genuine, use the official app or a contact you look up yourself, not the number or link in the message.',
      'If unsure, ask family or a help line.',
    ],
    ifAlreadyActed: [
      'If you entered a card number or password, contact your card company and change the password.',
      'If you paid, contact the police consultation line (#9110) or the consumer hotline (188).',
    ],
  },
  low: {
    advice: [
      'We found no common scam signs. That does not prove it is genuine.',
      'If you are asked for money, a PIN or a verification code, stop and ask someone first.',
      'To check, use the official app or a contact you look up yourself.',
    ],
    ifAlreadyActed: [
      'If you feel uneasy later, call your bank or card company on the number on your card or bankbook.',
      'You can ask the police consultation line (#9110) or the consumer hotline (188) for advice.',
    ],
  },
  unknown: {
    advice: [
      'We found nothing to judge. Please paste the text of the message that worried you.',
      'A link or a phone number on its own can be checked too.',
    ],
    ifAlreadyActed: ['You can ask the police consultation line (#9110) or the consumer hotline (188) for advice.'],
  },
};
