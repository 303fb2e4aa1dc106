// Storage keys: 128 random bits and an extension chosen by Parley from what it wrote, so no
// part of a stored file's name ever comes from the uploader and no name can be guessed.
import { randomBytes } from 'node:crypto';

export type MediaExt = 'jpg' | 'png' | 'webp' | 'mp4' | 'mp3';

// zip: account archives (src/services/portability/), stored beside media but never served by /media.
const KEY = /^[0-9a-f]{32}\.(jpg|png|webp|mp4|mp3|zip)$/;

export function newMediaKey(ext: MediaExt): string {
  return `${randomBytes(16).toString('hex')}.${ext}`;
}

/** A key for an account archive: random like every other, so its name cannot be guessed. */
export function newArchiveKey(): string {
  return `${randomBytes(16).toString('hex')}.zip`;
}

export function isMediaKey(value: string): boolean {
  return KEY.test(value);
}

export const CONTENT_TYPES: Record<MediaExt, string> = {
  jpg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  mp4: 'video/mp4',
  mp3: 'audio/mpeg',
};

/** A random name for an upload waiting to be processed (no extension: ffmpeg must not guess from it). */
export function newIncomingName(): string {
  return `upload-${randomBytes(16).toString('hex')}`;
}

export function isIncomingName(value: string): boolean {
  return /^upload-[0-9a-f]{32}$/.test(value);
}
