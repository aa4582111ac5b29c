// The LLM judge: one function call to any OpenAI-compatible endpoint through LangChain's ChatOpenAI,
// answered as a zod-checked LlmJudgement. It never throws: a timeout, an HTTP error, a network failure
// or an answer that breaks the schema all come back as { ok: false } so the caller can fall back to the
// local judge (DESIGN.md, "judge"). Message text is never logged here; the caller logs outcomes only.
// LangChain structured output: https://js.langchain.com/docs/how_to/structured_output/
import type { AIMessage } from '@langchain/core/messages';
import { HumanMessage, SystemMessage } from '@langchain/core/messages';
import type { LlmUsage } from '../domain.ts';
import { type ChatModelOptions, createChatModel } from './chat-model.ts';
import { LlmJudgement } from './llm-schema.ts';
import { buildJudgeMessages, type JudgePrompt, type LlmJudgeInput, loadJudgePrompt } from './prompt.ts';

export type { LlmJudgeInput } from './prompt.ts';

export const JUDGE_FUNCTION_NAME = 'record_judgement';

/**
 * LangChain waits between attempts (p-retry: 1 s × 2^(n-1), randomised up to twice that). The overall
 * deadline allows for those waits, so a retry can happen at all, plus a small margin for parsing.
 */
const RETRY_BACKOFF_FIRST_MS = 1_000;
const DEADLINE_MARGIN_MS = 500;

export type LlmFailureReason = 'timeout' | 'http_error' | 'invalid_output' | 'network';

export type LlmResult =
  | { ok: true; judgement: LlmJudgement; promptVersion: string; model: string; usage?: LlmUsage; ms: number }
  | { ok: false; reason: LlmFailureReason; detail: string; promptVersion: string; model: string; ms: number };

export interface LlmJudge {
  judge(input: LlmJudgeInput): Promise<LlmResult>;
}

export interface LlmJudgeOptions extends ChatModelOptions {
  /** Another prompt file (tests, a new prompt version under trial). */
  prompt?: JudgePrompt;
}

/** Longest judge() can take: every attempt timing out, plus LangChain's waits between them. */
export function judgeDeadlineMs(timeoutMs: number, maxRetries: number): number {
  const backoffMs = 2 * RETRY_BACKOFF_FIRST_MS * (2 ** maxRetries - 1);
  return timeoutMs * (maxRetries + 1) + backoffMs + DEADLINE_MARGIN_MS;
}

class DeadlineError extends Error {
  override name = 'DeadlineError';
}

/** Throws PromptFileError when the prompt file is missing or malformed; judge() itself never throws. */
export function createLlmJudge(opts: LlmJudgeOptions): LlmJudge {
  const chat = createChatModel(opts);
  const structured = chat.withStructuredOutput(LlmJudgement, {
    name: JUDGE_FUNCTION_NAME,
    method: 'functionCalling',
    includeRaw: true,
  });
  const deadlineMs = judgeDeadlineMs(opts.timeoutMs, opts.maxRetries);
  // Loaded now so that a missing or broken prompt file stops the start, not every consultation.
  const prompt = opts.prompt ?? loadJudgePrompt();

  return {
    async judge(input) {
      const started = performance.now();
      const fail = (reason: LlmFailureReason, detail: string): LlmResult => ({
        ok: false,
        reason,
        detail,
        promptVersion: prompt.version,
        model: opts.model,
        ms: Math.round(performance.now() - started),
      });
      const controller = new AbortController();
      let timer: NodeJS.Timeout | undefined;
      try {
        const [system, user] = buildJudgeMessages(input, prompt);
        const deadline = new Promise<never>((_, reject) => {
          timer = setTimeout(() => {
            const err = new DeadlineError(`no answer within ${deadlineMs} ms`);
            controller.abort(err);
            reject(err);
          }, deadlineMs);
        });
        // The race keeps the deadline even if an abort is not honoured somewhere below.
        const out = await Promise.race([
          structured.invoke([new SystemMessage(system), new HumanMessage(user)], { signal: controller.signal }),
          deadline,
        ]);
        const raw = out.raw as AIMessage;
        // includeRaw turns a parse failure into parsed: null; check again with our own schema either way.
        const checked = LlmJudgement.safeParse(out.parsed ?? toolArguments(raw));
        if (!checked.success) {
          const detail =
            out.parsed == null && !hasToolCall(raw) ? 'no function call in the answer' : schemaDetail(checked.error);
          return fail('invalid_output', detail);
        }
        const usage = toUsage(raw);
        const model =
          typeof raw.response_metadata?.model_name === 'string' ? raw.response_metadata.model_name : opts.model;
        return {
          ok: true,
          judgement: checked.data,
          promptVersion: prompt.version,
          model,
          ...(usage ? { usage } : {}),
          ms: Math.round(performance.now() - started),
        };
      } catch (err) {
        const [reason, detail] = classify(err, controller.signal.aborted);
        return fail(reason, detail);
      } finally {
        clearTimeout(timer);
      }
    },
  };
}

function hasToolCall(raw: AIMessage): boolean {
  return (raw.tool_calls?.length ?? 0) > 0 || (raw.invalid_tool_calls?.length ?? 0) > 0;
}

/** The arguments of our function call, so a parse failure can be explained from the schema. */
function toolArguments(raw: AIMessage): unknown {
  const call = raw.tool_calls?.find((c) => c.name === JUDGE_FUNCTION_NAME);
  return call?.args;
}

function schemaDetail(error: { issues: { path: PropertyKey[]; message: string }[] }): string {
  return error.issues
    .slice(0, 3)
    .map((i) => `${i.path.map(String).join('.') || '(root)'}: ${i.message}`)
    .join('; ');
}

function toUsage(raw: AIMessage): LlmUsage | undefined {
  const u = raw.usage_metadata;
  if (!u) return undefined;
  return { promptTokens: u.input_tokens, completionTokens: u.output_tokens, totalTokens: u.total_tokens };
}

/** Sorts a failure into the reasons callers act on. Details name the error, never the message text. */
function classify(err: unknown, aborted: boolean): [LlmFailureReason, string] {
  const e = (err ?? {}) as { name?: unknown; message?: unknown; status?: unknown; code?: unknown };
  const name = typeof e.name === 'string' ? e.name : 'Error';
  const message = typeof e.message === 'string' ? e.message.slice(0, 200) : String(err).slice(0, 200);
  if (err instanceof DeadlineError || aborted) return ['timeout', message];
  if (name === 'TimeoutError' || name === 'APIConnectionTimeoutError' || name === 'AbortError') {
    return ['timeout', `${name}: ${message}`];
  }
  if (typeof e.status === 'number') return ['http_error', `HTTP ${e.status}: ${message}`];
  if (/OutputParser|ZodError|SyntaxError/.test(name)) return ['invalid_output', `${name}: ${message}`];
  return ['network', `${name}${typeof e.code === 'string' ? ` ${e.code}` : ''}: ${message}`];
}
