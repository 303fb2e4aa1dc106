// Identifies an uploaded file from its bytes and checks it against the limits for its kind.
import { open, readFile } from 'node:fs/promises';
import type { AppContext } from '../../context.ts';
import { AppError } from '../../domain/errors.ts';
import type { Upload } from '../../http/plugins/body.ts';
import { declaredTypeContradicts, sniffMedia } from '../../media/sniff.ts';
import { MediaError, type Sniffed } from '../../media/types.ts';

export const ACCEPTED = 'JPEG, PNG, WebP, GIF, HEIC and AVIF pictures, MP4, MOV and WebM videos, and MP3, M4A, Ogg, WAV and FLAC audio';

/** The first bytes of a file, enough to identify it (never the whole file). */
export async function head(file: string): Promise<Buffer> {
  const fh = await open(file, 'r');
  try {
    const buf = Buffer.alloc(512);
    const { bytesRead } = await fh.read(buf, 0, buf.length, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
}

const mb = (bytes: number) => `${Math.floor(bytes / 1048576)} MB`;

/** What the upload is; refuses empty, unknown, mislabelled and oversized files. */
export async function identifyUpload(ctx: AppContext, upload: Upload): Promise<Sniffed> {
  if (upload.size === 0) throw new MediaError('The file is empty');
  const sniffed = sniffMedia(await head(upload.path));
  if (!sniffed) throw new MediaError(`This type of file is not supported: Parley accepts ${ACCEPTED}`);
  if (declaredTypeContradicts(upload.mimetype ?? '', sniffed)) throw new MediaError(`The file's content does not match its declared type (${upload.mimetype.slice(0, 100)})`);
  const limit = sniffed.kind === 'image' || sniffed.kind === 'gif' ? ctx.config.media.imageBytes : ctx.config.media.videoBytes;
  if (upload.size > limit) throw new AppError(413, `The file is too large: ${sniffed.kind === 'image' || sniffed.kind === 'gif' ? 'pictures' : 'videos and audio'} may be at most ${mb(limit)}`);
  return sniffed;
}

export async function readUpload(upload: Upload): Promise<Buffer> {
  return readFile(upload.path);
}
