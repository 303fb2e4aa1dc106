// Which throttles a request counts against, and under which key: Mastodon's rack-attack rules
// as data. Pure, so every rule is unit-tested; the HTTP plugin feeds it each request twice:
// once as it arrives (phase "request": before the body is read, so a refused upload is never
// received) and once the body is parsed (phase "body": rules keyed by a submitted name).
import { sha256 } from '../../domain/secrets.ts';
import type { RateLimitGroup } from './limits.ts';

export type ThrottlePhase = 'request' | 'body';

export interface ThrottleRequest {
  method: string;
  /** The matched route's pattern (or the path when no route matched), without query. */
  route: string;
  /** Already grouped by throttleIp. */
  ip: string;
  /** The signed-in account of the token, null for none, an app-only or an invalid token. */
  accountId: string | null;
  /** Query and body parameters (phase "body" only). */
  params: Readonly<Record<string, unknown>>;
}

export interface ThrottleHit {
  group: RateLimitGroup;
  /** The store key: group and discriminator. */
  key: string;
}

interface Throttle {
  group: RateLimitGroup;
  phase: ThrottlePhase;
  /** Who is counted; null when the throttle does not apply to this request. */
  discriminator(r: ThrottleRequest): string | null;
}

const isApi = (r: ThrottleRequest) => r.route.startsWith('/api/');
const isPost = (r: ThrottleRequest, ...routes: string[]) => r.method === 'POST' && routes.includes(r.route);
const text = (v: unknown) => (typeof v === 'string' ? v : '');

const isPasswordLogin = (r: ThrottleRequest) => isPost(r, '/auth/sign_in') || (isPost(r, '/oauth/token') && r.params.grant_type === 'password');
/** The second step of a two-factor sign-in: counted per address like a password (its own lockout counts per account). */
const isCodeLogin = (r: ThrottleRequest) => isPost(r, '/auth/sign_in/two_factor');

/**
 * Names and e-mail addresses typed by the client are normalised (so case and spaces do not make
 * a new counter) and hashed: keys stay short whatever was sent, and no address sits in Redis.
 */
function nameKey(raw: string): string | null {
  const name = raw.trim().toLowerCase().replace(/^@/, '');
  return name ? sha256(name).slice(0, 32) : null;
}

const THROTTLES: readonly Throttle[] = [
  { group: 'api_ip', phase: 'request', discriminator: (r) => (isApi(r) && !r.accountId ? r.ip : null) },
  { group: 'api_account', phase: 'request', discriminator: (r) => (isApi(r) && r.accountId ? r.accountId : null) },
  // Without an account the upload is refused by authentication anyway (and counted per address).
  { group: 'media', phase: 'request', discriminator: (r) => (r.method === 'POST' && /^\/api\/v\d+\/media$/.test(r.route) ? r.accountId : null) },
  { group: 'sign_up', phase: 'request', discriminator: (r) => (isPost(r, '/api/v1/accounts', '/auth/sign_up') ? r.ip : null) },
  { group: 'password_reset_ip', phase: 'request', discriminator: (r) => (isPost(r, '/auth/password/new', '/auth/password/edit') ? r.ip : null) },
  { group: 'password_reset_email', phase: 'body', discriminator: (r) => (isPost(r, '/auth/password/new') ? nameKey(text(r.params.email)) : null) },
  // The grant type is a body parameter, so even the per-address login throttle waits for the body.
  { group: 'login_ip', phase: 'body', discriminator: (r) => (isPasswordLogin(r) || isCodeLogin(r) ? r.ip : null) },
  {
    group: 'login_name',
    phase: 'body',
    // The web form takes a username or an e-mail address in `login` (or `username`/`email`).
    discriminator: (r) => (isPasswordLogin(r) ? nameKey(text(r.params.login) || text(r.params.username) || text(r.params.email)) : null),
  },
];

export function throttlesFor(phase: ThrottlePhase, request: ThrottleRequest): ThrottleHit[] {
  const hits: ThrottleHit[] = [];
  for (const t of THROTTLES) {
    if (t.phase !== phase) continue;
    const who = t.discriminator(request);
    if (who) hits.push({ group: t.group, key: `${t.group}:${who}` });
  }
  return hits;
}
