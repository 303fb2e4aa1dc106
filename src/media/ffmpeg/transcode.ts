// Transcoding with ffmpeg. Every output keeps only one video and/or one audio stream, and loses
// every tag, chapter, subtitle, data stream and encoder string: -map_metadata -1 drops global
// and stream tags, -map_chapters -1 the chapters, and the bitexact flags the muxer's and
// encoders' version strings and creation times.
import type { Probe } from '../types.ts';
import { runTool, SAFE_INPUT } from './run.ts';

export interface TranscodeOptions {
  timeoutMs: number;
  /** Longest side of the output, in pixels (default 1920). */
  maxSide?: number;
  /** Highest frame rate of the output (default 60). */
  maxFps?: number;
}

const NO_METADATA = ['-map_metadata', '-1', '-map_chapters', '-1', '-sn', '-dn', '-fflags', '+bitexact', '-flags:v', '+bitexact', '-flags:a', '+bitexact'];
const COMMON = ['-nostdin', '-hide_banner', '-loglevel', 'error', '-y'];

/** Scales the longest side down to `max` (never up), keeping both sides even for yuv420p. */
function scaleFilter(max: number): string {
  const w = `if(gte(iw\\,ih)\\,min(${max}\\,trunc(iw/2)*2)\\,-2)`;
  const h = `if(gte(iw\\,ih)\\,-2\\,min(${max}\\,trunc(ih/2)*2))`;
  return `scale=w='${w}':h='${h}'`;
}

function h264(opts: TranscodeOptions): string[] {
  return [
    '-vf', scaleFilter(opts.maxSide ?? 1920),
    '-fpsmax', String(opts.maxFps ?? 60),
    '-c:v', 'libx264', '-preset', 'veryfast', '-crf', '23', '-pix_fmt', 'yuv420p',
    // x264 writes its version and settings into the stream as an SEI message (NAL type 6), and
    // the MP4 muxer names the encoder in the sample description: neither belongs in the output.
    '-bsf:v', 'filter_units=remove_types=6',
    '-metadata:s:v:0', 'encoder= ',
  ];
}

async function ffmpegRun(ffmpeg: string, input: string, args: string[], output: string, opts: TranscodeOptions): Promise<void> {
  await runTool(ffmpeg, [...COMMON, ...SAFE_INPUT, '-i', input, ...args, ...NO_METADATA, output], { timeoutMs: opts.timeoutMs });
}

/** H.264 + AAC in MP4, with the rotation applied (ffmpeg autorotates) and fast start. */
export async function transcodeVideo(ffmpeg: string, input: string, output: string, probe: Probe, opts: TranscodeOptions): Promise<void> {
  const audio = probe.audio ? ['-map', '0:a:0', '-c:a', 'aac', '-b:a', '128k', '-ac', '2'] : [];
  await ffmpegRun(ffmpeg, input, ['-map', '0:v:0', ...audio, ...h264(opts), '-movflags', '+faststart', '-f', 'mp4'], output, opts);
}

/** A silent MP4 that clients loop, as Mastodon makes of GIF animations. */
export async function transcodeGifv(ffmpeg: string, input: string, output: string, _probe: Probe, opts: TranscodeOptions): Promise<void> {
  await ffmpegRun(ffmpeg, input, ['-map', '0:v:0', '-an', ...h264(opts), '-movflags', '+faststart', '-f', 'mp4'], output, opts);
}

/** MP3 with no ID3 tags, no cover art and no Xing/LAME header (which names the encoder). */
export async function transcodeAudio(ffmpeg: string, input: string, output: string, probe: Probe, opts: TranscodeOptions): Promise<void> {
  const rate = probe.audio?.sampleRate === 48000 ? '48000' : '44100';
  await ffmpegRun(
    ffmpeg,
    input,
    ['-map', '0:a:0', '-vn', '-c:a', 'libmp3lame', '-b:a', '192k', '-ar', rate, '-ac', String(Math.min(probe.audio?.channels ?? 2, 2)), '-id3v2_version', '0', '-write_id3v1', '0', '-write_xing', '0', '-f', 'mp3'],
    output,
    opts,
  );
}

/** One frame as PNG: at one second in, or the first frame of a shorter clip. */
export async function extractPoster(ffmpeg: string, input: string, outputPng: string, probe: Probe, opts: TranscodeOptions): Promise<void> {
  const at = probe.duration !== null && probe.duration > 2 ? '1' : '0';
  await runTool(ffmpeg, [...COMMON, '-ss', at, ...SAFE_INPUT, '-i', input, '-map', '0:v:0', '-frames:v', '1', ...NO_METADATA, '-c:v', 'png', '-f', 'image2', outputPng], { timeoutMs: opts.timeoutMs });
}
