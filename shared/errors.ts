/**
 * Error codes and the result envelope every contract method returns, on both transports.
 * Messages are Chinese and tell the user what to do.
 */
export const ERROR_CODES = [
  'VALIDATION',
  'NOT_FOUND',
  'CONFLICT',
  'FORBIDDEN',
  'UNAUTHENTICATED',
  'INTERNAL',
  // Client mode only: main could not reach the centre server, so the call changed nothing there.
  'SERVER_UNREACHABLE',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** The message of `SERVER_UNREACHABLE`, as the connection banner says it. */
export const SERVER_UNREACHABLE_MESSAGE = '与中心服务器的连接已断开';

/** One field's problem: `path` is the dotted path into the input (`items.0.name`). */
export interface ErrorDetail {
  path: string;
  message: string;
}

/**
 * Machine-readable sub-reasons the renderer acts on (lock screen, forced password change, a full
 * disk, a damaged data file that sends it to the recovery screen).
 */
export const ERROR_REASONS = ['SESSION_EXPIRED', 'PASSWORD_CHANGE_REQUIRED', 'DISK_FULL', 'DATABASE_DAMAGED'] as const;
export type ErrorReason = (typeof ERROR_REASONS)[number];

export interface ErrorBody {
  code: ErrorCode;
  message: string;
  details?: ErrorDetail[];
  reason?: ErrorReason;
}

export type Result<T> = { ok: true; data: T } | { ok: false; error: ErrorBody };

/** Thrown by backend code to end a call with a typed error; dispatch turns it into the envelope. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details?: ErrorDetail[];
  readonly reason?: ErrorReason;

  constructor(code: ErrorCode, message: string, details?: ErrorDetail[], reason?: ErrorReason) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
    this.reason = reason;
  }

  toBody(): ErrorBody {
    return {
      code: this.code,
      message: this.message,
      ...(this.details ? { details: this.details } : {}),
      ...(this.reason ? { reason: this.reason } : {}),
    };
  }
}

export const ok = <T>(data: T): Result<T> => ({ ok: true, data });

export const fail = (code: ErrorCode, message: string, details?: ErrorDetail[]): Result<never> => ({
  ok: false,
  error: details ? { code, message, details } : { code, message },
});

export const isErrorCode = (value: unknown): value is ErrorCode =>
  typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
