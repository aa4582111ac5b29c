// Limits on the pictures we read. A picture is attacker-controlled input: its size on the wire and its size
// once decoded are both capped before any pixel is decoded (a 100 KB PNG can claim 50,000 × 50,000 pixels).
// Its bytes and the pictures per consultation are capped for every way in, in src/limits.ts.

/** Largest image accepted, in decoded pixels (a 48-megapixel phone photo fits; decompression bombs do not). */
export const MAX_INPUT_PIXELS = 50_000_000;
/** Working copy: longest side after decoding, in pixels. Larger photos are shrunk on load. */
export const MAX_WORK_SIDE_PX = 4_096;
/** OCR input: widest, in pixels. Phone screenshots (1080-1290 px) stay sharp; photos are shrunk. */
export const OCR_MAX_WIDTH_PX = 1_600;
/** OCR input: most pixels (a long scrolling screenshot is shrunk to this, not read for tens of seconds). */
export const OCR_MAX_PIXELS = 6_000_000;
/** QR decoding is tried on a copy shrunk to this longest side first (fast), then on the working copy. */
export const QR_SMALL_SIDE_PX = 1_024;
/** One OCR recognition may take this long before its worker is replaced and the image reported unread. */
export const OCR_TIMEOUT_MS = 12_000;
/** What the LLM is shown when LLM_VISION is on: longest side, in pixels. */
export const VISION_MAX_SIDE_PX = 1_280;
