// /auth/sign_up: the same sign-up as POST /api/v1/accounts, as a web form.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../context.ts';
import type { RouteGroup } from '../routes.ts';
import { getSetting } from '../../db/repos/settings.ts';
import { AppError } from '../../domain/errors.ts';
import { signUp } from '../../services/accounts/sign-up.ts';
import { errorBox, h, hidden, messagePage, sendPage } from './page.ts';
import { csrfToken, csrfValid, field, formBody } from './session.ts';
import { signInAndRedirect } from './sign-in.ts';
import { POW_SCRIPT, powFormParts, powFormProblem } from './proof-of-work-form.ts';

interface Values {
  username?: string;
  email?: string;
  reason?: string;
}

async function signUpForm(ctx: AppContext, request: FastifyRequest, reply: FastifyReply, status: number, values: Values, error?: string) {
  const mode = await getSetting(ctx.db, ctx.config, 'registrations_mode');
  if (mode === 'closed') return messagePage(reply, 403, 'Sign up', 'Registrations are closed on this server.');
  const csrf = csrfToken(ctx, request, reply, null);
  const pow = await powFormParts(ctx, 'sign_up');
  const reason =
    mode === 'approval'
      ? h`<label for="reason">Why do you want to join? (a moderator reviews new accounts)</label><textarea id="reason" name="reason" maxlength="1000">${values.reason ?? ''}</textarea>`
      : '';
  return sendPage(
    reply,
    status,
    'Sign up',
    h`${errorBox(error ?? null)}<form method="post" action="/auth/sign_up"${pow.attribute}>${hidden('csrf_token', csrf)}${pow.fields}
<label for="username">Username</label><input type="text" id="username" name="username" value="${values.username ?? ''}" maxlength="30" required>
<label for="email">E-mail address</label><input type="email" id="email" name="email" value="${values.email ?? ''}" required>
<label for="password">Password (at least 8 characters)</label><input type="password" id="password" name="password" autocomplete="new-password" required>
${reason}<label><input type="checkbox" name="agreement" value="1"> I agree to the server rules and terms</label>
<button type="submit">Sign up</button></form><p><a href="/auth/sign_in">Sign in instead</a></p>`,
    undefined,
    pow.enabled ? POW_SCRIPT : undefined,
  );
}

export const signUpRoutes: RouteGroup = (app, ctx) => {
  app.get('/auth/sign_up', (request, reply) => signUpForm(ctx, request, reply, 200, {}));

  app.post('/auth/sign_up', async (request, reply) => {
    const body = formBody(request);
    const values = { username: field(body, 'username'), email: field(body, 'email'), reason: field(body, 'reason') };
    if (!csrfValid(request, null, body.csrf_token)) return signUpForm(ctx, request, reply, 403, values, 'Your form expired. Please try again.');
    const powProblem = await powFormProblem(ctx, 'sign_up', field(body, 'pow_challenge'), field(body, 'pow_nonce'));
    if (powProblem) return signUpForm(ctx, request, reply, 422, values, powProblem);
    try {
      const created = await signUp(ctx, {
        ...values,
        ip: request.ip,
        password: field(body, 'password'),
        agreement: ['1', 'true', 'on'].includes(field(body, 'agreement')),
      });
      if (created.confirmationToken) return messagePage(reply, 200, 'Almost done', 'We sent you an e-mail with a link to confirm your address.');
      if (created.pendingApproval) return messagePage(reply, 200, 'Almost done', 'Your account is waiting for a moderator to approve it.');
      return signInAndRedirect(ctx, reply, created.account.id, '/settings/applications');
    } catch (err) {
      if (err instanceof AppError && err.status < 500) {
        return signUpForm(ctx, request, reply, err.status, values, err.publicMessage.replace(/^Validation failed: /, ''));
      }
      throw err;
    }
  });
};
