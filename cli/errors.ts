/** A problem with how the command was called or with its input: exit code 2, no stack trace. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/**
 * Exit codes, the same for every command: 0 yes / passed / done, 1 no / failed, 2 usage or input
 * error, 3 undetermined (the answer depends on policies netpol-check does not evaluate).
 */
export const EXIT = { ok: 0, no: 1, error: 2, undetermined: 3 } as const;
