// Mastodon's `meta` for video, animations and audio, from a probe of Parley's own output.
import type { MediaMeta, Probe } from '../types.ts';

/** Seconds as Mastodon's "H:MM:SS.ss". */
export function lengthOf(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds - h * 3600 - m * 60;
  return `${h}:${String(m).padStart(2, '0')}:${s.toFixed(2).padStart(5, '0')}`;
}

const round2 = (n: number) => Math.round(n * 100) / 100;

export function mediaMeta(probe: Probe, kind: 'video' | 'gifv' | 'audio'): MediaMeta {
  const meta: MediaMeta = {};
  const duration = probe.duration ?? undefined;
  if (duration !== undefined) {
    meta.length = lengthOf(duration);
    meta.duration = round2(duration);
  }
  const v = probe.video;
  if (kind !== 'audio' && v) {
    if (v.fps !== null) meta.fps = Math.round(v.fps);
    Object.assign(meta, { size: `${v.width}x${v.height}`, width: v.width, height: v.height, aspect: Math.round((v.width / v.height) * 1e6) / 1e6 });
  }
  const a = probe.audio;
  if (a && kind !== 'gifv') {
    meta.audio_encode = a.codec;
    if (a.sampleRate !== null) meta.audio_bitrate = `${a.sampleRate} Hz`;
    if (a.channelLayout || a.channels) meta.audio_channels = a.channelLayout ?? (a.channels === 1 ? 'mono' : 'stereo');
  }
  meta.original = {
    ...(kind !== 'audio' && v ? { width: v.width, height: v.height, frame_rate: v.frameRate } : {}),
    ...(duration !== undefined ? { duration: round2(duration) } : {}),
    ...(probe.bitRate !== null ? { bitrate: probe.bitRate } : {}),
  };
  return meta;
}
