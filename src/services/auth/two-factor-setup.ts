// Turning TOTP two-factor sign-in on and off from settings. Setup makes a pending secret (shown
// once as an otpauth:// URI and QR code); confirming it with a current code and the password turns
// it on and yields ten recovery codes (shown once, stored hashed). Disabling and new recovery
// codes need the password and a code. Wrong passwords and codes count towards the lockout.
import { renderSVG } from 'uqr';
import type { AppContext } from '../../context.ts';
import {
  countRecoveryCodes,
  deleteTwoFactor,
  enableTwoFactor,
  findTwoFactor,
  replaceRecoveryCodes,
  savePendingSecret,
} from '../../db/repos/two-factor.ts';
import { findLoginByAccountId } from '../../db/repos/users.ts';
import type { AccountRow, TwoFactorRow } from '../../db/schema.ts';
import { conflict, unprocessable } from '../../domain/errors.ts';
import { verifyPassword } from '../../domain/passwords.ts';
import { generateTotpSecret, otpauthUri } from '../../domain/totp.ts';
import {
  clearWrongAttempts,
  countWrongAttempt,
  generateRecoveryCodes,
  lockoutError,
  lockoutOf,
  matchingStep,
  recoveryCodeHash,
  redeemSecondFactor,
} from './two-factor-codes.ts';

export interface TwoFactorState {
  enabled: boolean;
  /** A setup was started and waits for its confirming code. */
  pending: boolean;
  enabled_at: string | null;
  recovery_codes_left: number;
}

export interface TwoFactorSetup {
  secret: string;
  otpauth_uri: string;
  qr_svg: string;
}

export interface Proof {
  code: string;
  password: string;
}

const notEnabled = () => unprocessable('Two-factor authentication is not enabled');

export async function twoFactorState(ctx: AppContext, accountId: string): Promise<TwoFactorState> {
  const tf = await findTwoFactor(ctx.db, accountId);
  const enabled = Boolean(tf?.enabled_at);
  return { enabled, pending: Boolean(tf && !tf.enabled_at), enabled_at: tf?.enabled_at ?? null, recovery_codes_left: enabled ? await countRecoveryCodes(ctx.db, accountId) : 0 };
}

/** A new pending secret (replacing an unconfirmed one). The only time the secret leaves the server. */
export async function beginTwoFactorSetup(ctx: AppContext, account: AccountRow): Promise<TwoFactorSetup> {
  const secret = generateTotpSecret();
  if (!(await savePendingSecret(ctx.db, account.id, secret, ctx.clock.now().toISOString()))) {
    throw conflict('Two-factor authentication is already enabled; disable it first to set it up again');
  }
  const uri = otpauthUri({ issuer: ctx.config.domain, accountName: `${account.username}@${ctx.config.domain}`, secret });
  return { secret, otpauth_uri: uri, qr_svg: renderSVG(uri, { ecc: 'M', border: 2, pixelSize: 4 }) };
}

export async function confirmTwoFactor(ctx: AppContext, account: AccountRow, proof: Proof): Promise<string[]> {
  const tf = await findTwoFactor(ctx.db, account.id);
  if (!tf || tf.enabled_at) throw unprocessable('There is no two-factor setup to confirm; start the setup first');
  // The pending secret's code is checked here, and its step spent when it is turned on.
  const step = await proveIdentity(ctx, tf, proof, async () => matchingStep(ctx, tf.secret, proof.code));
  const codes = generateRecoveryCodes();
  const now = ctx.clock.now().toISOString();
  const enabled = await ctx.db.transaction().execute(async (trx) => {
    if (!(await enableTwoFactor(trx, account.id, tf.secret, step, now))) return false;
    await replaceRecoveryCodes(trx, account.id, codes.map((c) => recoveryCodeHash(account.id, c)), now);
    return true;
  });
  if (!enabled) throw conflict('The two-factor setup changed meanwhile; start it again');
  return codes;
}

export async function disableTwoFactor(ctx: AppContext, account: AccountRow, proof: Proof): Promise<void> {
  const tf = await findTwoFactor(ctx.db, account.id);
  if (!tf?.enabled_at) throw notEnabled();
  await proveIdentity(ctx, tf, proof, () => redeemSecondFactor(ctx, tf, proof.code, { allowRecovery: true }));
  await ctx.db.transaction().execute((trx) => deleteTwoFactor(trx, account.id));
}

/** New recovery codes; the old ones stop working. */
export async function regenerateRecoveryCodes(ctx: AppContext, account: AccountRow, proof: Proof): Promise<string[]> {
  const tf = await findTwoFactor(ctx.db, account.id);
  if (!tf?.enabled_at) throw notEnabled();
  await proveIdentity(ctx, tf, proof, () => redeemSecondFactor(ctx, tf, proof.code, { allowRecovery: true }));
  const codes = generateRecoveryCodes();
  await ctx.db.transaction().execute((trx) => replaceRecoveryCodes(trx, account.id, codes.map((c) => recoveryCodeHash(account.id, c)), ctx.clock.now().toISOString()));
  return codes;
}

/**
 * The password and then the code (what `redeem` makes of it, null when wrong), unless locked
 * out. Each wrong one counts towards the lockout; the attempt that reaches the limit is answered
 * with the lockout itself.
 */
async function proveIdentity<T>(ctx: AppContext, tf: TwoFactorRow, proof: Proof, redeem: () => Promise<T | null>): Promise<T> {
  const locked = lockoutOf(ctx, tf);
  if (locked) throw lockoutError(locked);
  const login = await findLoginByAccountId(ctx.db, tf.account_id);
  const wrong = async (message: string) => {
    const lockout = await countWrongAttempt(ctx, tf.account_id);
    return lockout ? lockoutError(lockout) : unprocessable(message);
  };
  if (!login || !(await verifyPassword(proof.password, login.user.password_hash))) throw await wrong('Password is not correct');
  const redeemed = await redeem();
  if (redeemed === null) throw await wrong('Two-factor code is not correct');
  await clearWrongAttempts(ctx, tf.account_id);
  return redeemed;
}
