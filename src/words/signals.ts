// A signal's sentence in both languages, from the books of words (ja/signals.ts, en/signals.ts). Producers of
// signals call signalDetail with their code and, where the sentence names a host, brand or number, its parameters.
import type { Bilingual } from '../domain.ts';
import type { SignalCode } from '../signal-codes.ts';
import { signals as en } from './en/signals.ts';
import { signals as ja } from './ja/signals.ts';
import type { SignalParams, SignalWords } from './signal-params.ts';

/** The parameters a code's sentence takes: none for a fixed sentence. */
export type SignalArgs<K extends SignalCode> = K extends keyof SignalParams ? [params: SignalParams[K]] : [];

function say(words: SignalWords, code: SignalCode, params: unknown): string {
  const w = words[code] as string | ((p: unknown) => string);
  return typeof w === 'function' ? w(params) : w;
}

/** The sentence for a signal, in Japanese and English. */
export function signalDetail<K extends SignalCode>(code: K, ...args: SignalArgs<K>): Bilingual {
  const [params] = args;
  return { ja: say(ja, code, params), en: say(en, code, params) };
}
