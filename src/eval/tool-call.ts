// The body an OpenAI-compatible endpoint answers with when its model calls one function (a tool call): what the
// fakes at the HTTP boundary send, the eval's hostile model (hostile-model.ts) and the tests' fake endpoints.
// https://platform.openai.com/docs/api-reference/chat/object

export interface TokenUsage {
  prompt_tokens: number;
  completion_tokens: number;
}

export function toolCallCompletion(
  name: string,
  args: unknown,
  opts: { model?: string; usage?: TokenUsage; created?: number } = {},
) {
  const { usage } = opts;
  return {
    id: 'chatcmpl-fake',
    object: 'chat.completion',
    created: opts.created ?? 1,
    model: opts.model ?? 'fake',
    ...(usage ? { usage: { ...usage, total_tokens: usage.prompt_tokens + usage.completion_tokens } } : {}),
    choices: [
      {
        index: 0,
        finish_reason: 'tool_calls',
        message: {
          role: 'assistant',
          content: null,
          tool_calls: [{ id: 'call_1', type: 'function', function: { name, arguments: JSON.stringify(args) } }],
        },
      },
    ],
  };
}
