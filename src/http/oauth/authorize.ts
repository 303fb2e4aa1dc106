// GET/POST /oauth/authorize: sign in if needed, then a consent page naming the app and scopes.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../context.ts';
import type { RouteGroup } from '../routes.ts';
import { zBool } from '../validation.ts';
import {
  AuthorizeError,
  authorizeParamsOf,
  checkAuthorizeRequest,
  issueAuthorizationCode,
  redirectTarget,
  type AuthorizeRequest,
} from '../../services/oauth/authorize.ts';
import { h, hidden, messagePage, sendPage } from '../web/page.ts';
import { csrfToken, csrfValid, formBody, webSessionOf } from '../web/session.ts';
import { signedInBar } from '../web/sign-in.ts';
import type { WebSession } from '../../services/auth/web-sessions.ts';

const SCOPE_TEXT: Record<string, string> = {
  read: 'read all your account data',
  write: 'modify all your account data',
  follow: 'modify account relationships',
  push: 'receive your push notifications',
  profile: 'read only your account information',
  'admin:read': 'read moderation data on this server (reports, accounts, the audit log)',
  'admin:write': 'take moderation actions on this server',
};

function describeScope(scope: string): string {
  const top = SCOPE_TEXT[scope];
  if (top) return top;
  const [kind, what, detail] = scope.split(':');
  // admin:read:reports, admin:write:accounts...: moderation of the whole server, not "your" data.
  if (kind === 'admin') return `${what === 'read' ? 'read' : 'moderate'} this server's ${(detail ?? '').replaceAll('_', ' ')}`;
  return `${kind === 'read' ? 'read' : kind === 'write' ? 'change' : kind} your ${(what ?? '').replaceAll('_', ' ')}`;
}

function failure(reply: FastifyReply, err: AuthorizeError): FastifyReply {
  const target = err.redirectUri ? redirectTarget(err.redirectUri, { error: err.code, error_description: err.message, state: err.state }) : null;
  if (target) return reply.redirect(target, 302);
  return messagePage(reply, 400, 'Authorization failed', err.message);
}

/**
 * The checked request, or null once the failure has been answered. (Not the reply itself: a
 * Fastify reply is thenable, so an async function returning it resolves to undefined.)
 */
async function checked(ctx: AppContext, input: Record<string, unknown>, reply: FastifyReply): Promise<AuthorizeRequest | null> {
  try {
    return await checkAuthorizeRequest(ctx, authorizeParamsOf(input));
  } catch (err) {
    if (err instanceof AuthorizeError) {
      failure(reply, err);
      return null;
    }
    throw err;
  }
}

function consentPage(ctx: AppContext, request: FastifyRequest, reply: FastifyReply, req: AuthorizeRequest, session: WebSession) {
  const csrf = csrfToken(ctx, request, reply, session);
  const scopes = req.scopes.map((s) => h`<li><code>${s}</code>: ${describeScope(s)}</li>`);
  const website = req.app.website ? h` (<a href="${req.app.website}" rel="noopener noreferrer">${req.app.website}</a>)` : '';
  return sendPage(
    reply,
    200,
    'Authorization required',
    h`${signedInBar(session.login.account.username, csrf)}<p><strong>${req.app.name}</strong>${website} would like to access your account <strong>@${session.login.account.username}</strong>. It will be able to:</p>
<ul>${scopes}</ul>
<form method="post" action="/oauth/authorize">${hidden('csrf_token', csrf)}${hidden('response_type', 'code')}${hidden('client_id', req.app.client_id)}${hidden('redirect_uri', req.redirectUri)}${hidden('scope', req.scopes.join(' '))}${hidden('state', req.state)}${hidden('code_challenge', req.codeChallenge)}${hidden('code_challenge_method', req.codeChallenge ? 'S256' : null)}
<button type="submit" name="decision" value="approve">Authorize</button><button type="submit" name="decision" value="deny">Deny</button></form>`,
  );
}

export const authorizeRoutes: RouteGroup = (app, ctx) => {
  app.get('/oauth/authorize', async (request, reply) => {
    const query = (request.query ?? {}) as Record<string, unknown>;
    const req = await checked(ctx, query, reply);
    if (!req) return reply;
    const forceLogin = zBool.safeParse(query.force_login).data === true;
    const session = forceLogin ? null : await webSessionOf(ctx, request);
    if (!session) {
      // Come back here after signing in, without force_login so the loop ends.
      const back = new URL(request.url, ctx.config.baseUrl);
      back.searchParams.delete('force_login');
      return reply.redirect(`/auth/sign_in?return_to=${encodeURIComponent(back.pathname + back.search)}`, 302);
    }
    return consentPage(ctx, request, reply, req, session);
  });

  app.post('/oauth/authorize', async (request, reply) => {
    const body = formBody(request);
    const session = await webSessionOf(ctx, request);
    if (!session) return messagePage(reply, 403, 'Authorization failed', 'You are not signed in. Start again from your app.');
    if (!csrfValid(request, session, body.csrf_token)) return messagePage(reply, 403, 'Authorization failed', 'Your form expired. Start again from your app.');
    const req = await checked(ctx, body, reply);
    if (!req) return reply;
    if (body.decision !== 'approve') {
      const target = redirectTarget(req.redirectUri, { error: 'access_denied', error_description: 'The resource owner or authorization server denied the request.', state: req.state });
      return target ? reply.redirect(target, 302) : messagePage(reply, 200, 'Authorization denied', 'You denied the application access to your account.');
    }
    const code = await issueAuthorizationCode(ctx, req, session.login.account.id);
    const target = redirectTarget(req.redirectUri, { code, state: req.state });
    if (target) return reply.redirect(target, 302);
    return sendPage(reply, 200, 'Authorization code', h`<p>Copy this code and paste it into <strong>${req.app.name}</strong>:</p><p><code id="code">${code}</code></p>`);
  });
};
