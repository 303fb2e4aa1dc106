// The media parts of the AppContext: storage, URL signing and whether ffmpeg is present.
// The signing key is made once and kept in the settings table, so every process and every
// restart signs alike.
import { mkdir } from 'node:fs/promises';
import type { Config } from '../config.ts';
import type { Db } from '../db/client.ts';
import { instanceSecret } from '../db/repos/instance-secrets.ts';
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

// Each probe spawns a program. A server builds one context, but tests build one per test server
// and the CLI one per command: each binary is probed once per process (installing ffmpeg later
// takes a restart, as it always did).
const versions = new Map<string, Promise<string | null>>();

function probedVersion(bin: string): Promise<string | null> {
  let version = versions.get(bin);
  if (!version) versions.set(bin, (version = ffmpegVersion(bin)));
  return version;
}

export async function createMediaServices(config: Config, db: Db, log: Logger, nowIso: string): Promise<MediaServices> {
  await mkdir(config.media.dir, { recursive: true });
  await mkdir(config.media.incomingDir, { recursive: true, mode: 0o700 });
  const ffmpeg = await probedVersion(config.media.ffmpeg);
  const ffprobe = ffmpeg ? await probedVersion(config.media.ffprobe) : null;
  if (!ffmpeg || !ffprobe) log.warn({}, 'ffmpeg/ffprobe not found: video, GIF animation and audio uploads will be refused (install Debian\'s ffmpeg package)');
  return { storage: createLocalStorage(config.media.dir), signer: createMediaSigner(await instanceSecret(db, SIGNING_KEY, nowIso)), ffmpeg: ffmpeg && ffprobe ? ffmpeg : null };
}
