// The media parts of the AppContext: storage, URL signing and whether ffmpeg is present.
// The signing key is made once and kept in the settings table, so every process and every
// restart signs alike.
import { mkdir } from 'node:fs/promises';
import type { Config } from '../config.ts';
import type { Db } from '../db/client.ts';
import { randomSecret } from '../domain/secrets.ts';
import type { Logger } from '../infra/logger.ts';
import { ffmpegVersion } from './ffmpeg/run.ts';
import { createMediaSigner, type MediaSigner } from './signing.ts';
import { createLocalStorage } from './storage/local.ts';
import type { MediaStorage } from './storage/storage.ts';

export interface MediaServices {
  storage: MediaStorage;
  signer: MediaSigner;
  /** ffmpeg's version line, or null when it is missing (video and audio are then refused). */
  ffmpeg: string | null;
}

const SIGNING_KEY = 'media_url_signing_key';

async function signingSecret(db: Db, nowIso: string): Promise<string> {
  await db
    .insertInto('settings')
    .values({ key: SIGNING_KEY, value: JSON.stringify(randomSecret()), updated_at: nowIso })
    .onConflict((oc) => oc.column('key').doNothing())
    .execute();
  const row = await db.selectFrom('settings').select('value').where('key', '=', SIGNING_KEY).executeTakeFirstOrThrow();
  return JSON.parse(row.value) as string;
}

export async function createMediaServices(config: Config, db: Db, log: Logger, nowIso: string): Promise<MediaServices> {
  await mkdir(config.media.dir, { recursive: true });
  await mkdir(config.media.incomingDir, { recursive: true, mode: 0o700 });
  const ffmpeg = await ffmpegVersion(config.media.ffmpeg);
  const ffprobe = ffmpeg ? await ffmpegVersion(config.media.ffprobe) : null;
  if (!ffmpeg || !ffprobe) log.warn({}, 'ffmpeg/ffprobe not found: video, GIF animation and audio uploads will be refused (install Debian\'s ffmpeg package)');
  return { storage: createLocalStorage(config.media.dir), signer: createMediaSigner(await signingSecret(db, nowIso)), ffmpeg: ffmpeg && ffprobe ? ffmpeg : null };
}
