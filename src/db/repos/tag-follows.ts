// Hashtags an account follows.
import type { Executor } from '../../jobs/queue.ts';
import type { Db } from '../client.ts';
import { pageBy, type IdPage } from './paging.ts';

export async function followTag(exec: Executor, row: { id: string; account_id: string; tag_id: string; created_at: string }): Promise<void> {
  await exec.insertInto('tag_follows').values(row).onConflict((oc) => oc.columns(['account_id', 'tag_id']).doNothing()).execute();
}

export async function unfollowTag(exec: Executor, accountId: string, tagId: string): Promise<void> {
  await exec.deleteFrom('tag_follows').where('account_id', '=', accountId).where('tag_id', '=', tagId).execute();
}

export async function followedTagIdsAmong(db: Db, accountId: string, tagIds: string[]): Promise<Set<string>> {
  if (tagIds.length === 0) return new Set();
  const rows = await db.selectFrom('tag_follows').select('tag_id').where('account_id', '=', accountId).where('tag_id', 'in', tagIds).execute();
  return new Set(rows.map((r) => r.tag_id));
}

/** Accounts following any of the tags (fan-out of public tagged statuses). */
export async function tagFollowerIds(db: Db, tagIds: string[]): Promise<string[]> {
  if (tagIds.length === 0) return [];
  const rows = await db.selectFrom('tag_follows').select('account_id').distinct().where('tag_id', 'in', tagIds).execute();
  return rows.map((r) => r.account_id);
}

export async function followedTagsPage(db: Db, accountId: string, page: IdPage): Promise<{ id: string; tag_id: string }[]> {
  return pageBy(db.selectFrom('tag_follows').select(['id', 'tag_id']).where('account_id', '=', accountId), 'id', page);
}
