// Media attachments and the registry of stored files.
import type { Insertable, Updateable } from 'kysely';
import type { Executor } from '../../jobs/queue.ts';
import type { MediaAttachmentRow, MediaAttachmentsTable, MediaFileRow, MediaFilesTable } from '../schema.ts';

export async function insertAttachment(exec: Executor, row: Insertable<MediaAttachmentsTable>): Promise<MediaAttachmentRow> {
  return exec.insertInto('media_attachments').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function updateAttachment(exec: Executor, id: string, patch: Updateable<MediaAttachmentsTable>): Promise<MediaAttachmentRow | undefined> {
  return exec.updateTable('media_attachments').set(patch).where('id', '=', id).returningAll().executeTakeFirst();
}

export async function findAttachment(exec: Executor, id: string): Promise<MediaAttachmentRow | undefined> {
  return exec.selectFrom('media_attachments').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function attachmentsByIds(exec: Executor, ids: readonly string[]): Promise<MediaAttachmentRow[]> {
  if (ids.length === 0) return [];
  return exec.selectFrom('media_attachments').selectAll().where('id', 'in', [...new Set(ids)]).execute();
}

/** The attachments shown on these statuses, in order. */
export async function attachmentsOfStatuses(exec: Executor, statusIds: readonly string[]): Promise<MediaAttachmentRow[]> {
  if (statusIds.length === 0) return [];
  return exec
    .selectFrom('media_attachments')
    .selectAll()
    .where('status_id', 'in', [...new Set(statusIds)])
    .where('position', 'is not', null)
    .orderBy('status_id')
    .orderBy('position')
    .execute();
}

/** Every attachment of a status, including those an edit removed (kept for the history). */
export async function allAttachmentsOfStatus(exec: Executor, statusId: string): Promise<MediaAttachmentRow[]> {
  return exec.selectFrom('media_attachments').selectAll().where('status_id', '=', statusId).orderBy('id').execute();
}

export async function attachmentsOfScheduled(exec: Executor, scheduledIds: readonly string[]): Promise<MediaAttachmentRow[]> {
  if (scheduledIds.length === 0) return [];
  return exec.selectFrom('media_attachments').selectAll().where('scheduled_status_id', 'in', [...scheduledIds]).orderBy('id').execute();
}

/** Uploads not on any post (nor scheduled) and untouched since `beforeIso`. */
export async function orphanAttachments(exec: Executor, beforeIso: string, limit: number): Promise<MediaAttachmentRow[]> {
  return exec
    .selectFrom('media_attachments')
    .selectAll()
    .where('status_id', 'is', null)
    .where('scheduled_status_id', 'is', null)
    .where('updated_at', '<', beforeIso)
    .orderBy('updated_at')
    .limit(limit)
    .execute();
}

export async function deleteAttachments(exec: Executor, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  await exec.deleteFrom('media_attachments').where('id', 'in', [...ids]).execute();
}

export async function insertMediaFiles(exec: Executor, rows: Insertable<MediaFilesTable>[]): Promise<void> {
  if (rows.length === 0) return;
  await exec.insertInto('media_files').values(rows).execute();
}

export async function findMediaFile(exec: Executor, key: string): Promise<MediaFileRow | undefined> {
  return exec.selectFrom('media_files').selectAll().where('key', '=', key).executeTakeFirst();
}

/** Removes the registry rows and returns the keys, whose files the caller then deletes (by job). */
export async function unregisterFilesOfAttachments(exec: Executor, attachmentIds: readonly string[]): Promise<string[]> {
  if (attachmentIds.length === 0) return [];
  const rows = await exec.selectFrom('media_files').select('key').where('attachment_id', 'in', [...attachmentIds]).execute();
  await exec.deleteFrom('media_files').where('attachment_id', 'in', [...attachmentIds]).execute();
  return rows.map((r) => r.key);
}

export async function unregisterFiles(exec: Executor, keys: readonly string[]): Promise<void> {
  if (keys.length === 0) return;
  await exec.deleteFrom('media_files').where('key', 'in', [...keys]).execute();
}

export async function filesOfAccount(exec: Executor, accountId: string): Promise<string[]> {
  return (await exec.selectFrom('media_files').select('key').where('account_id', '=', accountId).execute()).map((r) => r.key);
}

/** What the media route needs to decide whether a file may be served without a signature. */
export async function mediaFileAccess(exec: Executor, key: string): Promise<
  | { role: MediaFileRow['role']; contentType: string; ownerActive: boolean; statusVisibility: string | null; shownOnStatus: boolean }
  | undefined
> {
  const row = await exec
    .selectFrom('media_files as f')
    .innerJoin('accounts as a', 'a.id', 'f.account_id')
    .leftJoin('media_attachments as m', 'm.id', 'f.attachment_id')
    .leftJoin('statuses as s', 's.id', 'm.status_id')
    .select(['f.role', 'f.content_type', 'a.suspended_at', 'a.deleted_at', 's.visibility', 'm.status_id'])
    .where('f.key', '=', key)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    role: row.role,
    contentType: row.content_type,
    ownerActive: row.suspended_at === null && row.deleted_at === null,
    statusVisibility: row.visibility ?? null,
    shownOnStatus: row.status_id !== null && row.status_id !== undefined,
  };
}
