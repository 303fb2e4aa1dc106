// The only reader of process.env. Everything else receives a validated, frozen Config.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const int = (min: number, max: number) =>
  z
    .string()
    .regex(/^\d+$/, 'must be a whole number')
    .transform(Number)
    .pipe(z.number().min(min).max(max));

const EnvSchema = z.object({
  PORT: int(1, 65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  PARLEY_DOMAIN: z
    .string()
    .regex(/^[a-z0-9.-]+(:\d+)?$/i, 'must be a host name, optionally with :port (no scheme, no path)')
    .optional(),
  PARLEY_HTTPS: bool.optional(),
  PARLEY_DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^(sqlite:|postgres:\/\/|postgresql:\/\/)/, 'must start with sqlite:, postgres:// or postgresql://')
    .optional(),
  REDIS_URL: z.string().regex(/^rediss?:\/\//, 'must start with redis:// or rediss://').optional(),
  SMTP_HOST: z.string().optional(),
  SMTP_PORT: int(1, 65535).default(587),
  SMTP_USER: z.string().optional(),
  SMTP_PASSWORD: z.string().optional(),
  SMTP_FROM: z.string().optional(),
  SMTP_SECURE: bool.default(false),
  PARLEY_MAX_STATUS_CHARS: int(1, 100_000).default(1000),
  PARLEY_REGISTRATIONS: z.enum(['open', 'approval', 'closed']).default('open'),
  PARLEY_PASSWORD_GRANT: bool.default(true),
  PARLEY_ROLE: z.enum(['all', 'web', 'worker']).default('all'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  LOG_FORMAT: z.enum(['json', 'pretty']).optional(),
  PARLEY_MEDIA_DIR: z.string().min(1).optional(),
  PARLEY_IMAGE_SIZE_LIMIT_MB: int(1, 1024).default(16),
  PARLEY_VIDEO_SIZE_LIMIT_MB: int(1, 4096).default(100),
  PARLEY_MEDIA_TIMEOUT_SECONDS: int(5, 3600).default(300),
  PARLEY_FFMPEG: z.string().min(1).default('ffmpeg'),
  PARLEY_FFPROBE: z.string().min(1).default('ffprobe'),
});

export type Config = Readonly<{
  port: number;
  host: string;
  /** Public host name (and port) of this instance, as it appears in handles and URLs. */
  domain: string;
  /** Base URL without trailing slash, e.g. https://parley.example */
  baseUrl: string;
  dataDir: string;
  database: { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string };
  redisUrl: string | null;
  smtp: { host: string; port: number; user?: string; password?: string; from: string; secure: boolean } | null;
  maxStatusChars: number;
  registrations: 'open' | 'approval' | 'closed';
  passwordGrant: boolean;
  role: 'all' | 'web' | 'worker';
  logLevel: string;
  /** JSON lines for log collectors; short readable lines on a terminal. */
  logFormat: 'json' | 'pretty';
  media: Readonly<{
    /** Where processed media files are stored (the local storage backend). */
    dir: string;
    /** Uploads waiting to be processed; removed on success and on failure. */
    incomingDir: string;
    imageBytes: number;
    videoBytes: number;
    /** The longest any one file may take to process before ffmpeg is killed. */
    timeoutMs: number;
    ffmpeg: string;
    ffprobe: string;
  }>;
}>;

export class ConfigError extends Error {}

/** Reads `.env` in the working directory (if any) into process.env without overriding what is set. */
export function loadDotEnv(file = '.env'): void {
  if (existsSync(file)) process.loadEnvFile(file);
}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  // Empty strings mean "unset": docker-compose and shells often export empty values.
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = EnvSchema.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}\nSee docs/configuration.md.`);
  }
  const e = parsed.data;
  const domain = (e.PARLEY_DOMAIN ?? `localhost:${e.PORT}`).toLowerCase();
  const isLocal = /^(localhost|127\.|\[::1\])/.test(domain);
  const https = e.PARLEY_HTTPS ?? !isLocal;
  const dataDir = path.resolve(e.PARLEY_DATA_DIR);

  let database: Config['database'];
  const url = e.DATABASE_URL;
  if (!url) database = { kind: 'sqlite', file: path.join(dataDir, 'parley.sqlite') };
  else if (url.startsWith('sqlite:')) {
    const file = url.slice('sqlite:'.length).replace(/^\/\//, '');
    database = { kind: 'sqlite', file: file === ':memory:' ? ':memory:' : path.resolve(file) };
  } else database = { kind: 'postgres', url };

  let smtp: Config['smtp'] = null;
  if (e.SMTP_HOST) {
    if (!e.SMTP_FROM) throw new ConfigError('Invalid configuration:\n  SMTP_FROM: required when SMTP_HOST is set\nSee docs/configuration.md.');
    smtp = { host: e.SMTP_HOST, port: e.SMTP_PORT, user: e.SMTP_USER, password: e.SMTP_PASSWORD, from: e.SMTP_FROM, secure: e.SMTP_SECURE };
  }

  return Object.freeze({
    port: e.PORT,
    host: e.HOST,
    domain,
    baseUrl: `${https ? 'https' : 'http'}://${domain}`,
    dataDir,
    database,
    redisUrl: e.REDIS_URL ?? null,
    smtp,
    maxStatusChars: e.PARLEY_MAX_STATUS_CHARS,
    registrations: e.PARLEY_REGISTRATIONS,
    passwordGrant: e.PARLEY_PASSWORD_GRANT,
    role: e.PARLEY_ROLE,
    logLevel: e.LOG_LEVEL,
    logFormat: e.LOG_FORMAT ?? (process.stdout.isTTY ? 'pretty' : 'json'),
    media: Object.freeze({
      dir: path.resolve(e.PARLEY_MEDIA_DIR ?? path.join(dataDir, 'media')),
      incomingDir: path.join(dataDir, 'incoming'),
      imageBytes: e.PARLEY_IMAGE_SIZE_LIMIT_MB * 1024 * 1024,
      videoBytes: e.PARLEY_VIDEO_SIZE_LIMIT_MB * 1024 * 1024,
      timeoutMs: e.PARLEY_MEDIA_TIMEOUT_SECONDS * 1000,
      ffmpeg: e.PARLEY_FFMPEG,
      ffprobe: e.PARLEY_FFPROBE,
    }),
  });
}
