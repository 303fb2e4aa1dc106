// Builds the ordered policy list from the admin's JSON configuration, e.g.
//   [{ "policy": "spam" }, { "policy": "keywords", "rules": [...] }, { "policy": "nsfw" }]
// Everything is checked up front (unknown options, invalid regular expressions, thresholds out of
// order) so that a mistake stops the server at start-up with a message, not at the first post.
import { z } from 'zod';
import type { ImageClassifier } from './nsfw-model.ts';
import type { ContentPolicy } from './pipeline.ts';
import { createKeywordsPolicy, keywordsOptionsSchema } from './policies/keywords.ts';
import { createNsfwPolicy, nsfwOptionsSchema } from './policies/nsfw.ts';
import { createProfanityPolicy, profanityOptionsSchema } from './policies/profanity.ts';
import { createSpamPolicy, spamOptionsSchema } from './policies/spam.ts';

// Two policies of one kind (say, two keyword lists with different actions) need distinct names in the log.
const named = { name: z.string().trim().min(1).optional() };

const policyConfigSchema = z.discriminatedUnion('policy', [
  keywordsOptionsSchema.extend({ policy: z.literal('keywords'), ...named }),
  profanityOptionsSchema.extend({ policy: z.literal('profanity'), ...named }),
  nsfwOptionsSchema.safeExtend({ policy: z.literal('nsfw'), ...named }),
  spamOptionsSchema.extend({ policy: z.literal('spam'), ...named }),
]);

const policiesConfigSchema = z.array(policyConfigSchema).superRefine((entries, ctx) => {
  const seen = new Set<string>();
  entries.forEach((entry, index) => {
    const name = entry.name ?? entry.policy;
    if (seen.has(name)) ctx.addIssue({ code: 'custom', path: [index, 'name'], message: `two policies are named "${name}": give one a distinct "name"` });
    seen.add(name);
  });
});

export type PoliciesConfig = z.input<typeof policiesConfigSchema>;

export class PolicyConfigError extends Error {
  readonly problems: string[];

  constructor(problems: string[]) {
    super(`invalid content policy configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'PolicyConfigError';
    this.problems = problems;
  }
}

function describeIssue(issue: z.core.$ZodIssue): string {
  const where = issue.path.map((part) => (typeof part === 'number' ? `[${part}]` : `.${String(part)}`)).join('');
  return `policies${where}: ${issue.message}`;
}

export interface RegistryDependencies {
  /** Replaces the bundled nsfwjs model (tests, or a server with its own classifier). */
  classifyImage?: ImageClassifier;
}

/** Validates the configuration and returns the policies in the order given. Throws PolicyConfigError. */
export function buildPolicies(config: unknown, deps: RegistryDependencies = {}): ContentPolicy[] {
  const parsed = policiesConfigSchema.safeParse(config);
  if (!parsed.success) throw new PolicyConfigError(parsed.error.issues.map(describeIssue));
  return parsed.data.map((entry) => {
    const name = entry.name ?? entry.policy;
    switch (entry.policy) {
      case 'keywords':
        return createKeywordsPolicy(entry, name);
      case 'profanity':
        return createProfanityPolicy(entry, name);
      case 'nsfw':
        return createNsfwPolicy(entry, name, deps.classifyImage);
      case 'spam':
        return createSpamPolicy(entry, name);
    }
  });
}
