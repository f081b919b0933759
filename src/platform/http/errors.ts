import { ErrorCode } from './error-codes.ts';

/** A problem the client can act on: it becomes the `error` object of the response envelope. */
export interface ErrorDetail {
  field: string;
  message: string;
}

export class AppError extends Error {
  constructor(
    public readonly statusCode: number,
    public readonly code: ErrorCode,
    message: string,
    public readonly details?: ErrorDetail[],
    /** Extra response headers, e.g. Retry-After on 429. */
    public readonly headers?: Record<string, string>,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const badRequest = (message: string, details?: ErrorDetail[]) =>
  new AppError(400, ErrorCode.BAD_REQUEST, message, details);
export const validationError = (message: string, details: ErrorDetail[]) =>
  new AppError(400, ErrorCode.VALIDATION_ERROR, message, details);
export const unauthorized = (message = 'Authentication required', code: ErrorCode = ErrorCode.UNAUTHORIZED) =>
  new AppError(401, code, message);
export const forbidden = (message = 'You are not allowed to do this') =>
  new AppError(403, ErrorCode.FORBIDDEN, message);
export const notFound = (what = 'Resource') => new AppError(404, ErrorCode.NOT_FOUND, `${what} not found`);
export const conflict = (message: string, details?: ErrorDetail[]) =>
  new AppError(409, ErrorCode.CONFLICT, message, details);
export const payloadTooLarge = (message: string) => new AppError(413, ErrorCode.PAYLOAD_TOO_LARGE, message);
export const unprocessable = (message: string, code: ErrorCode = ErrorCode.UNPROCESSABLE) =>
  new AppError(422, code, message);
export const tooManyRequests = (retryAfterSeconds: number, message = 'Too many requests, slow down') =>
  new AppError(429, ErrorCode.RATE_LIMITED, message, undefined, {
    'retry-after': String(Math.max(1, Math.ceil(retryAfterSeconds))),
  });
export const serviceUnavailable = (message: string) => new AppError(503, ErrorCode.SERVICE_UNAVAILABLE, message);
