// The one way anshin talks to an LLM: LangChain's ChatOpenAI against any OpenAI-compatible endpoint
// (OPENAI_BASE_URL), with the configured model, timeout and retries. Used by the judge, the weekly-tip polish
// and screenshot transcription.
import { ChatOpenAI } from '@langchain/openai';
import type { Config } from '../config.ts';

export interface ChatModelOptions {
  apiKey: string;
  /** OPENAI_BASE_URL; the OpenAI API when absent. */
  baseURL?: string;
  model: string;
  /** Per attempt (LLM_TIMEOUT_MS). */
  timeoutMs: number;
  /** Attempts after the first on timeouts, 5xx and network errors (never on 4xx or a bad answer). */
  maxRetries: number;
}

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

/** The LLM settings of a configuration, or undefined when no LLM is configured (no OPENAI_API_KEY). */
export function chatModelOptionsOf(config: Config): ChatModelOptions | undefined {
  if (config.OPENAI_API_KEY === undefined) return undefined;
  return {
    apiKey: config.OPENAI_API_KEY,
    model: config.LLM_MODEL,
    timeoutMs: config.LLM_TIMEOUT_MS,
    maxRetries: config.LLM_MAX_RETRIES,
    ...(config.OPENAI_BASE_URL ? { baseURL: config.OPENAI_BASE_URL } : {}),
  };
}
