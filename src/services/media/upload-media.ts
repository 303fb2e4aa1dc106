// POST /api/v2/media: pictures are processed at once (200); video, animated GIFs and audio are
// handed to the media lane of the job queue (202) and processed with ffmpeg. The upload itself
// is never stored: only processed outputs are, and the temporary file is removed either way.
import { rename } from 'node:fs/promises';
import path from 'node:path';
import type { AppContext } from '../../context.ts';
import { insertAttachment } from '../../db/repos/media.ts';
import type { AccountRow, MediaAttachmentRow } from '../../db/schema.ts';
import { newId } from '../../domain/ids.ts';
import type { Upload } from '../../http/plugins/body.ts';
import { inspectImage, processImage, processPreview } from '../../media/image.ts';
import { newIncomingName } from '../../media/keys.ts';
import { probeFile } from '../../media/ffmpeg/probe.ts';
import { MediaError, type MediaType, type Sniffed } from '../../media/types.ts';
import { checkVideoLimits } from './process-media.ts';
import type { Executor } from '../../jobs/queue.ts';
import { JOB } from '../../jobs/types.ts';
import { checkDescription, parseFocus } from './media-input.ts';
import { identifyUpload, readUpload } from './read-upload.ts';
import { commitWithFiles, storeFiles, type StoredFiles } from './store-files.ts';

export interface UploadMediaInput {
  file: Upload | undefined;
  thumbnail?: Upload | undefined;
  description?: string | null;
  focus?: string | null;
}

function baseRow(ctx: AppContext, account: AccountRow, input: UploadMediaInput) {
  const description = checkDescription(input.description) ?? null;
  const focus = parseFocus(input.focus) ?? null;
  const now = ctx.clock.now();
  return {
    id: newId(now.getTime()),
    account_id: account.id,
    status_id: null,
    scheduled_status_id: null,
    position: null,
    error: null,
    incoming_name: null,
    description,
    focus_x: focus?.x ?? null,
    focus_y: focus?.y ?? null,
    created_at: now.toISOString(),
    updated_at: now.toISOString(),
  };
}

/** A custom preview for a video or audio upload (Mastodon's `thumbnail`). */
async function storeThumbnail(ctx: AppContext, thumbnail: Upload): Promise<{ stored: StoredFiles; blurhash: string; small: unknown }> {
  const sniffed = await identifyUpload(ctx, thumbnail);
  if (sniffed.kind !== 'image' && sniffed.kind !== 'gif') throw new MediaError('The thumbnail must be a picture');
  const { preview, blurhash, small } = await processPreview(await readUpload(thumbnail), sniffed);
  const stored = await storeFiles(ctx, [{ role: 'preview', ext: preview.ext, source: { data: preview.data }, size: preview.data.length }]);
  return { stored, blurhash, small };
}

type BaseRow = ReturnType<typeof baseRow>;

async function uploadPicture(ctx: AppContext, account: AccountRow, row: BaseRow, data: Buffer, sniffed: Sniffed): Promise<MediaAttachmentRow> {
  const image = await processImage(data, sniffed);
  const stored = await storeFiles(ctx, [
    { role: 'original', ext: image.original.ext, source: { data: image.original.data }, size: image.original.data.length },
    { role: 'preview', ext: image.preview.ext, source: { data: image.preview.data }, size: image.preview.data.length },
  ]);
  return commitWithFiles(ctx, stored, async (trx) => {
    const inserted = await insertAttachment(trx, { ...row, type: 'image', state: 'ready', file_key: stored.keys[0]!, preview_key: stored.keys[1]!, meta: JSON.stringify(image.meta), blurhash: image.blurhash });
    await stored.register(trx, account.id, inserted.id);
    return inserted;
  });
}

async function queueForProcessing(ctx: AppContext, account: AccountRow, row: BaseRow, input: UploadMediaInput, file: Upload, type: MediaType): Promise<MediaAttachmentRow> {
  if (!ctx.media.ffmpeg) throw new MediaError('This server cannot process video, animated GIFs or audio: ffmpeg is not installed');
  // A probe takes milliseconds: what ffprobe cannot read, or what is over the limits, is refused
  // now rather than after a wait (animations are probed by the job, after conversion).
  if (type !== 'gifv') checkVideoLimits(await probeFile(ctx.config.media.ffprobe, file.path, { timeoutMs: Math.min(ctx.config.media.timeoutMs, 30_000) }));
  const thumb = input.thumbnail ? await storeThumbnail(ctx, input.thumbnail) : null;
  // Renamed within the private incoming folder: the request's clean-up then finds nothing to
  // delete, and the job owns the file from here on.
  const incomingName = newIncomingName();
  const incomingPath = path.join(ctx.config.media.incomingDir, incomingName);
  await rename(file.path, incomingPath);
  try {
    const write = async (trx: Executor) => {
      const inserted = await insertAttachment(trx, {
        ...row,
        type,
        state: 'processing',
        incoming_name: incomingName,
        file_key: null,
        preview_key: thumb?.stored.keys[0] ?? null,
        meta: thumb ? JSON.stringify({ small: thumb.small }) : null,
        blurhash: thumb?.blurhash ?? null,
      });
      if (thumb) await thumb.stored.register(trx, account.id, inserted.id);
      await ctx.queue.enqueue(trx, JOB.processMedia, { mediaId: inserted.id }, { maxAttempts: 3 });
      return inserted;
    };
    return thumb ? await commitWithFiles(ctx, thumb.stored, write) : await ctx.db.transaction().execute(write);
  } catch (err) {
    // Back where the request's clean-up deletes it.
    await rename(incomingPath, file.path).catch(() => undefined);
    throw err;
  }
}

export async function uploadMedia(ctx: AppContext, account: AccountRow, input: UploadMediaInput): Promise<MediaAttachmentRow> {
  if (!input.file) throw new MediaError('Validation failed: File is missing (send it as the multipart field "file")');
  // Cheap checks first: a wrong focus or description is refused before any decoding.
  const row = baseRow(ctx, account, input);
  const sniffed = await identifyUpload(ctx, input.file);
  if (sniffed.kind === 'video') return queueForProcessing(ctx, account, row, input, input.file, 'video');
  if (sniffed.kind === 'audio') return queueForProcessing(ctx, account, row, input, input.file, 'audio');
  const data = await readUpload(input.file);
  const { pages } = await inspectImage(data, sniffed);
  // Animations become silent looping MP4 ("gifv"), as Mastodon makes them.
  if (pages > 1) return queueForProcessing(ctx, account, row, input, input.file, 'gifv');
  if (input.thumbnail) throw new MediaError('A thumbnail can only be given for video and audio');
  return uploadPicture(ctx, account, row, data, sniffed.kind === 'gif' ? { kind: 'image', format: 'gif' } : sniffed);
}
