/** A command was called the wrong way: the CLI prints the message and usage and exits 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** A file named on the command line cannot be read: the CLI prints the message and exits 1. */
export class InputFileError extends Error {
  override name = 'InputFileError';
  constructor(
    readonly file: string,
    code: string | undefined,
    what = 'file',
  ) {
    super(`cannot read ${what} ${file}: ${FILE_PROBLEMS[code ?? ''] ?? code ?? 'unreadable'}`);
  }
}

const FILE_PROBLEMS: Record<string, string> = {
  ENOENT: 'no such file (check the path)',
  EACCES: 'permission denied',
  EISDIR: 'it is a folder, not a file',
  ENOTDIR: 'a part of the path is not a folder',
};
