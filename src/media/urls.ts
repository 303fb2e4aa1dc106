// Where stored media files are served. Files of public posts, avatars and headers have plain,
// permanent URLs; everything else gets a signed URL that expires (src/media/signing.ts).
import type { Config } from '../config.ts';
import type { MediaSigner } from './signing.ts';

export const MEDIA_PATH = '/media';

export function mediaFileUrl(config: Config, key: string): string {
  return `${config.baseUrl}${MEDIA_PATH}/${key}`;
}

export type MediaUrlFor = (key: string) => string;

export function plainUrls(config: Config): MediaUrlFor {
  return (key) => mediaFileUrl(config, key);
}

export function signedUrls(config: Config, signer: MediaSigner, nowMs: number): MediaUrlFor {
  return (key) => `${mediaFileUrl(config, key)}?${signer.sign(key, nowMs)}`;
}

/** Whether files attached to a status of this visibility are served to anyone without a signature. */
export const isPublicVisibility = (visibility: string) => visibility === 'public' || visibility === 'unlisted';
