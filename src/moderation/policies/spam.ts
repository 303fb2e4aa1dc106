// Spam heuristics for new accounts, where nearly all spam comes from: many mentions in one post,
// the same link again and again, many posts in a few minutes. Established accounts are left alone:
// they have a history a moderator can judge, and a false alarm on them costs more.
import { z } from 'zod';
import { POLICY_ACTIONS, type ContentPolicy, type PolicyDecision, type PolicySubject } from '../pipeline.ts';

export const spamOptionsSchema = z.strictObject({
  action: z.enum(POLICY_ACTIONS).default('hold'),
  /** Accounts younger than this are checked. */
  new_account_days: z.number().min(0).default(7),
  /** Mentions in one post or edit that count as mass mentioning. */
  mention_limit: z.number().int().min(1).default(5),
  /** A link in this many of the latest `repeated_link_window` posts (this one included) is spam. */
  repeated_link_count: z.number().int().min(2).default(3),
  repeated_link_window: z.number().int().min(2).default(10),
  /** This many posts (this one included) within `burst_minutes` is a burst. */
  burst_posts: z.number().int().min(2).default(10),
  burst_minutes: z.number().positive().default(5),
});
export type SpamOptions = z.infer<typeof spamOptionsSchema>;

const DAY_MS = 24 * 60 * 60 * 1000;

/** The same page however it is written: no fragment, no trailing slash, host in lower case. */
function linkKey(link: string): string {
  try {
    const url = new URL(link);
    url.hash = '';
    return url.href.replace(/\/$/, '');
  } catch {
    return link.trim().toLowerCase();
  }
}

function repeatedLink(subject: PolicySubject, options: SpamOptions): string | null {
  const earlier = (subject.recentPosts ?? []).slice(0, options.repeated_link_window - 1);
  for (const link of new Set(subject.links.map(linkKey))) {
    const times = 1 + earlier.filter((post) => post.links.some((l) => linkKey(l) === link)).length;
    if (times >= options.repeated_link_count) return `the same link in ${times} of the last ${options.repeated_link_window} posts`;
  }
  return null;
}

function burst(subject: PolicySubject, options: SpamOptions, now: Date): string | null {
  const since = now.getTime() - options.burst_minutes * 60_000;
  const posts = 1 + (subject.recentPosts ?? []).filter((post) => Date.parse(post.createdAt) >= since).length;
  return posts >= options.burst_posts ? `${posts} posts in ${options.burst_minutes} minutes` : null;
}

export function createSpamPolicy(options: SpamOptions, name = 'spam'): ContentPolicy {
  return {
    name,
    needs: ['recentPosts'],
    async check(subject, { now }): Promise<PolicyDecision> {
      const ageMs = now.getTime() - Date.parse(subject.accountCreatedAt);
      // An unreadable creation date is treated as new: the heuristics then decide.
      if (ageMs >= options.new_account_days * DAY_MS) return { action: 'accept' };
      const signs: string[] = [];
      if (subject.kind === 'status' || subject.kind === 'edit') {
        if (subject.mentions >= options.mention_limit) signs.push(`${subject.mentions} mentions in one post`);
      }
      // An edit is not a new post: only new statuses count towards repeats and bursts.
      if (subject.kind === 'status') {
        const repeated = repeatedLink(subject, options);
        if (repeated) signs.push(repeated);
        const burstSign = burst(subject, options, now);
        if (burstSign) signs.push(burstSign);
      }
      if (signs.length === 0) return { action: 'accept' };
      return { action: options.action, reason: `looks like spam from a new account: ${signs.join('; ')}`, score: signs.length };
    },
  };
}
