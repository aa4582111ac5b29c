// The one way anshin talks to an LLM: LangChain's ChatOpenAI against any OpenAI-compatible endpoint
// (OPENAI_BASE_URL), with the configured model, timeout and retries. Used by the judge, the weekly-tip polish
// and screenshot transcription. Imported only once an LLM is configured (chat-options.ts tells), because
// LangChain takes a third of a second and tens of MB to load.
import { ChatOpenAI } from '@langchain/openai';
import type { ChatModelOptions } from './chat-options.ts';

export { type ChatModelOptions, chatModelOptionsOf } from './chat-options.ts';

export function createChatModel(opts: ChatModelOptions, temperature = 0): ChatOpenAI {
  return new ChatOpenAI({
    model: opts.model,
    apiKey: opts.apiKey,
    maxRetries: opts.maxRetries,
    timeout: opts.timeoutMs,
    temperature,
    configuration: opts.baseURL ? { baseURL: opts.baseURL } : {},
  });
}
