// Sizes and caps that more than one part of anshin holds to: how much of a message and how many pictures a
// consultation takes, whichever way it came in, and how many reasons an answer gives, whichever judge gave it.
// A limit only one module enforces stays beside it (decoding in image/limits.ts, each platform's own in its
// channel folder).

/** Text a consultation reads, in UTF-16 code units; the rest is cut and the answer says so. An SMS is ~70-670, a long mail ~10k. */
export const MAX_TEXT_CHARS = 20_000;

/**
 * Largest picture accepted, in bytes, by every way in: fetched from LINE or Twilio, uploaded on the try page or
 * to POST /v1/check, read with `anshin check --image`. LINE itself allows 10 MB; a bigger file is a camera photo,
 * not a screenshot.
 */
export const MAX_IMAGE_BYTES = 20 * 1024 * 1024;

/** Pictures read in one consultation; a burst with more is read on its first ones (a person sends one or two). */
export const MAX_IMAGES_PER_CONSULTATION = 4;

/** Reasons one answer gives, whichever judge answered: the strongest first, few enough for a person to read. */
export const MAX_REASONS_PER_ANSWER = 6;
