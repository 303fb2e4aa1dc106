// Shared vocabulary of the media pipeline: what an upload is found to be, what processing
// produces, and the one error type for media that cannot be accepted.
import type { MediaMetaJson } from '../../api/entities.ts';
import { AppError } from '../domain/errors.ts';

/** Mastodon's MediaAttachment types. */
export type MediaType = 'image' | 'gifv' | 'video' | 'audio' | 'unknown';

/** What the first bytes of an upload say it is (never what its name or Content-Type claim). */
export interface Sniffed {
  /** image: decodable by sharp; gif: GIF (animated becomes gifv); video/audio: for ffmpeg. */
  kind: 'image' | 'gif' | 'video' | 'audio';
  /** Container or codec family, e.g. jpeg, png, webp, heic, avif, gif, mp4, mov, webm, mkv, ogg, mp3, wav, flac, m4a. */
  format: string;
}

/** ffprobe's findings, reduced to what Parley uses. */
export interface Probe {
  /** ffprobe's format_name, e.g. "mov,mp4,m4a,3gp,3g2,mj2". */
  formatName: string;
  /** Seconds, or null when unknown. */
  duration: number | null;
  /** Bits per second of the whole file, or null. */
  bitRate: number | null;
  video: {
    codec: string;
    width: number;
    height: number;
    /** Frames per second, e.g. 29.97; null when unknown. */
    fps: number | null;
    /** ffprobe's r_frame_rate / avg_frame_rate as a fraction string, e.g. "30000/1001". */
    frameRate: string;
    /** Degrees of display rotation (from side data or the rotate tag): 0, 90, 180 or 270. */
    rotation: number;
  } | null;
  audio: {
    codec: string;
    sampleRate: number | null;
    channels: number | null;
    /** e.g. "stereo", "mono", or null. */
    channelLayout: string | null;
    bitRate: number | null;
  } | null;
}

/** Mastodon's `meta` of a MediaAttachment (only the keys that apply are present). */
export type MediaMeta = MediaMetaJson;

/** An upload refused for what it is (wrong type, too big, broken): always a 4xx. */
export class MediaError extends AppError {
  constructor(message: string, status = 422) {
    super(status, message);
  }
}
