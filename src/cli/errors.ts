/** A command was called the wrong way: the CLI prints the message and usage and exits 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}
