// Sexual imagery: each image is scored by a classifier that runs on this machine. A confident
// score marks the post sensitive (a content warning, the usual rule on the fediverse); a
// borderline one holds it for a moderator, since the model is wrong often enough near the line.
import { z } from 'zod';
import { classifyImage, NSFW_CLASSES, type ImageClassifier, type NsfwScores } from '../nsfw-model.ts';
import { POLICY_ACTIONS, type ContentPolicy, type PolicyDecision } from '../pipeline.ts';

export const nsfwOptionsSchema = z
  .strictObject({
    /** The classes whose probabilities add up to the score. */
    classes: z.array(z.enum(NSFW_CLASSES)).min(1).default(['Porn', 'Hentai']),
    /** At or above: `action`. */
    threshold: z.number().min(0).max(1).default(0.85),
    action: z.enum(POLICY_ACTIONS).default('sensitive'),
    /** At or above (and below `threshold`): `review_action`. */
    review_threshold: z.number().min(0).max(1).default(0.5),
    review_action: z.enum(POLICY_ACTIONS).default('hold'),
    /** The first image waits for the model to load (about a second). */
    timeout_ms: z.number().int().min(100).default(10_000),
  })
  .refine((o) => o.review_threshold <= o.threshold, { message: 'review_threshold must not be above threshold', path: ['review_threshold'] });
export type NsfwOptions = z.infer<typeof nsfwOptionsSchema>;

export function nsfwScore(scores: NsfwScores, classes: readonly (keyof NsfwScores)[]): number {
  return classes.reduce((sum, c) => sum + scores[c], 0);
}

export function createNsfwPolicy(options: NsfwOptions, name = 'nsfw', classify: ImageClassifier = classifyImage): ContentPolicy {
  return {
    name,
    timeoutMs: options.timeout_ms,
    needs: ['images'],
    async check(subject, { signal }): Promise<PolicyDecision> {
      if (subject.images.length === 0) return { action: 'accept' };
      let worst = 0;
      // One at a time: each classification keeps the CPU busy, and a timeout stops the rest.
      for (const image of subject.images) {
        signal.throwIfAborted();
        worst = Math.max(worst, nsfwScore(await classify(image), options.classes));
      }
      const score = Math.round(worst * 1000) / 1000;
      if (worst >= options.threshold) {
        return { action: options.action, reason: `image classified as sexual (score ${score})`, score };
      }
      if (worst >= options.review_threshold) {
        return { action: options.review_action, reason: `image may be sexual (score ${score}): needs review`, score };
      }
      return { action: 'accept', score };
    },
  };
}
