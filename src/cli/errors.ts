/**
 * The errors a maintainer meets on the command line: each becomes one `glossary: …` line on
 * stderr and an exit code (2 for usage, 1 for data), never a stack trace.
 */

/** Exit code of a command-line usage error (unknown command or flag, missing argument). */
const EXIT_USAGE = 2;
/** Exit code of a data error (missing or unreadable file, not JSON, wrong shape, invalid glossary). */
export const EXIT_DATA = 1;

/** An error to report as one line, with the process exit code to use. */
export class CliError extends Error {
  /** Process exit code. */
  readonly exitCode: number;

  constructor(message: string, exitCode: number = EXIT_DATA) {
    super(message);
    this.name = 'CliError';
    this.exitCode = exitCode;
  }
}

/** A usage error (exit code 2). */
export function usageError(message: string): CliError {
  return new CliError(message, EXIT_USAGE);
}

/** Plain words for a file-system error code (ENOENT → "no such file or directory"). */
export function describeFsError(err: unknown): string {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file or directory';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a directory, not a file';
    case 'ENOTDIR':
      return 'not a directory';
    default:
      return err instanceof Error ? err.message : String(err);
  }
}
