// Why a picture could not be read, as a typed error and as sentences for the person.
import type { Lang } from '../domain.ts';
import { MAX_IMAGE_BYTES } from '../limits.ts';
import { WORDS } from '../words/book.ts';

export type ImageProblem =
  | 'too_large' // more bytes than MAX_IMAGE_BYTES
  | 'too_many_pixels' // more pixels than MAX_INPUT_PIXELS (decompression bombs)
  | 'unsupported_format' // not a JPEG, PNG, WebP, GIF, AVIF or TIFF (a text file sent as image/png)
  | 'heic' // HEIC photos: sharp's prebuilt libvips has no HEVC decoder
  | 'animated' // several frames: a sticker or an animation, not a screenshot
  | 'corrupt' // the decoder gave up (a truncated file)
  | 'ocr_failed'; // the text recogniser timed out or failed

export class ImageReadError extends Error {
  override name = 'ImageReadError';
  constructor(
    readonly problem: ImageProblem,
    message: string,
  ) {
    super(message);
  }
}

const MB = Math.round(MAX_IMAGE_BYTES / 1024 / 1024);

/** Why a picture could not be read, for the person (src/words/{ja,en}/replies.ts). */
export function problemText(problem: ImageProblem, lang: Lang): string {
  const sentences = WORDS[lang].replies.imageProblems;
  return problem === 'too_large' ? sentences.too_large(MB) : sentences[problem];
}
