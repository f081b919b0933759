import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { isDatabaseUnavailable } from '../db/unavailable.ts';
import { AppError, type ErrorDetail } from './errors.ts';
import { ErrorCode } from './error-codes.ts';

function fieldPath(instancePath: string, httpPart: string | undefined): string {
  const path = instancePath.replace(/^\//, '').replaceAll('/', '.');
  if (path) return path;
  return httpPart ?? 'body';
}

/** Fastify's own client errors, mapped to the envelope's codes. */
const FASTIFY_CLIENT_ERRORS: Record<string, { status: number; code: ErrorCode; message?: string }> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    status: 415,
    code: ErrorCode.UNSUPPORTED_MEDIA_TYPE,
    message: 'Send the body as application/json',
  },
  FST_ERR_CTP_BODY_TOO_LARGE: {
    status: 413,
    code: ErrorCode.PAYLOAD_TOO_LARGE,
    message: 'The request body is too large',
  },
  FST_ERR_CTP_EMPTY_JSON_BODY: { status: 400, code: ErrorCode.INVALID_JSON, message: 'The JSON body is empty' },
  FST_ERR_CTP_INVALID_JSON_BODY: { status: 400, code: ErrorCode.INVALID_JSON, message: 'The body is not valid JSON' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: {
    status: 400,
    code: ErrorCode.BAD_REQUEST,
    message: 'Content-Length does not match the body',
  },
};

function send(
  reply: FastifyReply,
  request: FastifyRequest,
  status: number,
  code: ErrorCode,
  message: string,
  details?: ErrorDetail[],
) {
  return reply.status(status).send({
    success: false,
    error: { code, message, ...(details?.length ? { details } : {}), requestId: String(request.id) },
  });
}

export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof AppError) {
      if (error.headers) reply.headers(error.headers);
      return send(reply, request, error.statusCode, error.code, error.message, error.details);
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const details = error.validation.map((issue) => ({
        field: fieldPath(issue.instancePath, error.validationContext),
        message: issue.message ?? 'is invalid',
      }));
      return send(reply, request, 400, ErrorCode.VALIDATION_ERROR, 'The request is invalid', details);
    }
    // SyntaxError from the JSON parser carries statusCode 400 and no FST code.
    const known = error.code ? FASTIFY_CLIENT_ERRORS[error.code] : undefined;
    if (known) return send(reply, request, known.status, known.code, known.message ?? error.message);
    if (error.statusCode === 429) {
      return send(reply, request, 429, ErrorCode.RATE_LIMITED, error.message || 'Too many requests, slow down');
    }
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      const code = error instanceof SyntaxError ? ErrorCode.INVALID_JSON : ErrorCode.BAD_REQUEST;
      return send(reply, request, error.statusCode, code, error.message);
    }
    if (isDatabaseUnavailable(error)) {
      request.log.warn({ err: error }, 'database unavailable');
      reply.header('retry-after', '5');
      return send(
        reply,
        request,
        503,
        ErrorCode.SERVICE_UNAVAILABLE,
        'The service is briefly unavailable; retry in a few seconds',
      );
    }
    request.log.error({ err: error }, 'unhandled error');
    return send(
      reply,
      request,
      500,
      ErrorCode.INTERNAL_ERROR,
      'Something went wrong on our side; quote the request id when reporting it',
    );
  });

  app.setNotFoundHandler((request, reply) =>
    send(reply, request, 404, ErrorCode.NOT_FOUND, `No route for ${request.method} ${request.url.split('?')[0]}`),
  );
}
