// The viewer's relationship to many accounts at once: a fixed number of queries, whatever the count.
import type { AppContext } from '../../context.ts';
import { endorsedAmong } from '../../db/repos/account-pins.ts';
import { notesAbout } from '../../db/repos/account-notes.ts';
import { blockedAmong, blockingAmong } from '../../db/repos/blocks.ts';
import { followLikesFrom, followLikesTo } from '../../db/repos/follows.ts';
import { activeMutes } from '../../db/repos/mutes.ts';
import { serializeRelationship, type RelationshipJson, type RelationshipState } from '../../serializers/relationship.ts';

export async function relationshipStates(ctx: AppContext, viewerId: string, targetIds: string[]): Promise<RelationshipState[]> {
  const ids = [...new Set(targetIds)];
  const now = ctx.clock.now().toISOString();
  // Sequential on purpose: one pooled connection per request keeps PostgreSQL pools small.
  const follows = await followLikesFrom(ctx.db, 'follows', viewerId, ids);
  const requests = await followLikesFrom(ctx.db, 'follow_requests', viewerId, ids);
  const followers = await followLikesTo(ctx.db, 'follows', viewerId, ids);
  const requesters = await followLikesTo(ctx.db, 'follow_requests', viewerId, ids);
  const blocking = await blockedAmong(ctx.db, viewerId, ids);
  const blockedBy = await blockingAmong(ctx.db, viewerId, ids);
  const mutes = await activeMutes(ctx.db, viewerId, ids, now);
  const endorsed = await endorsedAmong(ctx.db, viewerId, ids);
  const notes = await notesAbout(ctx.db, viewerId, ids);
  const byTarget = <T extends { target_account_id: string }>(rows: T[]) => new Map(rows.map((r) => [r.target_account_id, r]));
  const followMap = byTarget(follows);
  const requestMap = byTarget(requests);
  const muteMap = byTarget(mutes);
  const followerSet = new Set(followers.map((r) => r.account_id));
  const requesterSet = new Set(requesters.map((r) => r.account_id));
  return targetIds.map((id) => ({
    targetId: id,
    follow: followMap.get(id) ?? null,
    request: requestMap.get(id) ?? null,
    followedBy: followerSet.has(id),
    blocking: blocking.has(id),
    blockedBy: blockedBy.has(id),
    mute: muteMap.get(id) ?? null,
    requestedBy: requesterSet.has(id),
    endorsed: endorsed.has(id),
    note: notes.get(id) ?? '',
  }));
}

export async function relationshipsFor(ctx: AppContext, viewerId: string, targetIds: string[]): Promise<RelationshipJson[]> {
  return (await relationshipStates(ctx, viewerId, targetIds)).map(serializeRelationship);
}

export async function relationshipFor(ctx: AppContext, viewerId: string, targetId: string): Promise<RelationshipJson> {
  const [r] = await relationshipsFor(ctx, viewerId, [targetId]);
  return r!;
}
