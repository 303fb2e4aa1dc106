// /auth/password/new and /auth/password/edit: resetting a forgotten password through an e-mailed
// link. Without SMTP there is no e-mail to send, so the page says how an admin does it instead.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../context.ts';
import { requestPasswordReset } from '../../services/password-reset/request-reset.ts';
import { resetPasswordWithToken, resetTokenValid } from '../../services/password-reset/reset-password.ts';
import type { RouteGroup } from '../routes.ts';
import { errorBox, h, hidden, messagePage, sendPage } from './page.ts';
import { csrfToken, csrfValid, field, formBody } from './session.ts';

const TITLE = 'Reset your password';
const SENT = 'If an account uses this e-mail address, we have sent it a link to choose a new password. The link is valid for one hour.';
const NO_SMTP =
  'This server cannot send e-mail, so passwords cannot be reset here. Ask an administrator of the server to run: npm run parley -- accounts reset-password <your username>';
const INVALID = 'This link is invalid or has expired. Request a new one.';

function requestForm(ctx: AppContext, request: FastifyRequest, reply: FastifyReply, status: number, error?: string) {
  const csrf = csrfToken(ctx, request, reply, null);
  return sendPage(
    reply,
    status,
    TITLE,
    h`${errorBox(error ?? null)}<form method="post" action="/auth/password/new">${hidden('csrf_token', csrf)}
<label for="email">E-mail address</label><input type="email" id="email" name="email" autocomplete="email" required autofocus>
<button type="submit">Send me a link</button></form><p><a href="/auth/sign_in">Back to sign in</a></p>`,
  );
}

function newPasswordForm(ctx: AppContext, request: FastifyRequest, reply: FastifyReply, status: number, token: string, error?: string) {
  const csrf = csrfToken(ctx, request, reply, null);
  return sendPage(
    reply,
    status,
    'Choose a new password',
    h`${errorBox(error ?? null)}<form method="post" action="/auth/password/edit">${hidden('csrf_token', csrf)}${hidden('reset_password_token', token)}
<label for="password">New password</label><input type="password" id="password" name="password" autocomplete="new-password" minlength="8" maxlength="72" required autofocus>
<label for="password_confirmation">New password again</label><input type="password" id="password_confirmation" name="password_confirmation" autocomplete="new-password" required>
<button type="submit">Change password</button></form>`,
  );
}

const invalidLink = (reply: FastifyReply) =>
  sendPage(reply, 404, 'Link expired', h`<p>${INVALID}</p><p><a href="/auth/password/new">Request a new link</a></p>`);

export const passwordResetRoutes: RouteGroup = (app, ctx) => {
  app.get('/auth/password/new', async (request, reply) => {
    if (!ctx.mailer.enabled) return messagePage(reply, 200, TITLE, NO_SMTP);
    return requestForm(ctx, request, reply, 200);
  });

  app.post('/auth/password/new', async (request, reply) => {
    if (!ctx.mailer.enabled) return messagePage(reply, 200, TITLE, NO_SMTP);
    const body = formBody(request);
    if (!csrfValid(request, null, body.csrf_token)) return requestForm(ctx, request, reply, 403, 'Your form expired. Please try again.');
    await requestPasswordReset(ctx, field(body, 'email'));
    return messagePage(reply, 200, TITLE, SENT);
  });

  app.get('/auth/password/edit', async (request, reply) => {
    const token = field(request.query as Record<string, unknown>, 'reset_password_token');
    if (!(await resetTokenValid(ctx, token))) return invalidLink(reply);
    return newPasswordForm(ctx, request, reply, 200, token);
  });

  app.post('/auth/password/edit', async (request, reply) => {
    const body = formBody(request);
    const token = field(body, 'reset_password_token');
    if (!csrfValid(request, null, body.csrf_token)) return newPasswordForm(ctx, request, reply, 403, token, 'Your form expired. Please try again.');
    const result = await resetPasswordWithToken(ctx, token, field(body, 'password'), field(body, 'password_confirmation'));
    if (!result.ok) return result.reason === 'invalid-token' ? invalidLink(reply) : newPasswordForm(ctx, request, reply, 422, token, result.message);
    return sendPage(reply, 200, 'Password changed', h`<p>Your password was changed and you were signed out everywhere.</p><p><a href="/auth/sign_in">Sign in</a></p>`);
  });
};
