// Why a picture could not be read, as a typed error and as sentences for the person.
import type { Bilingual } from '../domain.ts';
import { MAX_IMAGE_BYTES } from '../limits.ts';

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

export const PROBLEM_TEXT: Record<ImageProblem, Bilingual> = {
  too_large: {
    ja: `画像のファイルが大きすぎるため（${MB}MBまで）、読み取れませんでした。画面のスクリーンショットを送ってください。`,
    en: `The picture is too large to read (up to ${MB} MB). Please send a screenshot of the screen instead.`,
  },
  too_many_pixels: {
    ja: '画像の大きさ（縦横の広さ）が大きすぎるため、読み取れませんでした。画面のスクリーンショットを送ってください。',
    en: 'The picture is too big (width × height) to read. Please send a screenshot of the screen instead.',
  },
  unsupported_format: {
    ja: '画像として開けないファイルでした。スクリーンショット（JPEG・PNG）で送ってください。',
    en: 'This file could not be opened as a picture. Please send a screenshot (JPEG or PNG).',
  },
  heic: {
    ja: 'HEIC形式の写真は読み取れません。スクリーンショットで送るか、文章をコピーして送ってください。',
    en: 'HEIC photos cannot be read. Please send a screenshot, or copy and send the text.',
  },
  animated: {
    ja: '動く画像（アニメーション）は読み取れません。止まった画面のスクリーンショットを送ってください。',
    en: 'Moving pictures (animations) cannot be read. Please send a screenshot of the screen.',
  },
  corrupt: {
    ja: '画像のファイルが壊れているため、読み取れませんでした。もう一度スクリーンショットを撮って送ってください。',
    en: 'The picture file is damaged and could not be read. Please take the screenshot again and send it.',
  },
  ocr_failed: {
    ja: '画像の文字を読み取る途中で時間切れになりました。お手数ですが、文章をコピーして送ってください。',
    en: 'Reading the text in the picture took too long. Please copy and send the text instead.',
  },
};
