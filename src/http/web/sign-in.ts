// /auth/sign_in and /auth/sign_out: the web session that the consent and development pages use.
// With two-factor authentication or a passkey, the right password leads to a second step
// (/auth/sign_in/two_factor) asking for a code or the passkey; only that step starts the session.
// A passkey also signs in alone (/auth/sign_in/passkey): it is the strong factor then.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../context.ts';
import type { RouteGroup } from '../routes.ts';
import { checkPassword, loginBlocker } from '../../services/auth/sign-in.ts';
import { lockoutMessage, lockoutOf, type Lockout } from '../../services/auth/two-factor-codes.ts';
import { finishPendingLogin, secondFactorOf, startPendingLogin } from '../../services/auth/two-factor-sign-in.ts';
import { finishPasskeyStep, hasPasskeys, passkeyRequestOptions, pendingSignInAccount, signInWithPasskey, type PasskeyOutcome } from '../../services/auth/passkeys-sign-in.ts';
import { endWebSession, startWebSession } from '../../services/auth/web-sessions.ts';
import { errorBox, h, hidden, raw, sendPage } from './page.ts';
import { PASSKEY_SCRIPT, passkeyForm, passkeyScriptRoutes } from './passkey-form.ts';
import { POW_SCRIPT, powFormParts, powFormProblem } from './proof-of-work-form.ts';
import { csrfToken, csrfValid, field, formBody, readCookie, requestClient, safeReturnTo, SESSION_COOKIE, setCookie, webSessionOf } from './session.ts';

const SESSION_MAX_AGE = 30 * 86_400;
/** Longer than any code or recovery code: anything longer is simply wrong. */
const CODE_MAX = 64;

/** Starts the session and redirects. Resolves once the reply is sent (never to the thenable reply itself). */
export async function signInAndRedirect(ctx: AppContext, reply: FastifyReply, accountId: string, returnTo: string): Promise<void> {
  const { cookieValue } = await startWebSession(ctx, accountId, requestClient(reply.request));
  setCookie(ctx, reply, SESSION_COOKIE, cookieValue, SESSION_MAX_AGE);
  await reply.redirect(returnTo, 303);
}

/** Resolves once the page is sent (never to the thenable reply itself). */
async function signInForm(ctx: AppContext, request: FastifyRequest, reply: FastifyReply, status: number, opts: { returnTo: string; login?: string; error?: string }): Promise<void> {
  const csrf = csrfToken(ctx, request, reply, null);
  const pow = await powFormParts(ctx, 'sign_in');
  // A separate form: the passkey answers for the password, so no proof of work is needed for it.
  const passkey = passkeyForm({
    action: '/auth/sign_in/passkey',
    options: await passkeyRequestOptions(ctx, { accountId: null, browserToken: csrf }),
    fields: h`${hidden('csrf_token', csrf)}${hidden('return_to', opts.returnTo)}`,
    label: 'Use a passkey',
  });
  await sendPage(
    reply,
    status,
    'Sign in',
    h`${errorBox(opts.error ?? null)}<form method="post" action="/auth/sign_in"${pow.attribute}>${hidden('csrf_token', csrf)}${hidden('return_to', opts.returnTo)}${pow.fields}
<label for="login">Username or e-mail address</label><input type="text" id="login" name="login" value="${opts.login ?? ''}" autocomplete="username" required autofocus>
<label for="password">Password</label><input type="password" id="password" name="password" autocomplete="current-password" required>
<button type="submit">Sign in</button></form><p>Or sign in with a passkey, without a password:</p>${passkey}<p><a href="/auth/password/new">Forgot your password?</a> · <a href="/auth/sign_up">Create an account</a></p>`,
    undefined,
    pow.enabled ? [POW_SCRIPT, PASSKEY_SCRIPT] : [PASSKEY_SCRIPT],
  );
}

/**
 * The second step: a code (with two-factor authentication on) and/or the passkey (with one
 * registered). The pending sign-in's own return_to decides where it goes; this one is for "start
 * over". Resolves once the page is sent (never to the thenable reply itself).
 */
async function secondStepForm(ctx: AppContext, request: FastifyRequest, reply: FastifyReply, status: number, opts: { token: string; returnTo: string; error?: string }): Promise<void> {
  const csrf = csrfToken(ctx, request, reply, null);
  const startOver = `/auth/sign_in?return_to=${encodeURIComponent(opts.returnTo)}`;
  const accountId = await pendingSignInAccount(ctx, opts.token);
  const withCode = !accountId || (await secondFactorOf(ctx, accountId)) !== null;
  const withPasskey = accountId !== null && (await hasPasskeys(ctx, accountId));
  const codeForm = withCode
    ? h`<p>Enter the 6-digit code from your authenticator app, or one of your recovery codes.</p><form method="post" action="/auth/sign_in/two_factor">${hidden('csrf_token', csrf)}${hidden('login_token', opts.token)}${hidden('return_to', opts.returnTo)}
<label for="code">Code</label><input type="text" id="code" name="code" autocomplete="one-time-code" autocapitalize="off" spellcheck="false" maxlength="${CODE_MAX}" required autofocus>
<button type="submit">Verify</button></form>`
    : raw('');
  const passkey = withPasskey
    ? h`<p>${withCode ? 'Or confirm with your passkey instead of a code:' : 'Confirm it is you with a passkey you registered for this account.'}</p>${passkeyForm({
        action: '/auth/sign_in/two_factor/passkey',
        options: await passkeyRequestOptions(ctx, { accountId, browserToken: csrf }),
        fields: h`${hidden('csrf_token', csrf)}${hidden('login_token', opts.token)}${hidden('return_to', opts.returnTo)}`,
        label: 'Use your passkey',
      })}`
    : raw('');
  await sendPage(reply, status, 'Two-factor authentication', h`${errorBox(opts.error ?? null)}${codeForm}${passkey}<p><a href="${startOver}">Start over</a></p>`, undefined, withPasskey ? PASSKEY_SCRIPT : undefined);
}

function lockedOut(ctx: AppContext, request: FastifyRequest, reply: FastifyReply, lockout: Lockout, opts: { returnTo: string; login?: string }) {
  reply.header('retry-after', String(lockout.retryAfterSeconds));
  return signInForm(ctx, request, reply, 429, { ...opts, error: lockoutMessage(lockout) });
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
    // Before the password is even looked at: guessing costs a second of CPU per guess.
    const powProblem = await powFormProblem(ctx, 'sign_in', field(body, 'pow_challenge'), field(body, 'pow_nonce'));
    if (powProblem) return signInForm(ctx, request, reply, 422, { returnTo, login: loginName, error: powProblem });
    const login = await checkPassword(ctx, loginName, field(body, 'password'));
    if (!login) return signInForm(ctx, request, reply, 422, { returnTo, login: loginName, error: 'Invalid username, e-mail address or password.' });
    const blocker = loginBlocker(login);
    if (blocker) return signInForm(ctx, request, reply, 403, { returnTo, login: loginName, error: `${blocker}.` });
    const secondFactor = await secondFactorOf(ctx, login.account.id);
    if (secondFactor || (await hasPasskeys(ctx, login.account.id))) {
      const locked = secondFactor && lockoutOf(ctx, secondFactor);
      if (locked) return lockedOut(ctx, request, reply, locked, { returnTo, login: loginName });
      // The CSRF cookie (just checked to equal the submitted token) binds the second step to this browser.
      const token = await startPendingLogin(ctx, { accountId: login.account.id, browserToken: field(body, 'csrf_token'), returnTo });
      return secondStepForm(ctx, request, reply, 200, { token, returnTo });
    }
    await signInAndRedirect(ctx, reply, login.account.id, returnTo);
    return reply;
  });

  // Reloading the code page after it expired, or following an old link: start over.
  app.get('/auth/sign_in/two_factor', async (_request, reply) => reply.redirect('/auth/sign_in', 303));

  app.post('/auth/sign_in/two_factor', async (request, reply) => {
    const body = formBody(request);
    const returnTo = safeReturnTo(body.return_to);
    if (!csrfValid(request, null, body.csrf_token)) return signInForm(ctx, request, reply, 403, { returnTo, error: 'Your form expired. Please try again.' });
    const code = field(body, 'code');
    const outcome = await finishPendingLogin(ctx, {
      token: field(body, 'login_token'),
      browserToken: field(body, 'csrf_token'),
      code: code.length > CODE_MAX ? '' : code,
    });
    switch (outcome.kind) {
      case 'signed-in':
        await signInAndRedirect(ctx, reply, outcome.accountId, outcome.returnTo);
        return reply;
      case 'wrong':
        return secondStepForm(ctx, request, reply, 422, { token: outcome.token, returnTo, error: 'Invalid two-factor code.' });
      case 'locked':
        return lockedOut(ctx, request, reply, outcome.lockout, { returnTo });
      case 'expired':
        return signInForm(ctx, request, reply, 422, { returnTo, error: 'Your sign-in expired or was already used. Please enter your password again.' });
    }
  });

  app.post('/auth/sign_in/two_factor/passkey', async (request, reply) => {
    const body = formBody(request);
    const returnTo = safeReturnTo(body.return_to);
    if (!csrfValid(request, null, body.csrf_token)) return signInForm(ctx, request, reply, 403, { returnTo, error: 'Your form expired. Please try again.' });
    const outcome = await finishPasskeyStep(ctx, { token: field(body, 'login_token'), browserToken: field(body, 'csrf_token'), credential: field(body, 'credential') });
    return passkeyOutcome(ctx, request, reply, outcome, returnTo);
  });

  app.post('/auth/sign_in/passkey', async (request, reply) => {
    const body = formBody(request);
    const returnTo = safeReturnTo(body.return_to);
    if (!csrfValid(request, null, body.csrf_token)) return signInForm(ctx, request, reply, 403, { returnTo, error: 'Your form expired. Please try again.' });
    const outcome = await signInWithPasskey(ctx, { browserToken: field(body, 'csrf_token'), credential: field(body, 'credential'), returnTo });
    return passkeyOutcome(ctx, request, reply, outcome, returnTo);
  });

  passkeyScriptRoutes(app, ctx);

  app.post('/auth/sign_out', async (request, reply) => {
    const session = await webSessionOf(ctx, request);
    if (session && !csrfValid(request, session, formBody(request).csrf_token)) return sendPage(reply, 403, 'Sign out', h`<p>Your form expired. Please try again.</p>`);
    await endWebSession(ctx, readCookie(request, SESSION_COOKIE));
    setCookie(ctx, reply, SESSION_COOKIE, '', 0);
    return reply.redirect('/auth/sign_in', 303);
  });
};

/** Answers a passkey sign-in, either kind. Resolves once the reply is sent (never to the reply itself). */
async function passkeyOutcome(ctx: AppContext, request: FastifyRequest, reply: FastifyReply, outcome: PasskeyOutcome, returnTo: string): Promise<void> {
  switch (outcome.kind) {
    case 'signed-in':
      return signInAndRedirect(ctx, reply, outcome.accountId, outcome.returnTo);
    case 'wrong':
      if (outcome.token) return secondStepForm(ctx, request, reply, 422, { token: outcome.token, returnTo, error: 'That passkey could not be verified. Please try again.' });
      return signInForm(ctx, request, reply, 422, { returnTo, error: 'That passkey could not be verified. Please try again, or sign in with your password.' });
    case 'blocked':
      return signInForm(ctx, request, reply, 403, { returnTo, error: `${outcome.message}.` });
    case 'expired':
      return signInForm(ctx, request, reply, 422, { returnTo, error: 'Your sign-in expired or was already used. Please enter your password again.' });
  }
}

/** A small header with the signed-in name and a sign-out button. */
export function signedInBar(username: string, csrf: string) {
  return h`<form method="post" action="/auth/sign_out" style="text-align:right">Signed in as @${username} ${hidden('csrf_token', csrf)}<button type="submit">Sign out</button></form>`;
}
