// The one error type of Parley: an HTTP status and a message that is safe to show to a client.
// Anything else thrown is an internal error and is reported as a generic 500.
export class AppError extends Error {
  readonly status: number;
  readonly publicMessage: string;
  readonly description: string | undefined;
  readonly headers: Record<string, string> | undefined;
  /** Extra fields merged into the error body (e.g. `details` for validation errors). */
  readonly extra: Record<string, unknown> | undefined;

  constructor(
    status: number,
    publicMessage: string,
    opts: { description?: string; headers?: Record<string, string>; extra?: Record<string, unknown> } = {},
  ) {
    super(publicMessage);
    this.status = status;
    this.publicMessage = publicMessage;
    this.description = opts.description;
    this.headers = opts.headers;
    this.extra = opts.extra;
  }
}

export const badRequest = (msg: string) => new AppError(400, msg);
export const unauthorized = (msg = 'The access token is invalid') => new AppError(401, msg);
export const forbidden = (msg = 'This action is not allowed') => new AppError(403, msg);
export const notFound = (msg = 'Record not found') => new AppError(404, msg);
export const unprocessable = (msg: string, extra?: Record<string, unknown>) => new AppError(422, `Validation failed: ${msg}`, extra ? { extra } : {});
export const conflict = (msg: string) => new AppError(409, msg);
export const tooManyRequests = (retryAfterSeconds: number) =>
  new AppError(429, 'Too many requests', { headers: { 'retry-after': String(retryAfterSeconds) } });
