// JOB.processMedia: turns a queued video, animation or audio upload into its stored outputs.
// The upload is probed first (anything ffprobe cannot read as media is refused), transcoded with
// every piece of metadata dropped, given a poster frame, and then deleted, whether processing
// succeeded or failed. Failures the uploader can act on are shown to them; internal ones retry.
import { readFile, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import type { AppContext } from '../../context.ts';
import { findAttachment, updateAttachment } from '../../db/repos/media.ts';
import type { MediaAttachmentRow } from '../../db/schema.ts';
import { mediaMeta } from '../../media/ffmpeg/meta.ts';
import { probeFile } from '../../media/ffmpeg/probe.ts';
import { extractPoster, transcodeAudio, transcodeGifv, transcodeVideo } from '../../media/ffmpeg/transcode.ts';
import { processPreview } from '../../media/image.ts';
import { isIncomingName, newIncomingName } from '../../media/keys.ts';
import { IMAGE_MATRIX_LIMIT, VIDEO_FRAME_RATE_LIMIT, VIDEO_MATRIX_LIMIT } from '../../media/limits.ts';
import { sniffMedia } from '../../media/sniff.ts';
import { MediaError, type MediaMeta, type Probe } from '../../media/types.ts';
import { head } from './read-upload.ts';
import { commitWithFiles, storeFiles, type FileToStore } from './store-files.ts';


const FAILED_INTERNAL = 'The file could not be processed';

async function fail(ctx: AppContext, row: MediaAttachmentRow, message: string): Promise<void> {
  await updateAttachment(ctx.db, row.id, { state: 'failed', error: message, incoming_name: null, updated_at: ctx.clock.now().toISOString() });
}

function decideType(row: MediaAttachmentRow, probe: Probe): 'video' | 'gifv' | 'audio' {
  if (row.type === 'gifv') {
    if (!probe.video) throw new MediaError('The animation could not be read');
    return 'gifv';
  }
  // Cover art in an audio file shows up as a video stream: the upload's container decides.
  if (row.type === 'audio' || !probe.video) {
    if (!probe.audio) throw new MediaError('The file has neither video nor audio');
    return 'audio';
  }
  return 'video';
}

export function checkVideoLimits(probe: Probe): void {
  const v = probe.video;
  if (!v) return;
  if (v.width * v.height > VIDEO_MATRIX_LIMIT) throw new MediaError(`The video is too large: at most ${VIDEO_MATRIX_LIMIT.toLocaleString('en')} pixels a frame (3840x2160)`);
  if (v.fps !== null && v.fps > VIDEO_FRAME_RATE_LIMIT) throw new MediaError(`The video has too many frames a second (at most ${VIDEO_FRAME_RATE_LIMIT})`);
}

/** ffmpeg 5.1 cannot decode animated WebP: sharp turns it into a GIF first. */
async function decodableAnimation(ctx: AppContext, input: string, temps: string[]): Promise<string> {
  if (sniffMedia(await head(input))?.format !== 'webp') return input;
  const gif = path.join(ctx.config.media.incomingDir, newIncomingName());
  temps.push(gif);
  await sharp(input, { animated: true, limitInputPixels: IMAGE_MATRIX_LIMIT }).gif().toFile(gif);
  return gif;
}

interface Outputs {
  files: FileToStore[];
  meta: MediaMeta;
  blurhash: string | null;
  type: 'video' | 'gifv' | 'audio';
}

async function transcode(ctx: AppContext, row: MediaAttachmentRow, input: string, temps: string[]): Promise<Outputs> {
  const { ffmpeg, ffprobe, timeoutMs } = ctx.config.media;
  const source = row.type === 'gifv' ? await decodableAnimation(ctx, input, temps) : input;
  const probe = await probeFile(ffprobe, source, { timeoutMs });
  const type = decideType(row, probe);
  checkVideoLimits(probe);
  const output = path.join(ctx.config.media.incomingDir, newIncomingName());
  temps.push(output);
  if (type === 'video') await transcodeVideo(ffmpeg, source, output, probe, { timeoutMs });
  else if (type === 'gifv') await transcodeGifv(ffmpeg, source, output, probe, { timeoutMs });
  else await transcodeAudio(ffmpeg, source, output, probe, { timeoutMs });
  const outProbe = await probeFile(ffprobe, output, { timeoutMs });
  const meta: MediaMeta = { ...mediaMeta(outProbe, type), ...(row.meta ? (JSON.parse(row.meta) as MediaMeta) : {}) };
  const files: FileToStore[] = [{ role: 'original', ext: type === 'audio' ? 'mp3' : 'mp4', source: { path: output }, size: (await stat(output)).size }];
  let blurhash = row.blurhash;
  // A poster frame, unless the uploader gave a thumbnail (then preview_key is already set).
  if (type !== 'audio' && !row.preview_key) {
    const poster = path.join(ctx.config.media.incomingDir, newIncomingName());
    temps.push(poster);
    await extractPoster(ffmpeg, output, poster, outProbe, { timeoutMs });
    const made = await processPreview(await readFile(poster), { kind: 'image', format: 'png' });
    files.push({ role: 'preview', ext: made.preview.ext, source: { data: made.preview.data }, size: made.preview.data.length });
    meta.small = made.small;
    blurhash = made.blurhash;
  }
  return { files, meta, blurhash, type };
}

export async function processQueuedMedia(ctx: AppContext, mediaId: string, finalAttempt: boolean): Promise<void> {
  const row = await findAttachment(ctx.db, mediaId);
  if (!row || row.state !== 'processing') return;
  if (!row.incoming_name || !isIncomingName(row.incoming_name)) return fail(ctx, row, FAILED_INTERNAL);
  const input = path.join(ctx.config.media.incomingDir, row.incoming_name);
  const temps: string[] = [];
  let done = false;
  try {
    const out = await transcode(ctx, row, input, temps);
    const stored = await storeFiles(ctx, out.files);
    await commitWithFiles(ctx, stored, async (trx) => {
      await updateAttachment(trx, row.id, {
        type: out.type,
        state: 'ready',
        incoming_name: null,
        file_key: stored.keys[0]!,
        preview_key: stored.keys[1] ?? row.preview_key,
        meta: JSON.stringify(out.meta),
        blurhash: out.blurhash,
        updated_at: ctx.clock.now().toISOString(),
      });
      await stored.register(trx, row.account_id, row.id);
    });
    done = true;
  } catch (err) {
    const missing = (err as NodeJS.ErrnoException).code === 'ENOENT';
    if (err instanceof MediaError || missing || finalAttempt) {
      await fail(ctx, row, err instanceof MediaError ? err.publicMessage : FAILED_INTERNAL);
      done = true;
      if (!(err instanceof MediaError)) ctx.log.error({ mediaId, err: String(err) }, 'media processing failed');
    } else throw err;
  } finally {
    await Promise.all(temps.map((t) => rm(t, { force: true })));
    if (done) await rm(input, { force: true });
  }
}
