// The throttles Parley applies and their default sizes, modelled on Mastodon's rack-attack rules
// (config/initializers/rack_attack.rb). Every one can be resized with
// PARLEY_RATE_LIMIT_<NAME>=count/seconds (see docs/configuration.md). Pure data: config.ts reads it.

export const RATE_LIMIT_GROUPS = [
  'api_ip',
  'api_account',
  'media',
  'sign_up',
  'login_ip',
  'login_name',
  'password_reset_ip',
  'password_reset_email',
] as const;

export type RateLimitGroup = (typeof RATE_LIMIT_GROUPS)[number];

export interface RateLimit {
  /** Requests allowed per window; the next one is answered 429. */
  limit: number;
  windowSeconds: number;
}

const MINUTES = 60;

export const DEFAULT_RATE_LIMITS: Readonly<Record<RateLimitGroup, RateLimit>> = Object.freeze({
  // API calls without a signed-in account (no token, an app-only token or an invalid one).
  api_ip: { limit: 300, windowSeconds: 5 * MINUTES },
  // API calls of one account, over all its tokens and addresses.
  api_account: { limit: 1500, windowSeconds: 5 * MINUTES },
  // Uploads are the most expensive request (probing, transcoding): per account.
  media: { limit: 30, windowSeconds: 30 * MINUTES },
  // New accounts from one address, API and web form together.
  sign_up: { limit: 5, windowSeconds: 30 * MINUTES },
  // Password logins (web form and the OAuth password grant) from one address...
  login_ip: { limit: 25, windowSeconds: 5 * MINUTES },
  // ...and for one username or e-mail address, from anywhere. Mastodon's 25 an hour: slow enough
  // against guessing, loose enough that a stranger's attempts rarely lock the owner out.
  login_name: { limit: 25, windowSeconds: 60 * MINUTES },
  // Password reset requests (each may send an e-mail) from one address and to one e-mail address.
  password_reset_ip: { limit: 25, windowSeconds: 5 * MINUTES },
  password_reset_email: { limit: 5, windowSeconds: 30 * MINUTES },
});

/** The environment variable that resizes a group: api_ip -> PARLEY_RATE_LIMIT_API_IP. */
export const rateLimitEnvName = (group: RateLimitGroup): string => `PARLEY_RATE_LIMIT_${group.toUpperCase()}`;

/** Parses "300/300" (count/seconds); null when malformed or out of range. */
export function parseRateLimit(text: string): RateLimit | null {
  const m = /^\s*(\d{1,9})\s*\/\s*(\d{1,6})\s*$/.exec(text);
  if (!m) return null;
  const limit = Number(m[1]);
  const windowSeconds = Number(m[2]);
  if (limit < 1 || windowSeconds < 1 || windowSeconds > 7 * 86_400) return null;
  return { limit, windowSeconds };
}
