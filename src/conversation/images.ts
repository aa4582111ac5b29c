// Fetching pictures from the platforms: bounded in size before anything reads them (src/image/ reads them).
import { MAX_IMAGE_BYTES } from '../limits.ts';

export class ImageTooLargeError extends Error {
  override name = 'ImageTooLargeError';
}

/** Reads a stream or web body into memory, stopping as soon as it passes the limit. */
export async function readLimited(chunks: AsyncIterable<Uint8Array>, limitBytes = MAX_IMAGE_BYTES): Promise<Buffer> {
  const parts: Buffer[] = [];
  let total = 0;
  for await (const chunk of chunks) {
    total += chunk.byteLength;
    if (total > limitBytes) throw new ImageTooLargeError(`image is larger than ${limitBytes} bytes`);
    parts.push(Buffer.from(chunk));
  }
  return Buffer.concat(parts);
}
