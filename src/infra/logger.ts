import pino, { type Logger } from 'pino';

export type { Logger };

// Authorization headers, tokens and passwords never reach the logs.
const REDACT = [
  'req.headers.authorization',
  'req.headers.cookie',
  'password',
  'client_secret',
  'access_token',
  'refresh_token',
  'token',
  'code',
];

export function createLogger(level: string): Logger {
  return pino({ level, redact: { paths: REDACT, censor: '[redacted]' } });
}
