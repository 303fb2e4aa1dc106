// Avatars and headers: processed like any picture (metadata gone, sRGB, re-encoded), cropped
// to Mastodon's sizes, and the replaced file erased.
import type { AppContext } from '../../context.ts';
import { updateAccount } from '../../db/repos/users.ts';
import type { AccountRow } from '../../db/schema.ts';
import type { Upload } from '../../http/plugins/body.ts';
import { inspectImage, processProfileImage } from '../../media/image.ts';
import { MediaError } from '../../media/types.ts';
import { eraseFiles } from './erase-media.ts';
import { identifyUpload, readUpload } from './read-upload.ts';
import { commitWithFiles, storeFiles } from './store-files.ts';

export type ProfileImage = 'avatar' | 'header';

const column = (kind: ProfileImage) => (kind === 'avatar' ? 'avatar_file' : 'header_file');

export async function setProfileImage(ctx: AppContext, account: AccountRow, kind: ProfileImage, upload: Upload): Promise<AccountRow> {
  const sniffed = await identifyUpload(ctx, upload);
  if (sniffed.kind !== 'image' && sniffed.kind !== 'gif') throw new MediaError(`The ${kind} must be a picture (JPEG, PNG, WebP, GIF, HEIC or AVIF)`);
  const data = await readUpload(upload);
  await inspectImage(data, sniffed);
  const image = await processProfileImage(data, sniffed.kind === 'gif' ? { kind: 'image', format: 'gif' } : sniffed, kind);
  const stored = await storeFiles(ctx, [{ role: kind, ext: image.ext, source: { data: image.data }, size: image.data.length }]);
  return commitWithFiles(ctx, stored, async (trx) => {
    const previous = account[column(kind)];
    await stored.register(trx, account.id, null);
    const updated = await updateAccount(trx, account.id, { [column(kind)]: stored.keys[0]!, updated_at: ctx.clock.now().toISOString() });
    if (previous) await eraseFiles(ctx, trx, [previous]);
    return updated;
  });
}

export async function removeProfileImage(ctx: AppContext, account: AccountRow, kind: ProfileImage): Promise<AccountRow> {
  const previous = account[column(kind)];
  if (!previous) return account;
  return ctx.db.transaction().execute(async (trx) => {
    const updated = await updateAccount(trx, account.id, { [column(kind)]: null, updated_at: ctx.clock.now().toISOString() });
    await eraseFiles(ctx, trx, [previous]);
    return updated;
  });
}
