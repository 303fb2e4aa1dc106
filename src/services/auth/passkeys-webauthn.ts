// What registering a passkey and signing in with one share: who the relying party is (the
// server's own domain and base URL), the browser's response as validated JSON, and the
// challenges: random, stored as sha256, bound to an account and/or a browser, five minutes, and
// spent by the first answer whether or not it verifies.
import type { AuthenticationResponseJSON, RegistrationResponseJSON } from '@simplewebauthn/server';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { insertPasskeyChallenge, takePasskeyChallenge } from '../../db/repos/passkeys.ts';
import type { PasskeyChallengeRow } from '../../db/schema.ts';
import { randomSecret, sha256 } from '../../domain/secrets.ts';

export const CHALLENGE_MS = 5 * 60_000;
/** ES256, EdDSA, RS256: what authenticators make and the library verifies. */
export const ALGORITHMS = [-7, -8, -257];

export type ChallengePurpose = PasskeyChallengeRow['purpose'];

/** The rpID is the domain without its port; the origin is the base URL's (scheme, host, port). */
export function relyingParty(ctx: AppContext): { id: string; origin: string } {
  const url = new URL(ctx.config.baseUrl);
  return { id: url.hostname, origin: url.origin };
}

const b64url = z.string().max(16_384).regex(/^[A-Za-z0-9_-]*={0,2}$/);
const common = {
  id: b64url.min(1).max(1_400),
  rawId: b64url.min(1).max(1_400),
  type: z.literal('public-key'),
  authenticatorAttachment: z.enum(['platform', 'cross-platform']).optional(),
  clientExtensionResults: z.record(z.string(), z.unknown()).default({}),
};

export const RegistrationResponse = z.object({
  ...common,
  response: z.object({
    clientDataJSON: b64url,
    attestationObject: b64url,
    transports: z.array(z.string().max(32)).max(10).optional(),
  }),
});

export const AuthenticationResponse = z.object({
  ...common,
  response: z.object({
    clientDataJSON: b64url,
    authenticatorData: b64url,
    signature: b64url,
    userHandle: b64url.max(256).optional().nullable(),
  }),
});

export function asRegistrationJson(r: z.infer<typeof RegistrationResponse>): RegistrationResponseJSON {
  return r as RegistrationResponseJSON;
}

export function asAuthenticationJson(r: z.infer<typeof AuthenticationResponse>): AuthenticationResponseJSON {
  const { userHandle, ...response } = r.response;
  return { ...r, response: userHandle ? { ...response, userHandle } : response } as AuthenticationResponseJSON;
}

/** Parses the assertion a sign-in form posted (a JSON string); null when it is not one. */
export function parseAssertion(raw: string): z.infer<typeof AuthenticationResponse> | null {
  if (!raw || raw.length > 64_000) return null;
  try {
    const parsed = AuthenticationResponse.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** A fresh challenge (base64url, as it goes into the options) stored for one answer. */
export async function issueChallenge(ctx: AppContext, bound: { purpose: ChallengePurpose; accountId: string | null; browserToken: string | null }): Promise<string> {
  const challenge = randomSecret(32);
  const now = ctx.clock.now();
  await insertPasskeyChallenge(
    ctx.db,
    {
      id: sha256(challenge),
      account_id: bound.accountId,
      purpose: bound.purpose,
      browser_hash: bound.browserToken === null ? null : sha256(bound.browserToken),
      expires_at: new Date(now.getTime() + CHALLENGE_MS).toISOString(),
      created_at: now.toISOString(),
    },
    now.toISOString(),
  );
  return challenge;
}

/**
 * Spends the challenge the browser signed (read from its clientDataJSON) if it was issued for
 * this purpose, account and browser and is still live; returns it for the library to compare,
 * or null. The library then checks it again against what was signed.
 */
export async function takeChallenge(ctx: AppContext, clientDataJSON: string, bound: { purpose: ChallengePurpose; accountId: string | null; browserToken: string | null }): Promise<string | null> {
  let challenge: unknown;
  try {
    challenge = (JSON.parse(Buffer.from(clientDataJSON, 'base64url').toString('utf8')) as { challenge?: unknown }).challenge;
  } catch {
    return null;
  }
  if (typeof challenge !== 'string' || !/^[A-Za-z0-9_-]{43}$/.test(challenge)) return null;
  const row = await takePasskeyChallenge(
    ctx.db,
    sha256(challenge),
    { purpose: bound.purpose, accountId: bound.accountId, browserHash: bound.browserToken === null ? null : sha256(bound.browserToken) },
    ctx.clock.now().toISOString(),
  );
  return row ? challenge : null;
}
