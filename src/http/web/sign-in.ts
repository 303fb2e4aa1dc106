// /auth/sign_in and /auth/sign_out: the web session that the consent and development pages use.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../context.ts';
import type { RouteGroup } from '../routes.ts';
import { checkPassword, loginBlocker } from '../../services/auth/sign-in.ts';
import { endWebSession, startWebSession } from '../../services/auth/web-sessions.ts';
import { errorBox, h, hidden, sendPage } from './page.ts';
import { csrfToken, csrfValid, field, formBody, readCookie, safeReturnTo, SESSION_COOKIE, setCookie, webSessionOf } from './session.ts';

const SESSION_MAX_AGE = 30 * 86_400;

export async function signInAndRedirect(ctx: AppContext, reply: FastifyReply, accountId: string, returnTo: string): Promise<FastifyReply> {
  const { cookieValue } = await startWebSession(ctx, accountId);
  setCookie(ctx, reply, SESSION_COOKIE, cookieValue, SESSION_MAX_AGE);
  return reply.redirect(returnTo, 303);
}

function signInForm(ctx: AppContext, request: FastifyRequest, reply: FastifyReply, status: number, opts: { returnTo: string; login?: string; error?: string }) {
  const csrf = csrfToken(ctx, request, reply, null);
  return sendPage(
    reply,
    status,
    'Sign in',
    h`${errorBox(opts.error ?? null)}<form method="post" action="/auth/sign_in">${hidden('csrf_token', csrf)}${hidden('return_to', opts.returnTo)}
<label for="login">Username or e-mail address</label><input type="text" id="login" name="login" value="${opts.login ?? ''}" autocomplete="username" required autofocus>
<label for="password">Password</label><input type="password" id="password" name="password" autocomplete="current-password" required>
<button type="submit">Sign in</button></form><p><a href="/auth/password/new">Forgot your password?</a> · <a href="/auth/sign_up">Create an account</a></p>`,
  );
}

export const signInRoutes: RouteGroup = (app, ctx) => {
  app.get('/auth/sign_in', async (request, reply) => {
    const returnTo = safeReturnTo((request.query as Record<string, unknown>).return_to);
    if (await webSessionOf(ctx, request)) return reply.redirect(returnTo, 303);
    return signInForm(ctx, request, reply, 200, { returnTo });
  });

  app.post('/auth/sign_in', async (request, reply) => {
    const body = formBody(request);
    const returnTo = safeReturnTo(body.return_to);
    if (!csrfValid(request, null, body.csrf_token)) return signInForm(ctx, request, reply, 403, { returnTo, error: 'Your form expired. Please try again.' });
    const loginName = field(body, 'login') || field(body, 'username') || field(body, 'email');
    const login = await checkPassword(ctx, loginName, field(body, 'password'));
    if (!login) return signInForm(ctx, request, reply, 422, { returnTo, login: loginName, error: 'Invalid username, e-mail address or password.' });
    const blocker = loginBlocker(login);
    if (blocker) return signInForm(ctx, request, reply, 403, { returnTo, login: loginName, error: `${blocker}.` });
    return signInAndRedirect(ctx, reply, login.account.id, returnTo);
  });

  app.post('/auth/sign_out', async (request, reply) => {
    const session = await webSessionOf(ctx, request);
    if (session && !csrfValid(request, session, formBody(request).csrf_token)) return sendPage(reply, 403, 'Sign out', h`<p>Your form expired. Please try again.</p>`);
    await endWebSession(ctx, readCookie(request, SESSION_COOKIE));
    setCookie(ctx, reply, SESSION_COOKIE, '', 0);
    return reply.redirect('/auth/sign_in', 303);
  });
};

/** A small header with the signed-in name and a sign-out button. */
export function signedInBar(username: string, csrf: string) {
  return h`<form method="post" action="/auth/sign_out" style="text-align:right">Signed in as @${username} ${hidden('csrf_token', csrf)}<button type="submit">Sign out</button></form>`;
}
