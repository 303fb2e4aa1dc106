// The only reader of process.env. Everything else receives a validated, frozen Config.
import { existsSync } from 'node:fs';
import { isIP } from 'node:net';
import path from 'node:path';
import { z } from 'zod';
import { parseAllowList } from './infra/rate-limit/client-ip.ts';
import { parsePrivateAllowList, type PrivateAllowList } from './infra/safe-fetch/allow-list.ts';
import { DEFAULT_RATE_LIMITS, parseRateLimit, RATE_LIMIT_GROUPS, rateLimitEnvName, type RateLimit, type RateLimitGroup } from './infra/rate-limit/limits.ts';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const int = (min: number, max: number) =>
  z
    .string()
    .regex(/^\d+$/, 'must be a whole number')
    .transform(Number)
    .pipe(z.number().min(min).max(max));

/** One entry of PARLEY_TRUSTED_PROXIES, in the forms Fastify's trustProxy (proxy-addr) takes. */
function isProxyEntry(p: string): boolean {
  if (['loopback', 'linklocal', 'uniquelocal'].includes(p)) return true;
  const [address, bits, ...rest] = p.split('/');
  if (rest.length || !address || isIP(address) === 0) return false;
  return bits === undefined || (/^\d{1,3}$/.test(bits) && Number(bits) <= (isIP(address) === 4 ? 32 : 128));
}

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
  PARLEY_REGISTRATIONS: z.enum(['open', 'approval', 'invite', 'closed']).default('open'),
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
  PARLEY_RATE_LIMITS: z.enum(['on', 'off', 'true', 'false']).default('on'),
  PARLEY_RATE_LIMIT_REDIS_PREFIX: z.string().min(1).max(100).default('parley:rl:'),
  PARLEY_TRUSTED_PROXIES: z
    .string()
    .refine((v) => v.split(',').every((p) => isProxyEntry(p.trim())), 'must be a comma-separated list of loopback, linklocal, uniquelocal, addresses and CIDR ranges')
    .default('loopback'),
  PARLEY_POW_AFTER: int(0, 1_000_000).default(100),
  PARLEY_POW_DIFFICULTY: int(0, 28).default(20),
  PARLEY_LOAD_SHEDDING: z.enum(['on', 'off']).default('on'),
  PARLEY_SHED_LAG_MS: int(10, 10_000).default(200),
  PARLEY_SHED_HEAP_PERCENT: int(50, 99).default(90),
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
  registrations: 'open' | 'approval' | 'invite' | 'closed';
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
  rateLimits: Readonly<{
    enabled: boolean;
    limits: Readonly<Record<RateLimitGroup, RateLimit>>;
    /** Normalised CIDR ranges whose requests are never throttled. */
    allow: readonly string[];
    /** Key prefix in Redis, so several instances (or test runs) can share one Redis. */
    redisPrefix: string;
    /**
     * Anonymous API requests an address may make in an API_IP window before it must show a proof
     * of work (0: never ask). Below the hard API_IP limit: a soft quota.
     */
    proofAfter: number;
    /** The default of the pow_difficulty setting: leading zero bits asked (0: off). */
    proofDifficulty: number;
  }>;
  /**
   * Proxies whose X-Forwarded-For is believed (Fastify's trustProxy): the client address that
   * rate limits and IP blocks see. Anyone else could write any address into that header.
   */
  trustedProxies: string;
  loadShedding: Readonly<{ enabled: boolean; lagMs: number; heapFraction: number }>;
  /** Private ranges and hosts that server-side fetches (push, previews) may reach anyway. */
  fetchAllowPrivate: PrivateAllowList;
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
  const rateLimits = readRateLimits(cleaned);
  const fetchAllowPrivate = readFetchAllowPrivate(cleaned.PARLEY_FETCH_ALLOW_PRIVATE);
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
    rateLimits: Object.freeze({
      enabled: e.PARLEY_RATE_LIMITS === 'on' || e.PARLEY_RATE_LIMITS === 'true',
      limits: rateLimits.limits,
      allow: rateLimits.allow,
      redisPrefix: e.PARLEY_RATE_LIMIT_REDIS_PREFIX,
      proofAfter: e.PARLEY_POW_AFTER,
      proofDifficulty: e.PARLEY_POW_DIFFICULTY,
    }),
    trustedProxies: e.PARLEY_TRUSTED_PROXIES,
    loadShedding: Object.freeze({ enabled: e.PARLEY_LOAD_SHEDDING === 'on', lagMs: e.PARLEY_SHED_LAG_MS, heapFraction: e.PARLEY_SHED_HEAP_PERCENT / 100 }),
    fetchAllowPrivate,
  });
}

// PARLEY_RATE_LIMIT_<GROUP>=count/seconds for each throttle and PARLEY_RATE_LIMIT_ALLOW; any other
// PARLEY_RATE_LIMIT_* name is a typo that would otherwise be silently ignored.
function readRateLimits(env: Record<string, string | undefined>): { limits: Readonly<Record<RateLimitGroup, RateLimit>>; allow: readonly string[] } {
  const problems: string[] = [];
  const limits = { ...DEFAULT_RATE_LIMITS };
  const known = new Set(['PARLEY_RATE_LIMIT_ALLOW', 'PARLEY_RATE_LIMIT_REDIS_PREFIX']);
  for (const group of RATE_LIMIT_GROUPS) {
    const name = rateLimitEnvName(group);
    known.add(name);
    const raw = env[name];
    if (raw === undefined) continue;
    const parsed = parseRateLimit(raw);
    if (parsed) limits[group] = parsed;
    else problems.push(`  ${name}: must be count/seconds, e.g. 300/300 (at least 1 request, 1 second to 7 days)`);
  }
  for (const name of Object.keys(env)) {
    if (name.startsWith('PARLEY_RATE_LIMIT_') && !known.has(name)) problems.push(`  ${name}: unknown; the throttles are ${RATE_LIMIT_GROUPS.map(rateLimitEnvName).join(', ')}`);
  }
  const { ranges, invalid } = parseAllowList(env.PARLEY_RATE_LIMIT_ALLOW ?? '');
  if (invalid.length) problems.push(`  PARLEY_RATE_LIMIT_ALLOW: not an IP address or CIDR range: ${invalid.join(', ')}`);
  if (problems.length) throw new ConfigError(`Invalid configuration:\n${problems.join('\n')}\nSee docs/configuration.md.`);
  return { limits: Object.freeze(limits), allow: Object.freeze(ranges) };
}

function readFetchAllowPrivate(text: string | undefined): PrivateAllowList {
  const { allow, invalid } = parsePrivateAllowList(text ?? '');
  if (invalid.length) throw new ConfigError(`Invalid configuration:\n  PARLEY_FETCH_ALLOW_PRIVATE: not a CIDR range or host name: ${invalid.join(', ')}\nSee docs/configuration.md.`);
  return allow;
}
