// Issuing and checking proof-of-work challenges (the arithmetic: src/domain/proof-of-work.ts).
//
// A challenge is stateless: "pow1.<purpose>.<difficulty>.<expiry>.<random>[.<client>].<mac>",
// signed with this server's secret, so any process of the server can check it. Sign-in and
// sign-up proofs are single use (the random part is counted in the rate-limit store, shared by
// every process when Redis is configured). A proof for the API is bound to the client's address
// group instead and may be shown again until it expires: it buys an anonymous client that passed
// its soft quota ten more minutes of ordinary use, at the price of about a second of CPU.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { AppContext } from '../../context.ts';
import { instanceSecret } from '../../db/repos/instance-secrets.ts';
import { getHotSetting } from '../../db/repos/settings.ts';
import { AppError } from '../../domain/errors.ts';
import { POW_ALGORITHM, solves } from '../../domain/proof-of-work.ts';
import { sha256 } from '../../domain/secrets.ts';

export const POW_PURPOSES = ['sign_in', 'sign_up', 'api'] as const;
export type PowPurpose = (typeof POW_PURPOSES)[number];

const TTL_MS = 10 * 60_000;
const SECRET_KEY = 'proof_of_work_secret';

export interface PowChallengeJson {
  algorithm: typeof POW_ALGORITHM;
  challenge: string;
  difficulty: number;
  expires_at: string;
  /** How to answer, for people writing clients. */
  instructions: string;
}

const secrets = new WeakMap<AppContext, Promise<string>>();
function secretOf(ctx: AppContext): Promise<string> {
  let s = secrets.get(ctx);
  if (!s) {
    s = instanceSecret(ctx.db, SECRET_KEY, ctx.clock.now().toISOString());
    // A failed read must not be remembered: the next request tries again.
    s.catch(() => secrets.delete(ctx));
    secrets.set(ctx, s);
  }
  return s;
}

const mac = (secret: string, body: string) => createHmac('sha256', secret).update(body).digest('base64url').slice(0, 22);
/** The client's address group as it appears in an API challenge: short, and not the address itself. */
const clientTag = (clientKey: string) => sha256(clientKey).slice(0, 16);

export async function powDifficulty(ctx: AppContext): Promise<number> {
  return getHotSetting(ctx.db, ctx.config, 'pow_difficulty');
}

/** A new challenge; null when the admin turned proof of work off (difficulty 0). */
export async function issueChallenge(ctx: AppContext, purpose: PowPurpose, clientKey?: string): Promise<PowChallengeJson | null> {
  const difficulty = await powDifficulty(ctx);
  if (difficulty === 0) return null;
  const expires = ctx.clock.now().getTime() + TTL_MS;
  const parts = ['pow1', purpose, String(difficulty), String(Math.floor(expires / 1000)), randomBytes(12).toString('base64url')];
  if (purpose === 'api') parts.push(clientTag(clientKey ?? ''));
  const body = parts.join('.');
  return {
    algorithm: POW_ALGORITHM,
    challenge: `${body}.${mac(await secretOf(ctx), body)}`,
    difficulty,
    expires_at: new Date(expires).toISOString(),
    instructions: `Find a nonce (1-32 letters or digits) such that SHA-256 of "<challenge>:<nonce>" starts with ${difficulty} zero bits, then send "<challenge>:<nonce>". See ${ctx.config.baseUrl}/about/proof-of-work`,
  };
}

export type ProofProblem = 'missing' | 'invalid' | 'expired' | 'used';

/**
 * Checks "<challenge>:<nonce>" for a purpose. Returns null when it is good (and, for single-use
 * purposes, marks it used), else what is wrong. An admin who turns proof of work off accepts
 * everything, including no proof.
 */
export async function checkProof(ctx: AppContext, purpose: PowPurpose, proof: string | undefined | null, clientKey?: string): Promise<ProofProblem | null> {
  if ((await powDifficulty(ctx)) === 0) return null;
  if (!proof) return 'missing';
  if (proof.length > 200) return 'invalid';
  const cut = proof.lastIndexOf(':');
  const challenge = cut > 0 ? proof.slice(0, cut) : '';
  const nonce = proof.slice(cut + 1);
  const parts = challenge.split('.');
  const expectedParts = purpose === 'api' ? 7 : 6;
  if (parts.length !== expectedParts || parts[0] !== 'pow1' || parts[1] !== purpose) return 'invalid';
  const given = Buffer.from(parts.at(-1)!);
  const wanted = Buffer.from(mac(await secretOf(ctx), parts.slice(0, -1).join('.')));
  if (given.length !== wanted.length || !timingSafeEqual(given, wanted)) return 'invalid';
  if (purpose === 'api' && parts[5] !== clientTag(clientKey ?? '')) return 'invalid';
  const nowMs = ctx.clock.now().getTime();
  const expiresMs = Number(parts[3]) * 1000;
  if (!(expiresMs > nowMs)) return 'expired';
  if (!solves(challenge, nonce, Number(parts[2]))) return 'invalid';
  if (purpose !== 'api') {
    // Counted in the window that holds the expiry: every use of one challenge lands in one counter.
    const { count } = await ctx.rateLimits.hit(`pow-used:${parts[4]}`, TTL_MS * 2, expiresMs);
    if (count > 1) return 'used';
  }
  return null;
}

const PROBLEM_TEXT: Record<ProofProblem, string> = {
  missing: 'A proof of work is required',
  invalid: 'The proof of work is not valid',
  expired: 'The proof of work has expired; solve a new challenge',
  used: 'The proof of work was already used; solve a new challenge',
};

export function proofProblemText(problem: ProofProblem): string {
  return PROBLEM_TEXT[problem];
}

/** The API's answer to a client that must solve a challenge: 429 with the challenge to solve. */
export async function proofRequired(ctx: AppContext, problem: ProofProblem, clientKey: string): Promise<AppError> {
  const challenge = await issueChallenge(ctx, 'api', clientKey);
  return new AppError(429, `${PROBLEM_TEXT[problem]}: this address made many requests without signing in`, { extra: { proof_of_work: challenge } });
}
