// The LLM settings of a configuration, apart from the model client itself: asking "is an LLM configured?"
// must not load LangChain (a text check with no OPENAI_API_KEY never needs it). chat-model.ts builds the client.
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
