// The LLM pass over a templated tip (prompts/tips.v1.md), when an LLM is configured. The model only rewords:
// its text is refused — and the template kept — when it adds a link, phone number or any number not in the
// draft, drops the article link, changes language, calls anything safe (or names a messaging id or an app to
// install, judge/model-text.ts), or grows too long. Those guards are
// the judge's (judge/contacts.ts: stripUnknownContacts with the allow-list of consult/allowed.ts) plus a stricter
// rule for a broadcast: every digit must already be in the draft, so no invented statistic goes to everyone.
import type { AIMessage } from '@langchain/core/messages';
import { HumanMessage, SystemMessage } from '@langchain/core/messages';
import { z } from 'zod';
import { type ChatModelOptions, createChatModel } from '../judge/chat-model.ts';
import { type AllowedContacts, findContacts, stripUnknownContacts } from '../judge/contacts.ts';
import { modelClaim } from '../judge/model-text.ts';
import { loadPromptFile, type PromptFile, promptPath } from '../judge/prompt-file.ts';
import { KANA_RE } from '../text/script.ts';
import type { Tip } from './compose.ts';

export const DEFAULT_TIPS_PROMPT_FILE = promptPath('tips.v1.md');
export const TIP_FUNCTION_NAME = 'write_tip';
/** Longer than this many times the draft is not a polish any more. */
const MAX_GROWTH = 1.5;
const MIN_SHRINK = 0.5;

export type TipsPrompt = PromptFile;

export function loadTipsPrompt(file: string = DEFAULT_TIPS_PROMPT_FILE): TipsPrompt {
  return loadPromptFile(file, ['draft']);
}

const Polished = z.object({ text: z.string().min(1).max(5000) });

export interface TipPolisher {
  polish(tip: Tip): Promise<Tip>;
}

export interface TipPolisherOptions extends ChatModelOptions {
  allowed: AllowedContacts;
  prompt?: TipsPrompt;
}

const SENTENCE_END = /(?<=[。！？!?\n])/;

/** Why the model's text cannot go out in place of the draft, or null when it can. */
export function rejectPolished(
  draft: string,
  polished: string,
  lang: Tip['lang'],
  allowed: AllowedContacts,
): string | null {
  const text = polished.trim();
  if (stripUnknownContacts(text, allowed).removed > 0) return 'unknown_contact';
  const draftLinks = findContacts(draft)
    .found.filter((c) => c.kind === 'url')
    .map((c) => c.raw);
  if (draftLinks.some((l) => !text.includes(l))) return 'link_dropped';
  const draftNumbers = new Set(draft.match(/\d+/g) ?? []);
  if ((text.match(/\d+/g) ?? []).some((n) => !draftNumbers.has(n))) return 'new_number';
  if ((lang === 'ja') !== KANA_RE.test(text)) return 'wrong_language';
  // The judge's claim checks (judge/model-text.ts), sentence by sentence; a sentence of the draft's own may stay.
  const drafted = new Set(draft.split(SENTENCE_END).map((x) => x.trim()));
  for (const sentence of text.split(SENTENCE_END)) {
    const claim = drafted.has(sentence.trim()) ? null : modelClaim(sentence);
    if (claim === 'reassurance' || claim === 'contradiction') return 'safety_claim';
    if (claim !== null) return claim;
  }
  if (text.length > draft.length * MAX_GROWTH || text.length < draft.length * MIN_SHRINK) return 'length';
  return null;
}

export function createTipPolisher(opts: TipPolisherOptions): TipPolisher {
  const prompt = opts.prompt ?? loadTipsPrompt();
  const chat = createChatModel(opts, 0.2);
  const structured = chat.withStructuredOutput(Polished, {
    name: TIP_FUNCTION_NAME,
    method: 'functionCalling',
    includeRaw: true,
  });
  return {
    async polish(tip) {
      const meta = { promptVersion: prompt.version, model: opts.model };
      const fallback = (reason: string): Tip => ({ ...tip, ...meta, fallbackReason: reason });
      try {
        const lang = tip.lang === 'ja' ? 'Japanese' : 'English';
        const fill = (s: string) => s.replaceAll('{{lang}}', lang).replaceAll('{{draft}}', tip.text);
        const out = await structured.invoke([
          new SystemMessage(fill(prompt.system)),
          new HumanMessage(fill(prompt.user)),
        ]);
        const parsed = Polished.safeParse(out.parsed);
        if (!parsed.success) return fallback('invalid_output');
        const rejected = rejectPolished(tip.text, parsed.data.text, tip.lang, opts.allowed);
        if (rejected !== null) return fallback(rejected);
        const raw = out.raw as AIMessage;
        const model =
          typeof raw.response_metadata?.model_name === 'string' ? raw.response_metadata.model_name : opts.model;
        return { ...tip, text: parsed.data.text.trim(), by: 'llm', promptVersion: prompt.version, model };
      } catch (err) {
        return fallback((err as Error).name === 'TimeoutError' ? 'timeout' : 'llm_error');
      }
    },
  };
}
