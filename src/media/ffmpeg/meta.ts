// Mastodon's `meta` for video, animations and audio, from a probe of Parley's own output.
import type { MediaMeta, Probe } from '../types.ts';

/** Seconds as Mastodon's "H:MM:SS.ss" (rounded to hundredths first, so 59.999 is "0:01:00.00"). */
export function lengthOf(seconds: number): string {
  const hundredths = Math.round(seconds * 100);
  const h = Math.floor(hundredths / 360_000);
  const m = Math.floor((hundredths % 360_000) / 6000);
  const s = (hundredths % 6000) / 100;
  return `${h}:${String(m).padStart(2, '0')}:${s.toFixed(2).padStart(5, '0')}`;
}

const round2 = (n: number) => Math.round(n * 100) / 100;

function channelsName(layout: string | null, channels: number | null): string | null {
  if (layout) return layout;
  if (channels === 1) return 'mono';
  if (channels === 2) return 'stereo';
  return channels ? `${channels} channels` : null;
}

/**
 * Mastodon's rounding: the top-level duration to hundredths and fps to a whole number, while
 * `original` keeps ffprobe's exact values. gifv never has audio keys (the output is silent).
 */
export function mediaMeta(probe: Probe, kind: 'video' | 'gifv' | 'audio'): MediaMeta {
  const meta: MediaMeta = {};
  const original: NonNullable<MediaMeta['original']> = {};
  if (probe.duration !== null) {
    meta.length = lengthOf(probe.duration);
    meta.duration = round2(probe.duration);
  }
  const v = kind === 'audio' ? null : probe.video;
  if (v) {
    if (v.fps !== null) meta.fps = Math.round(v.fps);
    meta.size = `${v.width}x${v.height}`;
    meta.width = v.width;
    meta.height = v.height;
    meta.aspect = v.width / v.height;
    original.width = v.width;
    original.height = v.height;
    original.frame_rate = v.frameRate;
  }
  const a = kind === 'gifv' ? null : probe.audio;
  if (a) {
    meta.audio_encode = a.codec;
    if (a.sampleRate !== null) meta.audio_bitrate = `${a.sampleRate} Hz`;
    const channels = channelsName(a.channelLayout, a.channels);
    if (channels) meta.audio_channels = channels;
  }
  if (probe.duration !== null) original.duration = probe.duration;
  if (probe.bitRate !== null) original.bitrate = probe.bitRate;
  meta.original = original;
  return meta;
}
