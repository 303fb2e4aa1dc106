// Transcoding with ffmpeg. Every output keeps only one video and/or one audio stream, and loses
// every tag, chapter, subtitle, data stream and encoder string: -map_metadata -1 drops global
// and stream tags, -map_chapters -1 the chapters, and the bitexact flags the muxer's and
// encoders' version strings and creation times. The original upload is never kept.
import type { Probe } from '../types.ts';
import { runTool, SAFE_INPUT } from './run.ts';

export interface TranscodeOptions {
  timeoutMs: number;
  /** Longest side of the output, in pixels (default 1920). */
  maxSide?: number;
  /** Highest frame rate of the output (default 60). */
  maxFps?: number;
}

const COMMON = ['-nostdin', '-hide_banner', '-loglevel', 'error', '-y'];
const NO_METADATA = ['-map_metadata', '-1', '-map_chapters', '-1', '-sn', '-dn', '-fflags', '+bitexact', '-flags:v', '+bitexact', '-flags:a', '+bitexact'];
// `0:V` (capital) is video that is not an attached picture: cover art is never "the video".
const FIRST_VIDEO = ['-map', '0:V:0'];

/** Scales the longest side down to `max` (never up), keeping both sides even for yuv420p. */
function scaleFilter(maxSide: number): string {
  const max = Math.max(2, Math.floor(maxSide / 2) * 2);
  const w = `if(gte(iw\\,ih)\\,max(2\\,min(${max}\\,trunc(iw/2)*2))\\,-2)`;
  const h = `if(gte(iw\\,ih)\\,-2\\,max(2\\,min(${max}\\,trunc(ih/2)*2)))`;
  return `scale=w='${w}':h='${h}'`;
}

function h264(opts: TranscodeOptions): string[] {
  return [
    // ffmpeg has already applied the display rotation (autorotate) before this filter runs,
    // and then writes no rotation of its own into the output.
    '-vf', scaleFilter(opts.maxSide ?? 1920),
    '-fpsmax', String(opts.maxFps ?? 60),
    '-c:v', 'libx264', '-preset', 'veryfast', '-crf', '23', '-pix_fmt', 'yuv420p',
    // x264 writes its version and settings into the stream as an SEI message (NAL type 6), which
    // +bitexact does not stop; this drops every SEI unit from the output bitstream.
    '-bsf:v', 'filter_units=remove_types=6',
    // ffmpeg names the encoder ("Lavc libx264") in the MP4 sample description unless a value is
    // set; an empty value would be ignored, so a single space takes its place.
    '-metadata:s:v:0', 'encoder= ',
  ];
}

async function ffmpegRun(ffmpeg: string, input: string, args: string[], output: string, opts: TranscodeOptions): Promise<void> {
  await runTool(ffmpeg, [...COMMON, ...SAFE_INPUT, '-i', input, ...args, ...NO_METADATA, output], { timeoutMs: opts.timeoutMs });
}

/** Stereo at most; mono stays mono. */
const channels = (probe: Probe) => String(Math.min(probe.audio?.channels ?? 2, 2));

/** H.264 + AAC (when the input has audio) in MP4, rotation applied, moov atom first. */
export async function transcodeVideo(ffmpeg: string, input: string, output: string, probe: Probe, opts: TranscodeOptions): Promise<void> {
  const audio = probe.audio ? ['-map', '0:a:0', '-c:a', 'aac', '-b:a', '128k', '-ac', channels(probe)] : ['-an'];
  await ffmpegRun(ffmpeg, input, [...FIRST_VIDEO, ...audio, ...h264(opts), '-movflags', '+faststart', '-f', 'mp4'], output, opts);
}

/** A silent MP4 that clients loop, as Mastodon makes of GIF animations. */
export async function transcodeGifv(ffmpeg: string, input: string, output: string, _probe: Probe, opts: TranscodeOptions): Promise<void> {
  await ffmpegRun(ffmpeg, input, [...FIRST_VIDEO, '-an', ...h264(opts), '-movflags', '+faststart', '-f', 'mp4'], output, opts);
}

/**
 * MP3 at 192 kb/s with no ID3 tags, no cover art and no Xing/LAME header (which names the
 * encoder and its settings). 48 kHz input stays 48 kHz; everything else becomes 44.1 kHz.
 */
export async function transcodeAudio(ffmpeg: string, input: string, output: string, probe: Probe, opts: TranscodeOptions): Promise<void> {
  const rate = probe.audio?.sampleRate === 48000 ? '48000' : '44100';
  const args = ['-map', '0:a:0', '-vn', '-c:a', 'libmp3lame', '-b:a', '192k', '-ar', rate, '-ac', channels(probe)];
  await ffmpegRun(ffmpeg, input, [...args, '-id3v2_version', '0', '-write_id3v1', '0', '-write_xing', '0', '-f', 'mp3'], output, opts);
}

/** One frame as PNG, rotation applied: at one second in, or the first frame of a shorter clip. */
export async function extractPoster(ffmpeg: string, input: string, outputPng: string, probe: Probe, opts: TranscodeOptions): Promise<void> {
  const at = probe.duration !== null && probe.duration >= 2 ? '1' : '0';
  // -ss before -i seeks the input; -update 1 writes one image to a plain name (no %d pattern).
  const args = [...COMMON, '-ss', at, ...SAFE_INPUT, '-i', input, ...FIRST_VIDEO, '-frames:v', '1', ...NO_METADATA, '-c:v', 'png', '-f', 'image2', '-update', '1', outputPng];
  await runTool(ffmpeg, args, { timeoutMs: opts.timeoutMs });
}
