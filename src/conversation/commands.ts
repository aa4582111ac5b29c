// Words a person can send that are instructions, not messages to check. Matched on the whole message
// (trimmed, NFKC, case-folded) so a forwarded scam text that merely contains "STOP" is still checked.
import { LANGS } from '../domain.ts';
import { WORDS } from '../words/book.ts';
import type { CommandWords } from '../words/types.ts';
import type { Command } from './types.ts';

/** A command's words in every language (a person may write either, whatever the answer language). */
const inAllLanguages = (pick: (w: CommandWords) => string[]) =>
  LANGS.flatMap((lang) => pick(WORDS[lang].replies.commands));

const SHARED: [Command, string[]][] = [
  ['delete_data', inAllLanguages((w) => w.shared.delete_data)],
  ['subscribe', inAllLanguages((w) => w.shared.subscribe)],
  ['help', inAllLanguages((w) => w.shared.help)],
];

// SMS / WhatsApp: Twilio's standard opt-out words (https://help.twilio.com/articles/223134027) and Japanese ones.
const TWILIO: [Command, string[]][] = [
  ['stop', inAllLanguages((w) => w.twilio.stop)],
  ['start', inAllLanguages((w) => w.twilio.start)],
  ...SHARED,
];

// LINE: blocking the account is the opt-out, so "stop" words there mean "no more weekly tips".
const LINE: [Command, string[]][] = [['unsubscribe', inAllLanguages((w) => w.line.unsubscribe)], ...SHARED];

/** Keywords Twilio's Advanced Opt-Out answers by itself on SMS: we stay quiet there to avoid a second answer. */
export const TWILIO_SELF_ANSWERED = new Set([
  'stop',
  'stopall',
  'unsubscribe',
  'cancel',
  'end',
  'quit',
  'start',
  'unstop',
  'help',
  'info',
]);

export function normalizeCommandText(text: string): string {
  return text
    .normalize('NFKC')
    .trim()
    .toLowerCase()
    .replace(/(?<![。.!！?？\s])[。.!！?？\s]+$/u, '');
}

/** Longer than this, a message is no command whatever it holds (no need to normalise it: webhook hot path). */
const MAX_COMMAND_TEXT_CHARS = 64;

/** The command a whole message is, or null when it is something to check or a follow-up. */
export function parseCommand(text: string, channel: 'line' | 'twilio'): Command | null {
  if (text.length > MAX_COMMAND_TEXT_CHARS) return null;
  const t = normalizeCommandText(text);
  if (t.length === 0 || t.length > 30) return null;
  for (const [command, words] of channel === 'line' ? LINE : TWILIO) {
    if (words.includes(t)) return command;
  }
  return null;
}
