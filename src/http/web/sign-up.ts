// /auth/sign_up: the same sign-up as POST /api/v1/accounts, as a web form. /invite/<code> (the
// link an inviter shares) shows the same form with the invite code filled in.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../context.ts';
import type { RouteGroup } from '../routes.ts';
import { getSetting } from '../../db/repos/settings.ts';
import type { AccountRow } from '../../db/schema.ts';
import { AppError } from '../../domain/errors.ts';
import { signUp } from '../../services/accounts/sign-up.ts';
import { checkInviteLink } from '../../services/invites/check-invite-link.ts';
import { errorBox, h, hidden, messagePage, raw, sendPage } from './page.ts';
import { csrfToken, csrfValid, field, formBody } from './session.ts';
import { signInAndRedirect } from './sign-in.ts';
import { POW_SCRIPT, powFormParts, powFormProblem } from './proof-of-work-form.ts';

interface Values {
  username?: string;
  email?: string;
  reason?: string;
  inviteCode?: string;
}

/** The invite of an /invite/<code> page, already checked: it skips the approval question. */
type CheckedInvite = { inviter: AccountRow } | null;

/** Resolves once the page is sent (never to the thenable reply itself). */
async function signUpForm(ctx: AppContext, request: FastifyRequest, reply: FastifyReply, status: number, values: Values, opts: { error?: string; invite?: CheckedInvite } = {}): Promise<void> {
  const mode = await getSetting(ctx.db, ctx.config, 'registrations_mode');
  if (mode === 'closed') {
    await messagePage(reply, 403, 'Sign up', 'Registrations are closed on this server.');
    return;
  }
  const csrf = csrfToken(ctx, request, reply, null);
  const pow = await powFormParts(ctx, 'sign_up');
  const invite = opts.invite ?? null;
  const intro = invite
    ? h`<p class="notice">@${invite.inviter.username} invited you to join.</p>`
    : mode === 'invite'
      ? h`<p class="notice">This server is invite-only: enter the invite code from your invite link.</p>`
      : raw('');
  const inviteField =
    mode === 'invite'
      ? h`<label for="invite_code">Invite code</label><input type="text" id="invite_code" name="invite_code" value="${values.inviteCode ?? ''}" maxlength="64" autocomplete="off" required>`
      : h`<label for="invite_code">Invite code (optional)</label><input type="text" id="invite_code" name="invite_code" value="${values.inviteCode ?? ''}" maxlength="64" autocomplete="off">`;
  // A valid invite skips the approval queue, so its invitee is not asked why they want to join.
  const reason =
    mode === 'approval' && !invite
      ? h`<label for="reason">Why do you want to join? (a moderator reviews new accounts)</label><textarea id="reason" name="reason" maxlength="1000">${values.reason ?? ''}</textarea>`
      : '';
  await sendPage(
    reply,
    status,
    'Sign up',
    h`${errorBox(opts.error ?? null)}${intro}<form method="post" action="/auth/sign_up"${pow.attribute}>${hidden('csrf_token', csrf)}${pow.fields}
${inviteField}
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
  app.get('/auth/sign_up', async (request, reply) => {
    const code = (request.query as Record<string, unknown>).invite_code;
    await signUpForm(ctx, request, reply, 200, { inviteCode: typeof code === 'string' ? code.slice(0, 64) : undefined });
  });

  app.get<{ Params: { code: string } }>('/invite/:code', async (request, reply) => {
    let invite: CheckedInvite;
    try {
      invite = await checkInviteLink(ctx, request.params.code, request.ip);
    } catch (err) {
      if (!(err instanceof AppError) || err.status >= 500) throw err;
      // Mastodon's API answers 401 for a spent invite; for a page, "gone" says it better.
      const status = err.status === 401 ? 410 : err.status;
      const text = err.publicMessage.replace(/\.?$/, '.');
      return messagePage(reply, status, 'Invite', status === 403 ? text : `${text} Ask the person who invited you for a new link.`);
    }
    await signUpForm(ctx, request, reply, 200, { inviteCode: request.params.code }, { invite });
  });

  app.post('/auth/sign_up', async (request, reply) => {
    const body = formBody(request);
    const values = { username: field(body, 'username'), email: field(body, 'email'), reason: field(body, 'reason'), inviteCode: field(body, 'invite_code').trim() };
    if (!csrfValid(request, null, body.csrf_token)) return signUpForm(ctx, request, reply, 403, values, { error: 'Your form expired. Please try again.' });
    const powProblem = await powFormProblem(ctx, 'sign_up', field(body, 'pow_challenge'), field(body, 'pow_nonce'));
    if (powProblem) return signUpForm(ctx, request, reply, 422, values, { error: powProblem });
    try {
      const { inviteCode, ...rest } = values;
      const created = await signUp(ctx, {
        ...rest,
        inviteCode: inviteCode || null,
        ip: request.ip,
        password: field(body, 'password'),
        agreement: ['1', 'true', 'on'].includes(field(body, 'agreement')),
      });
      if (created.confirmationToken) return messagePage(reply, 200, 'Almost done', 'We sent you an e-mail with a link to confirm your address.');
      if (created.pendingApproval) return messagePage(reply, 200, 'Almost done', 'Your account is waiting for a moderator to approve it.');
      return signInAndRedirect(ctx, reply, created.account.id, '/settings/applications');
    } catch (err) {
      if (err instanceof AppError && err.status < 500) {
        return signUpForm(ctx, request, reply, err.status, values, { error: err.publicMessage.replace(/^Validation failed: /, '') });
      }
      throw err;
    }
  });
};
