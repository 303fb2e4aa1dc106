// /setup/<token>: the page behind the one-time link printed at start-up; creates the first admin.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../context.ts';
import type { RouteGroup } from '../routes.ts';
import { AppError } from '../../domain/errors.ts';
import { createFirstAdmin, setupTokenValid } from '../../services/setup/first-admin.ts';
import { errorBox, h, hidden, messagePage, sendPage } from './page.ts';
import { csrfToken, csrfValid, field, formBody } from './session.ts';
import { signInAndRedirect } from './sign-in.ts';

function setupForm(ctx: AppContext, request: FastifyRequest, reply: FastifyReply, token: string, status: number, values: { username?: string; email?: string }, error?: string) {
  const csrf = csrfToken(ctx, request, reply, null);
  return sendPage(
    reply,
    status,
    'Create the admin account',
    h`${errorBox(error ?? null)}<p>This account will administer ${ctx.config.domain}.</p><form method="post" action="/setup/${encodeURIComponent(token)}">${hidden('csrf_token', csrf)}
<label for="username">Username</label><input type="text" id="username" name="username" value="${values.username ?? ''}" required>
<label for="email">E-mail address</label><input type="email" id="email" name="email" value="${values.email ?? ''}" required>
<label for="password">Password (at least 8 characters)</label><input type="password" id="password" name="password" autocomplete="new-password" required>
<button type="submit">Create admin account</button></form>`,
  );
}

const invalid = (reply: FastifyReply) => messagePage(reply, 404, 'Setup', 'This setup link is invalid, used or expired. Restart the server for a new one, or use the command line.');

export const setupRoutes: RouteGroup = (app, ctx) => {
  app.get<{ Params: { token: string } }>('/setup/:token', async (request, reply) => {
    if (!(await setupTokenValid(ctx, request.params.token))) return invalid(reply);
    return setupForm(ctx, request, reply, request.params.token, 200, {});
  });

  app.post<{ Params: { token: string } }>('/setup/:token', async (request, reply) => {
    const token = request.params.token;
    const body = formBody(request);
    const values = { username: field(body, 'username'), email: field(body, 'email') };
    if (!(await setupTokenValid(ctx, token))) return invalid(reply);
    if (!csrfValid(request, null, body.csrf_token)) return setupForm(ctx, request, reply, token, 403, values, 'Your form expired. Please try again.');
    try {
      const admin = await createFirstAdmin(ctx, token, { ...values, password: field(body, 'password') });
      return signInAndRedirect(ctx, reply, admin.id, '/settings/applications');
    } catch (err) {
      if (err instanceof AppError && err.status === 404) return invalid(reply);
      if (err instanceof AppError && err.status < 500) return setupForm(ctx, request, reply, token, err.status, values, err.publicMessage.replace(/^Validation failed: /, ''));
      throw err;
    }
  });
};
