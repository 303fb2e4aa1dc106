// Checking a second factor: a TOTP code (each time step accepted once) or a single-use recovery
// code, and the lockout that stops guessing: five wrong attempts within 15 minutes refuse every
// attempt, right or wrong, for the next 15 minutes.
import { randomBytes } from 'node:crypto';
import type { AppContext } from '../../context.ts';
import { clearFailures, countFailure, lockTwoFactor, spendTimeStep, takeRecoveryCode } from '../../db/repos/two-factor.ts';
import type { TwoFactorRow } from '../../db/schema.ts';
import { AppError } from '../../domain/errors.ts';
import { sha256 } from '../../domain/secrets.ts';
import { base32Decode, base32Encode, matchTotp } from '../../domain/totp.ts';

export const MAX_WRONG_ATTEMPTS = 5;
const WINDOW_MS = 15 * 60_000;
const LOCK_MS = 15 * 60_000;
export const RECOVERY_CODE_COUNT = 10;

export interface Lockout {
  retryAfterSeconds: number;
}

/** Tells the person how long to wait: the same words on the sign-in page and in the API. */
export function lockoutMessage(lockout: Lockout): string {
  const minutes = Math.max(1, Math.ceil(lockout.retryAfterSeconds / 60));
  return `Too many wrong two-factor codes. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`;
}

export function lockoutError(lockout: Lockout): AppError {
  return new AppError(429, lockoutMessage(lockout), { headers: { 'retry-after': String(lockout.retryAfterSeconds) } });
}

export function lockoutOf(ctx: AppContext, tf: TwoFactorRow): Lockout | null {
  if (!tf.locked_until) return null;
  const ms = Date.parse(tf.locked_until) - ctx.clock.now().getTime();
  return ms > 0 ? { retryAfterSeconds: Math.ceil(ms / 1000) } : null;
}

/** Counts a wrong code (or password); the lockout when this attempt reached the limit. */
export async function countWrongAttempt(ctx: AppContext, accountId: string): Promise<Lockout | null> {
  const now = ctx.clock.now();
  const count = await countFailure(ctx.db, accountId, now.toISOString(), new Date(now.getTime() - WINDOW_MS).toISOString());
  if (count < MAX_WRONG_ATTEMPTS) return null;
  await lockTwoFactor(ctx.db, accountId, new Date(now.getTime() + LOCK_MS).toISOString());
  ctx.log.warn({ accountId }, 'two-factor sign-in locked after repeated wrong codes');
  return { retryAfterSeconds: LOCK_MS / 1000 };
}

export async function clearWrongAttempts(ctx: AppContext, accountId: string): Promise<void> {
  await clearFailures(ctx.db, accountId);
}

/** Ten codes of 80 random bits each, shown as xxxx-xxxx-xxxx-xxxx. */
export function generateRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => base32Encode(randomBytes(10)).toLowerCase().match(/.{4}/g)!.join('-'));
}

/**
 * 80 random bits make a fast hash safe against offline guessing; the account id in the input
 * means a leaked hash fits no other account.
 */
export function recoveryCodeHash(accountId: string, code: string): string {
  return sha256(`${accountId}:${normaliseCode(code)}`);
}

/** People type codes with spaces, dashes and in either case. */
export function normaliseCode(code: string): string {
  return code.replace(/[\s-]/g, '').toLowerCase();
}

/** The time step of a valid TOTP code for `secret`, or null. Spends nothing. */
export function matchingStep(ctx: AppContext, secret: string, code: string): number | null {
  const key = base32Decode(secret);
  return key ? matchTotp(key, normaliseCode(code), ctx.clock.now().getTime()) : null;
}

/**
 * Redeems a code of an enabled two-factor login: a TOTP code whose time step is newer than the
 * last one used, or (when allowed) one of the recovery codes, which is then gone. Null when wrong.
 */
export async function redeemSecondFactor(ctx: AppContext, tf: TwoFactorRow, code: string, opts: { allowRecovery: boolean }): Promise<'totp' | 'recovery' | null> {
  const clean = normaliseCode(code);
  if (/^\d{6}$/.test(clean)) {
    const step = matchingStep(ctx, tf.secret, clean);
    return step !== null && (await spendTimeStep(ctx.db, tf.account_id, step)) ? 'totp' : null;
  }
  if (opts.allowRecovery && /^[a-z2-7]{16}$/.test(clean)) {
    return (await takeRecoveryCode(ctx.db, tf.account_id, recoveryCodeHash(tf.account_id, clean))) ? 'recovery' : null;
  }
  return null;
}
