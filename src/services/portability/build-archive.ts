// The export job: writes an account's archive (Mastodon's layout: actor.json, outbox.json,
// likes.json, bookmarks.json, the media files, plus the CSVs of /settings/exports) into a
// temporary ZIP, then moves it into media storage under the key chosen at request time.
// Idempotent: a retry overwrites the same key, and a finished export is left alone.
import { rm } from 'node:fs/promises';
import path from 'node:path';
import type { AppContext } from '../../context.ts';
import { findAccountById } from '../../db/repos/accounts.ts';
import type { AccountRow } from '../../db/schema.ts';
import { createZipWriter, type ZipWriter } from '../../infra/archive/zip-writer.ts';
import { CONTENT_TYPES, newIncomingName, type MediaExt } from '../../media/keys.ts';
import { actorDocument, mediaPathInArchive, type ArchiveImages } from './activitystreams.ts';
import { CSV_FILE_NAMES, CSV_KINDS, csvExport } from './csv-exports.ts';
import { attachedFiles, markedJson, outboxJson } from './outbox.ts';
import { findExport, finishExport } from './store.ts';

const extOf = (key: string) => key.slice(key.lastIndexOf('.') + 1);
const mediaTypeOf = (key: string) => CONTENT_TYPES[extOf(key) as MediaExt] ?? 'application/octet-stream';

/** Copies a stored file into the archive; a file missing from storage is skipped, not fatal. */
async function addStoredFile(ctx: AppContext, zip: ZipWriter, key: string, name: string): Promise<boolean> {
  if (!(await ctx.media.storage.stat(key))) {
    ctx.log.warn({ key }, 'archive: a stored file is missing, left out');
    return false;
  }
  // Pictures, video and audio are compressed already: stored as they are.
  await zip.add(name, ctx.media.storage.open(key), { compress: false });
  return true;
}

async function writeArchive(ctx: AppContext, zip: ZipWriter, account: AccountRow): Promise<void> {
  await zip.add('outbox.json', outboxJson(ctx, account, mediaTypeOf));
  await zip.add('likes.json', markedJson(ctx, account.id, 'favourites'));
  await zip.add('bookmarks.json', markedJson(ctx, account.id, 'bookmarks'));
  for (const kind of CSV_KINDS) await zip.add(CSV_FILE_NAMES[kind], csvExport(ctx, account.id, kind));
  for await (const { key } of attachedFiles(ctx, account.id)) await addStoredFile(ctx, zip, key, mediaPathInArchive(key));
  const images: ArchiveImages = {};
  for (const role of ['avatar', 'header'] as const) {
    const key = role === 'avatar' ? account.avatar_file : account.header_file;
    const name = key ? `${role}.${extOf(key)}` : null;
    if (key && name && (await addStoredFile(ctx, zip, key, name))) images[role] = { path: name, mediaType: mediaTypeOf(key) };
  }
  await zip.add('actor.json', JSON.stringify(actorDocument(ctx.config, account, images)));
}

/** Runs the export `exportId`; `lastAttempt` marks it failed if this try throws too. */
export async function buildExport(ctx: AppContext, exportId: string, lastAttempt: boolean): Promise<void> {
  const row = await findExport(ctx.db, exportId);
  if (!row || row.state !== 'pending') return;
  const account = await findAccountById(ctx.db, row.account_id);
  if (!account || account.deleted_at) {
    await finishExport(ctx.db, row.id, { state: 'failed', byte_size: null, finished_at: ctx.clock.now().toISOString() });
    return;
  }
  // The incoming folder is on the media volume (a rename, not a copy), and its hourly sweep
  // removes what a crash leaves there.
  const temp = path.join(ctx.config.media.incomingDir, newIncomingName());
  let zip: ZipWriter | null = null;
  try {
    zip = await createZipWriter(temp);
    await writeArchive(ctx, zip, account);
    const size = await zip.finish();
    await ctx.media.storage.put(row.storage_key, { path: temp });
    const marked = await finishExport(ctx.db, row.id, { state: 'ready', byte_size: size, finished_at: ctx.clock.now().toISOString() });
    // Not pending any more: another worker finished it (same key, same content), or it was
    // erased meanwhile, and then its file must not stay behind.
    if (!marked && !(await findExport(ctx.db, row.id))) await ctx.media.storage.delete([row.storage_key]);
  } catch (err) {
    await zip?.abort();
    if (lastAttempt) await finishExport(ctx.db, row.id, { state: 'failed', byte_size: null, finished_at: ctx.clock.now().toISOString() });
    throw err;
  } finally {
    await rm(temp, { force: true });
  }
}
