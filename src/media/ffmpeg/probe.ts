// What ffprobe finds in a file, reduced to what Parley needs. Anything ffprobe cannot read as
// media (text, playlists, images posing as video) is refused here, before any transcoding.
import { MediaError, type Probe } from '../types.ts';
import { runTool, SAFE_INPUT } from './run.ts';

interface RawStream {
  codec_type?: string;
  codec_name?: string;
  width?: number;
  height?: number;
  avg_frame_rate?: string;
  r_frame_rate?: string;
  sample_rate?: string;
  channels?: number;
  channel_layout?: string;
  bit_rate?: string;
  tags?: Record<string, string>;
  side_data_list?: { side_data_type?: string; rotation?: number }[];
  disposition?: { attached_pic?: number };
}

interface RawProbe {
  streams?: RawStream[];
  format?: { format_name?: string; duration?: string; bit_rate?: string };
}

const notMedia = () => new MediaError('The file is not a video or audio file Parley can read');

const num = (v: string | undefined): number | null => {
  const n = v === undefined ? NaN : Number(v);
  return Number.isFinite(n) ? n : null;
};

/** "30000/1001" → 29.97; "0/0" → null. */
export function fps(fraction: string | undefined): number | null {
  const m = fraction ? /^(\d+)\/(\d+)$/.exec(fraction) : null;
  if (!m || Number(m[2]) === 0 || Number(m[1]) === 0) return null;
  return Math.round((Number(m[1]) / Number(m[2])) * 100) / 100;
}

/**
 * Clockwise degrees, as the old `rotate` tag counts them. The display matrix's angle is
 * counter-clockwise (ffprobe shows -90 where the tag said 90), hence the minus sign.
 */
function rotationOf(s: RawStream): number {
  const side = s.side_data_list?.find((d) => d.side_data_type === 'Display Matrix' && typeof d.rotation === 'number')?.rotation;
  const raw = side !== undefined ? -side : (num(s.tags?.rotate) ?? 0);
  return (((Math.round(raw / 90) * 90) % 360) + 360) % 360;
}

export function parseProbe(json: RawProbe): Probe {
  const streams = json.streams ?? [];
  // Cover art in audio files is a one-picture "video" stream: not a video.
  const v = streams.find((s) => s.codec_type === 'video' && !s.disposition?.attached_pic && s.width && s.height);
  const a = streams.find((s) => s.codec_type === 'audio');
  if (!v && !a) throw notMedia();
  return {
    formatName: json.format?.format_name ?? '',
    duration: num(json.format?.duration),
    bitRate: num(json.format?.bit_rate),
    video: v
      ? { codec: v.codec_name ?? 'unknown', width: v.width!, height: v.height!, fps: fps(v.avg_frame_rate) ?? fps(v.r_frame_rate), frameRate: v.avg_frame_rate && fps(v.avg_frame_rate) ? v.avg_frame_rate : (v.r_frame_rate ?? '0/0'), rotation: rotationOf(v) }
      : null,
    audio: a ? { codec: a.codec_name ?? 'unknown', sampleRate: num(a.sample_rate), channels: a.channels ?? null, channelLayout: a.channel_layout ?? null, bitRate: num(a.bit_rate) } : null,
  };
}

export async function probeFile(ffprobe: string, file: string, opts: { timeoutMs: number }): Promise<Probe> {
  let stdout: string;
  try {
    ({ stdout } = await runTool(ffprobe, ['-v', 'error', ...SAFE_INPUT, '-print_format', 'json', '-show_format', '-show_streams', file], opts));
  } catch (err) {
    if (err instanceof MediaError) throw err;
    throw notMedia();
  }
  try {
    return parseProbe(JSON.parse(stdout) as RawProbe);
  } catch (err) {
    if (err instanceof MediaError) throw err;
    throw notMedia();
  }
}
