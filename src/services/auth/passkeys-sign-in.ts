// Signing in with a passkey, either as the second step after the password (the pending sign-in's
// account, any of its passkeys, user presence suffices) or instead of the password (a
// discoverable passkey names its account by the user handle; user verification is required, so
// the passkey alone is two factors and no code step follows). Either way the browser's answer
// must carry this server's origin and rpID, a live challenge issued to this browser for this
// purpose, a valid signature of a passkey of the right account and a counter that grew.
import { generateAuthenticationOptions, verifyAuthenticationResponse, type PublicKeyCredentialRequestOptionsJSON } from '@simplewebauthn/server';
import type { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { findPasskey, findUserHandle, listPasskeyRows, pendingLoginAccountId, recordPasskeyUse } from '../../db/repos/passkeys.ts';
import { takePendingLogin } from '../../db/repos/two-factor.ts';
import { findLoginByAccountId } from '../../db/repos/users.ts';
import { safeEqual, sha256 } from '../../domain/secrets.ts';
import { asAuthenticationJson, CHALLENGE_MS, issueChallenge, parseAssertion, relyingParty, takeChallenge, type AuthenticationResponse } from './passkeys-webauthn.ts';
import { loginBlocker } from './sign-in.ts';
import { startPendingLogin } from './two-factor-sign-in.ts';
import { transportsOf } from './passkeys.ts';

/** Whether a password sign-in of this account needs a second step for its passkeys. */
export async function hasPasskeys(ctx: AppContext, accountId: string): Promise<boolean> {
  return (await ctx.db.selectFrom('passkeys').select('id').where('account_id', '=', accountId).limit(1).executeTakeFirst()) !== undefined;
}

/**
 * Request options for the sign-in page. `accountId` null: passwordless (any discoverable passkey
 * of this server); otherwise the second step of that account's sign-in.
 */
export async function passkeyRequestOptions(ctx: AppContext, input: { accountId: string | null; browserToken: string }): Promise<PublicKeyCredentialRequestOptionsJSON> {
  const purpose = input.accountId === null ? 'sign_in' : 'second_factor';
  const challenge = await issueChallenge(ctx, { purpose, accountId: input.accountId, browserToken: input.browserToken });
  const allow = input.accountId === null ? [] : await listPasskeyRows(ctx.db, input.accountId);
  return generateAuthenticationOptions({
    rpID: relyingParty(ctx).id,
    challenge: Buffer.from(challenge, 'base64url'),
    timeout: CHALLENGE_MS,
    allowCredentials: allow.map((p) => ({ id: p.id, transports: transportsOf(p) as ('usb' | 'nfc' | 'ble' | 'internal' | 'hybrid' | 'cable' | 'smart-card')[] })),
    userVerification: input.accountId === null ? 'required' : 'preferred',
  });
}

/**
 * Verifies a sign-in assertion; returns the account it signs in, or null (challenge spent either
 * way). For the second step `accountId` is the pending sign-in's account and the passkey must be
 * one of its own.
 */
export async function verifyPasskeySignIn(ctx: AppContext, input: { assertion: z.infer<typeof AuthenticationResponse>; accountId: string | null; browserToken: string }): Promise<string | null> {
  const passwordless = input.accountId === null;
  const expectedChallenge = await takeChallenge(ctx, input.assertion.response.clientDataJSON, {
    purpose: passwordless ? 'sign_in' : 'second_factor',
    accountId: input.accountId,
    browserToken: input.browserToken,
  });
  if (!expectedChallenge) return null;
  const passkey = await findPasskey(ctx.db, input.assertion.id);
  if (!passkey || (input.accountId !== null && passkey.account_id !== input.accountId)) return null;
  if (passwordless) {
    // The authenticator names the account it holds the passkey for; it must be the passkey's own.
    const handle = await findUserHandle(ctx.db, passkey.account_id);
    if (!handle || !input.assertion.response.userHandle || input.assertion.response.userHandle !== handle) return null;
  }
  const rp = relyingParty(ctx);
  let newCounter: number;
  try {
    const result = await verifyAuthenticationResponse({
      response: asAuthenticationJson(input.assertion),
      expectedChallenge,
      expectedOrigin: rp.origin,
      expectedRPID: rp.id,
      credential: { id: passkey.id, publicKey: Buffer.from(passkey.public_key, 'base64url'), counter: Number(passkey.counter), transports: transportsOf(passkey) },
      requireUserVerification: passwordless,
    });
    if (!result.verified) return null;
    newCounter = result.authenticationInfo.newCounter;
  } catch {
    // A bad signature, origin, rpID, flags or a counter that did not grow (a cloned authenticator).
    return null;
  }
  if (!(await recordPasskeyUse(ctx.db, passkey.id, newCounter, ctx.clock.now().toISOString()))) return null;
  return passkey.account_id;
}

export type PasskeyOutcome =
  | { kind: 'signed-in'; accountId: string; returnTo: string }
  /** The pending sign-in is unknown, used, expired or from another browser: start over. */
  | { kind: 'expired' }
  /** The passkey did not verify; `token` continues the second step (null when passwordless). */
  | { kind: 'wrong'; token: string | null }
  | { kind: 'blocked'; message: string };

/** Suspended, disabled, unconfirmed or unapproved logins stay out, whatever factor they show. */
async function blockerOf(ctx: AppContext, accountId: string): Promise<string | null> {
  const login = await findLoginByAccountId(ctx.db, accountId);
  return login ? loginBlocker(login) : 'Your login is currently disabled';
}

/** The account of a live pending sign-in, to offer its passkeys on the second-step page. */
export async function pendingSignInAccount(ctx: AppContext, token: string): Promise<string | null> {
  return token ? ((await pendingLoginAccountId(ctx.db, sha256(token), ctx.clock.now().toISOString())) ?? null) : null;
}

/**
 * The second step answered with a passkey instead of a code. Like a code, it spends the pending
 * sign-in; a passkey that does not verify gets a fresh one with the same deadline.
 */
export async function finishPasskeyStep(ctx: AppContext, input: { token: string; browserToken: string; credential: string }): Promise<PasskeyOutcome> {
  if (!input.token || !input.browserToken) return { kind: 'expired' };
  const pending = await takePendingLogin(ctx.db, sha256(input.token), ctx.clock.now().toISOString());
  if (!pending || !safeEqual(pending.browser_hash, sha256(input.browserToken))) return { kind: 'expired' };
  const assertion = parseAssertion(input.credential);
  const accountId = assertion ? await verifyPasskeySignIn(ctx, { assertion, accountId: pending.account_id, browserToken: input.browserToken }) : null;
  if (!accountId) {
    const token = await startPendingLogin(ctx, { accountId: pending.account_id, browserToken: input.browserToken, returnTo: pending.return_to, expiresAt: pending.expires_at });
    return { kind: 'wrong', token };
  }
  const blocker = await blockerOf(ctx, accountId);
  if (blocker) return { kind: 'blocked', message: blocker };
  return { kind: 'signed-in', accountId, returnTo: pending.return_to };
}

/** Signing in with a passkey alone: it is the strong factor, so no code step follows. */
export async function signInWithPasskey(ctx: AppContext, input: { browserToken: string; credential: string; returnTo: string }): Promise<PasskeyOutcome> {
  const assertion = parseAssertion(input.credential);
  const accountId = assertion && input.browserToken ? await verifyPasskeySignIn(ctx, { assertion, accountId: null, browserToken: input.browserToken }) : null;
  if (!accountId) return { kind: 'wrong', token: null };
  const blocker = await blockerOf(ctx, accountId);
  if (blocker) return { kind: 'blocked', message: blocker };
  return { kind: 'signed-in', accountId, returnTo: input.returnTo };
}
