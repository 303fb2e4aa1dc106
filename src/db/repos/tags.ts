// Hashtags and the links from statuses to them.
import type { Executor } from '../../jobs/queue.ts';
import { newId } from '../../domain/ids.ts';

/** Finds or creates the tags (by normalised name) and returns their ids by name. */
export async function ensureTags(exec: Executor, tags: readonly { name: string; display: string }[], now: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  if (tags.length === 0) return out;
  const names = tags.map((t) => t.name);
  await exec
    .insertInto('tags')
    .values(tags.map((t) => ({ id: newId(), name: t.name, display_name: t.display, created_at: now, last_status_at: now })))
    .onConflict((oc) => oc.column('name').doUpdateSet({ last_status_at: now }))
    .execute();
  const rows = await exec.selectFrom('tags').select(['id', 'name']).where('name', 'in', names).execute();
  for (const r of rows) out.set(r.name, r.id);
  return out;
}

export async function linkStatusTags(exec: Executor, statusId: string, tagIds: readonly string[]): Promise<void> {
  if (tagIds.length === 0) return;
  await exec.insertInto('status_tags').values([...new Set(tagIds)].map((tag_id) => ({ status_id: statusId, tag_id }))).execute();
}

export async function unlinkStatusTags(exec: Executor, statusId: string): Promise<void> {
  await exec.deleteFrom('status_tags').where('status_id', '=', statusId).execute();
}

export async function tagsOfStatuses(db: Executor, statusIds: readonly string[]): Promise<{ status_id: string; name: string }[]> {
  if (statusIds.length === 0) return [];
  return db
    .selectFrom('status_tags')
    .innerJoin('tags', 'tags.id', 'status_tags.tag_id')
    .select(['status_tags.status_id', 'tags.name'])
    .where('status_tags.status_id', 'in', [...new Set(statusIds)])
    .orderBy('tags.name')
    .execute();
}
