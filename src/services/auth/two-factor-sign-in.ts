// The second step of signing in with two-factor authentication. After the right password the
// browser gets a pending sign-in: a random token (only its sha256 is stored) that lives five
// minutes, is bound to the browser's CSRF cookie, grants nothing by itself and is answered once
// (a wrong code gets a fresh token with the same deadline). The OAuth password grant cannot carry
// a code, so it is refused for such logins, as Mastodon does; apps use the browser flow instead.
import type { AppContext } from '../../context.ts';
import { countPasskeys } from '../../db/repos/passkeys.ts';
import { getSetting } from '../../db/repos/settings.ts';
import { findTwoFactor, insertPendingLogin, takePendingLogin } from '../../db/repos/two-factor.ts';
import { findLogin } from '../../db/repos/users.ts';
import type { TwoFactorRow } from '../../db/schema.ts';
import { verifyPassword } from '../../domain/passwords.ts';
import { randomSecret, safeEqual, sha256 } from '../../domain/secrets.ts';
import { clearWrongAttempts, countWrongAttempt, lockoutOf, redeemSecondFactor, type Lockout } from './two-factor-codes.ts';

const PENDING_MS = 5 * 60_000;

/** The account's two-factor row when sign-in needs a second factor. */
export async function secondFactorOf(ctx: AppContext, accountId: string): Promise<TwoFactorRow | null> {
  const tf = await findTwoFactor(ctx.db, accountId);
  return tf?.enabled_at ? tf : null;
}

/** Starts the second step; returns the token for the form. `browserToken` is the CSRF cookie's value. */
export async function startPendingLogin(ctx: AppContext, input: { accountId: string; browserToken: string; returnTo: string; expiresAt?: string }): Promise<string> {
  const token = randomSecret();
  const now = ctx.clock.now();
  await insertPendingLogin(
    ctx.db,
    {
      id: sha256(token),
      account_id: input.accountId,
      browser_hash: sha256(input.browserToken),
      return_to: input.returnTo,
      expires_at: input.expiresAt ?? new Date(now.getTime() + PENDING_MS).toISOString(),
      created_at: now.toISOString(),
    },
    now.toISOString(),
  );
  return token;
}

export type SecondStepOutcome =
  | { kind: 'signed-in'; accountId: string; returnTo: string }
  /** Unknown, used, expired, or from another browser: sign in again. */
  | { kind: 'expired' }
  | { kind: 'wrong'; token: string }
  | { kind: 'locked'; lockout: Lockout };

export async function finishPendingLogin(ctx: AppContext, input: { token: string; browserToken: string; code: string }): Promise<SecondStepOutcome> {
  if (!input.token || !input.browserToken) return { kind: 'expired' };
  const pending = await takePendingLogin(ctx.db, sha256(input.token), ctx.clock.now().toISOString());
  if (!pending || !safeEqual(pending.browser_hash, sha256(input.browserToken))) return { kind: 'expired' };
  // Two-factor turned off meanwhile: the password step alone decides now, so start over.
  const tf = await secondFactorOf(ctx, pending.account_id);
  if (!tf) return { kind: 'expired' };
  const locked = lockoutOf(ctx, tf);
  if (locked) return { kind: 'locked', lockout: locked };
  if (!(await redeemSecondFactor(ctx, tf, input.code, { allowRecovery: true }))) {
    const lockout = await countWrongAttempt(ctx, tf.account_id);
    if (lockout) return { kind: 'locked', lockout };
    const token = await startPendingLogin(ctx, { accountId: pending.account_id, browserToken: input.browserToken, returnTo: pending.return_to, expiresAt: pending.expires_at });
    return { kind: 'wrong', token };
  }
  await clearWrongAttempts(ctx, tf.account_id);
  return { kind: 'signed-in', accountId: pending.account_id, returnTo: pending.return_to };
}

/**
 * True when a password grant names a login with two-factor authentication: Mastodon's Doorkeeper
 * then finds no resource owner, so the answer is the same invalid_grant as a wrong password. The
 * password is hashed here too, so timing does not tell such logins apart.
 */
export async function passwordGrantNeedsSecondFactor(ctx: AppContext, username: string | undefined, password: string | undefined): Promise<boolean> {
  if (!username?.trim() || !password || !(await getSetting(ctx.db, ctx.config, 'password_grant'))) return false;
  const login = await findLogin(ctx.db, username);
  // A passkey is a second factor too: an account that has one never signs in by password alone.
  if (!login || (!(await secondFactorOf(ctx, login.account.id)) && (await countPasskeys(ctx.db, login.account.id)) === 0)) return false;
  await verifyPassword(password, login.user.password_hash);
  return true;
}
