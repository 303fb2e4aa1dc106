// What may be attached to one post, checked before uploading so people hear at once why a file
// cannot go (the server checks again). Mastodon's rule: up to N pictures, or one video, audio
// file or GIF animation on its own.
import type { MediaAttachmentJson } from '../../../api/entities.ts';
import type { InstanceV2 } from '../api/types.ts';
import type { MessageKey, Vars } from '../i18n/index.tsx';

export type MediaKind = 'image' | 'gifv' | 'video' | 'audio';

export interface MediaLimits {
  maxItems: number;
  imageBytes: number;
  videoBytes: number;
  descriptionChars: number;
  /** null when the server does not say; the file's type is then left to the server to judge. */
  mimeTypes: string[] | null;
}

export interface Problem {
  key: MessageKey;
  vars?: Vars;
}

const MB = 1024 * 1024;

/** Parley's own defaults, for a server that does not publish its media configuration. */
export function mediaLimits(instance: InstanceV2 | null): MediaLimits {
  const media = instance?.configuration.media_attachments;
  return {
    maxItems: instance?.configuration.statuses.max_media_attachments ?? 4,
    imageBytes: media?.image_size_limit ?? 16 * MB,
    videoBytes: media?.video_size_limit ?? 100 * MB,
    descriptionChars: media?.description_limit ?? 1500,
    mimeTypes: media?.supported_mime_types?.length ? media.supported_mime_types : null,
  };
}

const BY_EXTENSION: [RegExp, MediaKind][] = [
  [/\.(jpe?g|png|gif|webp|heic|heif|avif)$/i, 'image'],
  [/\.(mp4|m4v|mov|webm|mkv)$/i, 'video'],
  [/\.(mp3|m4a|ogg|oga|opus|wav|flac|aac)$/i, 'audio'],
];

/**
 * What a chosen file will probably become. A GIF counts as a picture until the server has looked
 * at it: only the server can tell an animation (posted alone, as gifv) from a still image.
 */
export function kindOfFile(file: { name: string; type: string }): MediaKind | null {
  const major = file.type.split('/')[0];
  if (major === 'image' || major === 'video' || major === 'audio') return major;
  if (file.type) return null;
  // Some systems give no type for less common files (HEIC photos, FLAC): guess from the name.
  return BY_EXTENSION.find(([pattern]) => pattern.test(file.name))?.[1] ?? null;
}

export function kindOfAttachment(a: MediaAttachmentJson): MediaKind {
  return a.type === 'unknown' ? 'image' : a.type;
}

/** Video, audio and GIF animations cannot share a post with anything else. */
export function postedAlone(kind: MediaKind): boolean {
  return kind !== 'image';
}

/** True when nothing more can be attached next to these. */
export function attachmentsFull(attached: MediaKind[], limits: MediaLimits): boolean {
  return attached.length >= limits.maxItems || attached.some(postedAlone);
}

export function formatBytes(bytes: number): string {
  if (bytes >= MB) return `${Math.round((bytes / MB) * 10) / 10} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/** Splits newly chosen files into those that may be uploaded and the reasons the others may not. */
export function checkFiles(attached: MediaKind[], files: File[], limits: MediaLimits): { accepted: { file: File; kind: MediaKind }[]; problems: Problem[] } {
  const kinds = [...attached];
  const accepted: { file: File; kind: MediaKind }[] = [];
  const problems: Problem[] = [];
  let toldTooMany = false;
  for (const file of files) {
    const kind = kindOfFile(file);
    if (!kind || (limits.mimeTypes && file.type && !limits.mimeTypes.includes(file.type))) {
      problems.push({ key: 'media.unsupported', vars: { name: file.name } });
      continue;
    }
    const limit = kind === 'image' ? limits.imageBytes : limits.videoBytes;
    if (file.size > limit) {
      problems.push({ key: kind === 'image' ? 'media.imageTooLarge' : 'media.videoTooLarge', vars: { name: file.name, limit: formatBytes(limit) } });
      continue;
    }
    if (kinds.length > 0 && (postedAlone(kind) || kinds.some(postedAlone))) {
      problems.push({ key: 'media.alone', vars: { name: file.name } });
      continue;
    }
    if (kinds.length >= limits.maxItems) {
      if (!toldTooMany) problems.push({ key: 'media.tooMany', vars: { n: limits.maxItems } });
      toldTooMany = true;
      continue;
    }
    kinds.push(kind);
    accepted.push({ file, kind });
  }
  return { accepted, problems };
}
