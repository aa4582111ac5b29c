// LLM_VISION: an OpenAI-compatible vision model transcribes the picture, for screenshots the OCR reads
// poorly (photos of a screen, unusual fonts). What it returns is untrusted text like any other: it goes
// through the same normalisation, evidence and guards; it is never treated as an instruction or a verdict.
// Image input in chat messages: https://platform.openai.com/docs/guides/images-vision
import { HumanMessage, SystemMessage } from '@langchain/core/messages';
import { type ChatModelOptions, createChatModel } from '../judge/chat-model.ts';
import { loadPromptFile, promptPath } from '../judge/prompt-file.ts';

/** The vision prompt, a versioned file like the judge's (prompts/transcribe.v1.md). */
const prompt = () => loadPromptFile(promptPath('transcribe.v1.md'), []);
const NO_TEXT = 'NO_TEXT';
/** Longest transcription kept; a screenshot holds far less. */
const MAX_TRANSCRIPT_CHARS = 8_000;

export interface VisionTranscriber {
  /** The text in the picture, null when the model saw none or failed (the OCR text is used then). */
  transcribe(jpeg: Buffer): Promise<string | null>;
}

export type VisionOptions = ChatModelOptions;

export function createVisionTranscriber(opts: VisionOptions): VisionTranscriber {
  const chat = createChatModel(opts);
  return {
    async transcribe(jpeg) {
      try {
        const out = await chat.invoke([
          new SystemMessage(prompt().system),
          new HumanMessage({
            content: [
              { type: 'text', text: prompt().user },
              { type: 'image_url', image_url: { url: `data:image/jpeg;base64,${jpeg.toString('base64')}` } },
            ],
          }),
        ]);
        const text = typeof out.content === 'string' ? out.content : out.text;
        const trimmed = text.trim().slice(0, MAX_TRANSCRIPT_CHARS);
        return trimmed === '' || trimmed === NO_TEXT ? null : trimmed;
      } catch {
        // Any failure (timeout, HTTP error, refusal) leaves the OCR text to stand on its own.
        return null;
      }
    },
  };
}
