// Bearer-token authentication and scope checks, declared per route:
//   config: { auth: { mode: 'user', scope: 'write:statuses' } }
// mode none: no token needed (a token, if given, is still read so viewer-specific data appears);
// public: people's content (posts, profiles, timelines, search): like none, unless the admin set
// logged_out_access to none, then a user token is required (Mastodon's
// DISALLOW_UNAUTHENTICATED_API_ACCESS); app: any valid token; user: a token bound to an account.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppContext } from '../../context.ts';
import type { AccountRow } from '../../db/schema.ts';
import { AppError, unauthorized } from '../../domain/errors.ts';
import { scopeAllows } from '../../domain/scopes.ts';
import { authenticate, type Auth } from '../../services/auth/authenticate.ts';
import { getHotSetting } from '../../db/repos/settings.ts';

export interface RouteAuth {
  mode: 'none' | 'public' | 'app' | 'user';
  scope?: string;
  /** Accept logins whose e-mail is not confirmed yet (only for resending the confirmation). */
  allowUnconfirmed?: boolean;
  /** A suspended or disabled login may still call this (its strikes and appeals). */
  allowSanctioned?: boolean;
  /** Staff only: moderators (and admins), or admins alone. */
  role?: 'moderator' | 'admin';
}

const STAFF_RANK: Record<string, number> = { user: 0, moderator: 1, admin: 2 };

declare module 'fastify' {
  interface FastifyContextConfig {
    auth?: RouteAuth;
  }
  interface FastifyRequest {
    auth: Auth | null;
  }
}

export function bearerToken(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  if (header) {
    const m = /^Bearer\s+(\S+)$/i.exec(header);
    return m ? m[1]! : null;
  }
  const q = request.query as Record<string, unknown> | undefined;
  // Mastodon accepts access_token as a query parameter too (streaming and some old clients).
  return typeof q?.access_token === 'string' && q.access_token ? q.access_token : null;
}

export function registerAuth(app: FastifyInstance, ctx: AppContext): void {
  app.decorateRequest('auth', null);
  app.addHook('preHandler', async (request) => {
    const routeAuth = request.routeOptions.config.auth;
    const token = bearerToken(request);
    if (token) request.auth = await authenticate(ctx, token, { allowUnconfirmed: routeAuth?.allowUnconfirmed ?? false, allowSanctioned: routeAuth?.allowSanctioned ?? false });
    if (!routeAuth) return;
    if (routeAuth.mode === 'public' && !request.auth?.account && (await getHotSetting(ctx.db, ctx.config, 'logged_out_access')) === 'none') {
      throw unauthorized('This API requires an authenticated user');
    }
    if (routeAuth.mode === 'none' || routeAuth.mode === 'public') {
      if (request.auth && routeAuth.scope && !scopeAllows(request.auth.scopes, routeAuth.scope)) throw insufficientScope();
      return;
    }
    if (!request.auth) throw unauthorized('The access token is invalid');
    if (routeAuth.scope && !scopeAllows(request.auth.scopes, routeAuth.scope)) throw insufficientScope();
    if (routeAuth.mode === 'user' && !request.auth.account) throw new AppError(422, 'This method requires an authenticated user');
    if (routeAuth.role) requireRole(request, routeAuth.role);
  });
}

/**
 * The staff check of the `role` option, for the few routes where a query parameter (not the
 * route) asks for staff powers, e.g. `?all=true`. Throws 403 unless the caller has the role.
 */
export function requireRole(request: FastifyRequest, role: 'moderator' | 'admin'): void {
  if ((STAFF_RANK[request.auth?.account?.role ?? 'user'] ?? 0) < STAFF_RANK[role]!) throw new AppError(403, 'This action is not allowed');
}

const insufficientScope = () => new AppError(403, 'This action is outside the authorized scopes');

/** The signed-in account of a route declared with mode 'user'. */
export function currentAccount(request: FastifyRequest): AccountRow {
  const account = request.auth?.account;
  if (!account) throw unauthorized();
  return account;
}

/** The viewer of a public route: the signed-in account or null for anonymous. */
export function viewerOf(request: FastifyRequest): AccountRow | null {
  return request.auth?.account ?? null;
}
