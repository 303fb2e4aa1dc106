// Whether a notification is accepted, filtered or dropped by the recipient's notification policy,
// following Mastodon's rules: only some types can be filtered, a sender the recipient accepted
// (a notification request accepted earlier) always goes through, and so do mentions from staff.
import type { AppContext } from '../../context.ts';
import { followFacts, hasNotificationPermission, privateMentionUpThread, type FollowFacts } from '../../db/repos/notification-policy.ts';
import { findStatusById } from '../../db/repos/statuses.ts';
import type { AccountRow } from '../../db/schema.ts';
import { ROLES } from '../../domain/accounts.ts';
import { loadNotificationPolicy, type NotificationPolicy, type PolicyRule, type PolicyValue } from './policy.ts';

/** Polls, edits and posts of accounts one subscribed to are never held back (Mastodon's list). */
const FILTERABLE_TYPES: readonly string[] = ['mention', 'reblog', 'quote', 'favourite', 'follow', 'follow_request'];

const DAY_MS = 24 * 3600_000;
/** Accounts younger than this are "new accounts". */
const NEW_ACCOUNT_MS = 30 * DAY_MS;
/** Someone who followed the recipient less than this long ago does not count as a follower yet. */
const NEW_FOLLOWER_MS = 3 * DAY_MS;

/** Whether a moderator limited (silenced) the account: the for_limited_accounts rule. */
export function isLimited(account: AccountRow): boolean {
  return account.silenced_at !== null;
}

const rank = (a: AccountRow) => ROLES.indexOf(a.role as (typeof ROLES)[number]);

/** Staff above the recipient's role reach them with mentions whatever the policy. */
const fromStaff = (sender: AccountRow, recipient: AccountRow) => sender.role !== 'user' && rank(sender) > rank(recipient);

export interface PolicyInput {
  recipient: AccountRow;
  sender: AccountRow;
  type: string;
  statusId: string | null;
}

export async function decideByPolicy(ctx: AppContext, input: PolicyInput): Promise<PolicyValue> {
  const { recipient, sender, type } = input;
  if (!FILTERABLE_TYPES.includes(type)) return 'accept';
  if (type === 'mention' && fromStaff(sender, recipient)) return 'accept';
  const policy = await loadNotificationPolicy(ctx, recipient.id);
  if (Object.values(policy).every((v) => v === 'accept')) return 'accept';
  if (await hasNotificationPermission(ctx.db, recipient.id, sender.id)) return 'accept';

  const facts = await followFacts(ctx.db, recipient.id, sender.id);
  const matching = await matchingRules(ctx, input, policy, facts);
  const outcomes = matching.map((rule) => policy[rule]);
  if (outcomes.includes('drop')) return 'drop';
  if (outcomes.includes('filter')) return 'filter';
  return 'accept';
}

/** The rules whose condition holds for this sender and notification. */
async function matchingRules(ctx: AppContext, input: PolicyInput, policy: NotificationPolicy, facts: FollowFacts): Promise<PolicyRule[]> {
  const now = ctx.clock.now().getTime();
  const notFollowing = !facts.recipientFollows;
  const notFollower = facts.senderFollowsSince === null || now - Date.parse(facts.senderFollowsSince) < NEW_FOLLOWER_MS;
  const rules: PolicyRule[] = [];
  if (notFollowing) rules.push('for_not_following');
  if (notFollower) rules.push('for_not_followers');
  if (notFollowing && now - Date.parse(input.sender.created_at) < NEW_ACCOUNT_MS) rules.push('for_new_accounts');
  if (notFollowing && isLimited(input.sender)) rules.push('for_limited_accounts');
  // The thread walk costs a query: only when the answer could change the outcome.
  if (notFollowing && policy.for_private_mentions !== 'accept' && (await isUnsolicitedPrivateMention(ctx, input))) rules.push('for_private_mentions');
  return rules;
}

/** A direct mention that is not a reply within a private conversation the recipient took part in. */
async function isUnsolicitedPrivateMention(ctx: AppContext, input: PolicyInput): Promise<boolean> {
  if (input.type !== 'mention' || !input.statusId) return false;
  const status = await findStatusById(ctx.db, input.statusId);
  if (!status || status.visibility !== 'direct') return false;
  if (!status.in_reply_to_id) return true;
  return !(await privateMentionUpThread(ctx.db, status.in_reply_to_id, input.recipient.id, input.sender.id));
}
