/** The CLI's exit codes (documented in the top usage). */
export const exitCodes = {
  ok: 0,
  /** A verification failed, nothing matched, or the platform refused the operation. */
  failed: 1,
  /** Bad usage or configuration. */
  usage: 2,
  /** The platform is unreachable, or a runtime error. */
  runtime: 3,
} as const;

/** An expected failure with its message and exit code; main prints the message and exits with the code. */
export class CliFailure extends Error {
  override readonly name = 'CliFailure';
  readonly exitCode: number;
  constructor(message: string, exitCode: number) {
    super(message);
    this.exitCode = exitCode;
  }
}

/** A bad argument or option value (exit 2). */
export function usageFailure(message: string): CliFailure {
  return new CliFailure(message, exitCodes.usage);
}
