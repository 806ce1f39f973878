/**
 * Error codes and the result envelope every contract method returns, on both transports.
 * Messages are Chinese and tell the user what to do.
 */
export const ERROR_CODES = ['VALIDATION', 'NOT_FOUND', 'CONFLICT', 'FORBIDDEN', 'UNAUTHENTICATED', 'INTERNAL'] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** One field's problem: `path` is the dotted path into the input (`items.0.name`). */
export interface ErrorDetail {
  path: string;
  message: string;
}

export interface ErrorBody {
  code: ErrorCode;
  message: string;
  details?: ErrorDetail[];
}

export type Result<T> = { ok: true; data: T } | { ok: false; error: ErrorBody };

/** Thrown by backend code to end a call with a typed error; dispatch turns it into the envelope. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details?: ErrorDetail[];

  constructor(code: ErrorCode, message: string, details?: ErrorDetail[]) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }

  toBody(): ErrorBody {
    return this.details
      ? { code: this.code, message: this.message, details: this.details }
      : { code: this.code, message: this.message };
  }
}

export const ok = <T>(data: T): Result<T> => ({ ok: true, data });

export const fail = (code: ErrorCode, message: string, details?: ErrorDetail[]): Result<never> => ({
  ok: false,
  error: details ? { code, message, details } : { code, message },
});

export const isErrorCode = (value: unknown): value is ErrorCode =>
  typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
