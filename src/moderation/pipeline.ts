// The content-policy pipeline: every new post, edit, profile and upload is checked against an
// ordered, admin-configured list of policies, locally. A policy can only say how strict to be;
// nothing here deletes anything, and the caller logs every verdict that is not `accept`.

/** From most lenient to strictest: the order in which verdicts are combined. */
export const POLICY_ACTIONS = ['accept', 'sensitive', 'unlist', 'hold', 'reject'] as const;
export type PolicyAction = (typeof POLICY_ACTIONS)[number];

export interface PolicySubject {
  kind: 'status' | 'edit' | 'profile' | 'media';
  accountId: string;
  accountCreatedAt: string;
  /** Plain text: post text and spoiler, or bio, display name and profile fields. */
  text: string;
  mentions: number;
  links: string[];
  /** Image bytes as uploaded or stored (JPEG, PNG, WebP, GIF: the first frame is checked). */
  images: Buffer[];
  /** The author's latest posts, newest first, for spam heuristics. */
  recentPosts?: { createdAt: string; text: string; links: string[] }[];
}

/** What a policy decides. The pipeline stamps the policy's name on it, so a policy cannot mislabel itself. */
export interface PolicyDecision {
  action: PolicyAction;
  /** Shown to the author when the post is rejected; always shown to moderators. */
  reason?: string;
  score?: number;
}

export interface PolicyVerdict extends PolicyDecision {
  policy: string;
}

export interface PolicyContext {
  now: Date;
  /** Aborted when the policy's time budget runs out: long work should stop early. */
  signal: AbortSignal;
}

export interface ContentPolicy {
  name: string;
  /** Overrides the pipeline's default budget (the image classifier needs more than a word list). */
  timeoutMs?: number;
  /**
   * The costly parts of a subject this policy reads: the caller loads images (stored files) and
   * the author's recent posts only when some configured policy needs them. Left out, a policy is
   * given everything (a server's own policy works without knowing about this).
   */
  needs?: readonly ('images' | 'recentPosts')[];
  check(subject: PolicySubject, context: PolicyContext): Promise<PolicyDecision>;
}

export interface RunOptions {
  /** Called with every policy failure or timeout, so an admin learns a rule is broken. */
  reportError: (policy: string, error: unknown) => void;
  timeoutMs?: number;
  now?: Date;
}

export interface PipelineResult {
  action: PolicyAction;
  /** The first verdict with the final action (its reason is the one to show), or null on accept. */
  decisive: PolicyVerdict | null;
  /** Every verdict other than accept, in policy order, for the moderation log. */
  verdicts: PolicyVerdict[];
}

export const DEFAULT_POLICY_TIMEOUT_MS = 1000;

/** The reason on verdicts that come from a failure rather than a decision. */
export const POLICY_ERROR_REASON = 'policy error';

export function strictness(action: PolicyAction): number {
  return POLICY_ACTIONS.indexOf(action);
}

export function stricter(a: PolicyAction, b: PolicyAction): PolicyAction {
  return strictness(a) >= strictness(b) ? a : b;
}

export class PolicyTimeoutError extends Error {
  constructor(policy: string, ms: number) {
    super(`policy "${policy}" did not answer within ${ms} ms`);
    this.name = 'PolicyTimeoutError';
  }
}

async function decideWithin(policy: ContentPolicy, subject: PolicySubject, now: Date, ms: number): Promise<PolicyDecision> {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const error = new PolicyTimeoutError(policy.name, ms);
      controller.abort(error);
      reject(error);
    }, ms);
  });
  try {
    // Promise.resolve().then(): a policy that throws synchronously is caught like one that rejects.
    const decision = await Promise.race([Promise.resolve().then(() => policy.check(subject, { now, signal: controller.signal })), timeout]);
    // Custom policies are plain JavaScript objects: an answer outside the contract is a failure, not an accept.
    if (!decision || !POLICY_ACTIONS.includes(decision.action)) {
      throw new Error(`policy "${policy.name}" returned an unknown action: ${JSON.stringify(decision?.action)}`);
    }
    return decision;
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Runs the policies in order; the strictest action wins. A `reject` ends the run (later policies
 * could not make it stricter). A policy that fails or runs out of time never blocks posting and
 * never lets content through unseen: its verdict is `hold` for a human, and the error is reported.
 */
export async function runPolicies(policies: readonly ContentPolicy[], subject: PolicySubject, options: RunOptions): Promise<PipelineResult> {
  const now = options.now ?? new Date();
  const verdicts: PolicyVerdict[] = [];
  let action: PolicyAction = 'accept';
  for (const policy of policies) {
    let verdict: PolicyVerdict;
    try {
      const decision = await decideWithin(policy, subject, now, policy.timeoutMs ?? options.timeoutMs ?? DEFAULT_POLICY_TIMEOUT_MS);
      verdict = { ...decision, policy: policy.name };
    } catch (error) {
      options.reportError(policy.name, error);
      verdict = { action: 'hold', policy: policy.name, reason: POLICY_ERROR_REASON };
    }
    if (verdict.action === 'accept') continue;
    verdicts.push(verdict);
    action = stricter(action, verdict.action);
    if (action === 'reject') break;
  }
  return { action, decisive: verdicts.find((v) => v.action === action) ?? null, verdicts };
}
