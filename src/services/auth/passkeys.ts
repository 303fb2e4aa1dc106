// Registering, listing and removing passkeys from the security settings. The options name this
// server as relying party and the account by a random user handle (never its id); existing
// passkeys are excluded so one authenticator is not registered twice. Removing one needs the
// password: a stolen session must not be able to take away the owner's way back in.
import { generateRegistrationOptions, verifyRegistrationResponse, type PublicKeyCredentialCreationOptionsJSON } from '@simplewebauthn/server';
import type { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { countPasskeys, deletePasskeyRow, insertPasskey, listPasskeyRows, userHandleOf } from '../../db/repos/passkeys.ts';
import { getSetting } from '../../db/repos/settings.ts';
import { findLoginByAccountId } from '../../db/repos/users.ts';
import type { AccountRow, PasskeyRow } from '../../db/schema.ts';
import { conflict, notFound, unprocessable } from '../../domain/errors.ts';
import { verifyPassword } from '../../domain/passwords.ts';
import { randomSecret } from '../../domain/secrets.ts';
import { ALGORITHMS, asRegistrationJson, CHALLENGE_MS, issueChallenge, relyingParty, takeChallenge, type RegistrationResponse } from './passkeys-webauthn.ts';

/** Enough for every device a person owns; bounds the sign-in options and the table. */
export const MAX_PASSKEYS = 20;

export interface PasskeyEntry {
  id: string;
  name: string;
  transports: string[];
  created_at: string;
  last_used_at: string | null;
}

export function transportsOf(row: PasskeyRow): string[] {
  try {
    const parsed: unknown = JSON.parse(row.transports);
    return Array.isArray(parsed) ? parsed.filter((t): t is string => typeof t === 'string') : [];
  } catch {
    return [];
  }
}

const entryOf = (row: PasskeyRow): PasskeyEntry => ({ id: row.id, name: row.name, transports: transportsOf(row), created_at: row.created_at, last_used_at: row.last_used_at });

export async function listPasskeys(ctx: AppContext, accountId: string): Promise<PasskeyEntry[]> {
  return (await listPasskeyRows(ctx.db, accountId)).map(entryOf);
}

export async function passkeyCreationOptions(ctx: AppContext, account: AccountRow): Promise<PublicKeyCredentialCreationOptionsJSON> {
  const existing = await listPasskeyRows(ctx.db, account.id);
  if (existing.length >= MAX_PASSKEYS) throw unprocessable(`You can register up to ${MAX_PASSKEYS} passkeys; remove one first`);
  const nowIso = ctx.clock.now().toISOString();
  const handle = await userHandleOf(ctx.db, account.id, randomSecret(32), nowIso);
  const challenge = await issueChallenge(ctx, { purpose: 'register', accountId: account.id, browserToken: null });
  const rp = relyingParty(ctx);
  return generateRegistrationOptions({
    rpName: await getSetting(ctx.db, ctx.config, 'site_title'),
    rpID: rp.id,
    userID: Buffer.from(handle, 'base64url'),
    userName: `${account.username}@${ctx.config.domain}`,
    userDisplayName: account.display_name || account.username,
    challenge: Buffer.from(challenge, 'base64url'),
    timeout: CHALLENGE_MS,
    attestationType: 'none',
    excludeCredentials: existing.map((p) => ({ id: p.id, transports: transportsOf(p) as AuthenticatorTransport[] })),
    // Discoverable where the authenticator can, so the passkey also signs in without a username.
    authenticatorSelection: { residentKey: 'preferred', userVerification: 'preferred' },
    supportedAlgorithmIDs: ALGORITHMS,
  });
}

type AuthenticatorTransport = 'ble' | 'cable' | 'hybrid' | 'internal' | 'nfc' | 'smart-card' | 'usb';

export async function registerPasskey(ctx: AppContext, account: AccountRow, input: { credential: z.infer<typeof RegistrationResponse>; name: string }): Promise<PasskeyEntry> {
  const invalid = () => unprocessable('The passkey could not be verified; please try again');
  const expectedChallenge = await takeChallenge(ctx, input.credential.response.clientDataJSON, { purpose: 'register', accountId: account.id, browserToken: null });
  if (!expectedChallenge) throw invalid();
  const rp = relyingParty(ctx);
  let verification;
  try {
    verification = await verifyRegistrationResponse({
      response: asRegistrationJson(input.credential),
      expectedChallenge,
      expectedOrigin: rp.origin,
      expectedRPID: rp.id,
      // Used as a second factor it needs only presence; the passwordless sign-in asks for verification.
      requireUserVerification: false,
      supportedAlgorithmIDs: ALGORITHMS,
    });
  } catch {
    throw invalid();
  }
  if (!verification.verified) throw invalid();
  if ((await countPasskeys(ctx.db, account.id)) >= MAX_PASSKEYS) throw unprocessable(`You can register up to ${MAX_PASSKEYS} passkeys; remove one first`);
  const { credential } = verification.registrationInfo;
  const row: PasskeyRow = {
    id: credential.id,
    account_id: account.id,
    public_key: Buffer.from(credential.publicKey).toString('base64url'),
    counter: credential.counter,
    transports: JSON.stringify((input.credential.response.transports ?? []).slice(0, 10)),
    name: input.name,
    created_at: ctx.clock.now().toISOString(),
    last_used_at: null,
  };
  if (!(await insertPasskey(ctx.db, row))) throw conflict('This passkey is already registered');
  return entryOf(row);
}

export async function deletePasskey(ctx: AppContext, account: AccountRow, id: string, password: string): Promise<void> {
  const login = await findLoginByAccountId(ctx.db, account.id);
  if (!login || !(await verifyPassword(password, login.user.password_hash))) throw unprocessable('Password is not correct');
  if (!(await deletePasskeyRow(ctx.db, account.id, id))) throw notFound();
}
