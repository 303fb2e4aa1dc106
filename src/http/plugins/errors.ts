// The one place where errors become HTTP responses in Mastodon's shape: {"error": "..."}.
// Internal errors are logged with their stack and answered with a generic message.
import type { FastifyError, FastifyInstance } from 'fastify';
import { AppError } from '../../domain/errors.ts';

// Fastify's own errors that are the client's fault, with the message we show for them.
const CLIENT_ERRORS: Record<string, [number, string]> = {
  FST_ERR_CTP_BODY_TOO_LARGE: [413, 'Request body is too large'],
  FST_ERR_CTP_INVALID_MEDIA_TYPE: [415, 'Unsupported content type'],
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: [400, 'Invalid Content-Length'],
  FST_ERR_CTP_EMPTY_JSON_BODY: [400, 'Empty JSON body'],
  FST_ERR_CTP_INVALID_JSON_BODY: [400, 'Malformed JSON in request body'],
  FST_INVALID_MULTIPART_CONTENT_TYPE: [400, 'Malformed multipart body'],
  FST_REQ_FILE_TOO_LARGE: [413, 'File is too large'],
  FST_PARTS_LIMIT: [413, 'Too many parts in multipart body'],
  FST_FILES_LIMIT: [413, 'Too many files'],
  FST_FIELDS_LIMIT: [413, 'Too many fields'],
  FST_PROTO_VIOLATION: [400, 'Malformed multipart body'],
  FST_ERR_BAD_URL: [400, 'Malformed URL'],
  FST_ERR_ASYNC_CONSTRAINT: [400, 'Bad request'],
};

export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError | AppError, request, reply) => {
    if (err instanceof AppError) {
      if (err.headers) reply.headers(err.headers);
      const body: Record<string, unknown> = { error: err.publicMessage, ...(err.extra ?? {}) };
      if (err.description) body.error_description = err.description;
      return reply.status(err.status).send(body);
    }
    const known = err.code ? CLIENT_ERRORS[err.code] : undefined;
    if (known) return reply.status(known[0]).send({ error: known[1] });
    if (err.validation) return reply.status(400).send({ error: err.message });
    // Multipart stream errors (busboy) about malformed input carry no Fastify code.
    if (typeof err.statusCode === 'number' && err.statusCode >= 400 && err.statusCode < 500) {
      return reply.status(err.statusCode).send({ error: 'Bad request' });
    }
    request.log.error({ err }, 'unhandled error');
    return reply.status(500).send({ error: 'Internal server error' });
  });

  app.setNotFoundHandler((_request, reply) => reply.status(404).send({ error: 'Record not found' }));
}
