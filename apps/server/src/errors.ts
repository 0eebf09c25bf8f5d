import type { ErrorCode } from '@zhizhao/contracts';

/** A refusal with a catalogue code (packages/contracts/src/errors.ts); the error handler renders it. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly details?: unknown,
  ) {
    super(code);
  }
}
