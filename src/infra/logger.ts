import { Writable } from 'node:stream';
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

const LEVELS: Record<number, string> = { 10: 'TRACE', 20: 'DEBUG', 30: 'INFO ', 40: 'WARN ', 50: 'ERROR', 60: 'FATAL' };
const SKIP = new Set(['level', 'time', 'pid', 'hostname', 'msg']);

/** One short line per entry for a person at a terminal: time, level, message, other fields. */
export function prettyLine(entry: Record<string, unknown>): string {
  const time = new Date(Number(entry.time)).toISOString().slice(11, 19);
  const extra = Object.entries(entry)
    .filter(([k]) => !SKIP.has(k))
    .map(([k, v]) => `${k}=${typeof v === 'string' ? v : JSON.stringify(v)}`)
    .join(' ');
  return `${time} ${LEVELS[Number(entry.level)] ?? entry.level} ${String(entry.msg ?? '')}${extra ? `  ${extra}` : ''}\n`;
}

function prettyStream(out: NodeJS.WritableStream): Writable {
  return new Writable({
    write(chunk: Buffer, _enc, done) {
      for (const line of chunk.toString('utf8').split('\n')) {
        if (!line) continue;
        try {
          out.write(prettyLine(JSON.parse(line) as Record<string, unknown>));
        } catch {
          out.write(`${line}\n`);
        }
      }
      done();
    },
  });
}

export function createLogger(level: string, format: 'json' | 'pretty' = 'json'): Logger {
  const options = { level, redact: { paths: REDACT, censor: '[redacted]' } };
  return format === 'pretty' ? pino(options, prettyStream(process.stdout)) : pino(options);
}
