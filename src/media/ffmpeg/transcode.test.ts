// Transcoding against real ffmpeg: tiny inputs full of identifying metadata go in, and
// ffprobe, exiftool and the raw bytes of the output are asked whether any of it came out.
import { execFile, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MediaError, type Probe } from '../types.ts';
import { probeFile } from './probe.ts';
import { extractPoster, transcodeAudio, transcodeGifv, transcodeVideo } from './transcode.ts';

// Needs Debian's ffmpeg (and exiftool): CI installs them (.ci/run) and requires these tests; a
// developer's machine without them leaves them out, as it does the browser tests.
const toolsPresent = ['ffmpeg', 'ffprobe', 'exiftool'].every((t) => spawnSync(t, [t === 'exiftool' ? '-ver' : '-version']).status === 0);
const runToolTests = toolsPresent || process.env.CI === 'true';


const exec = promisify(execFile);
const FFMPEG = 'ffmpeg';
const FFPROBE = 'ffprobe';
const T = { timeoutMs: 60_000 };
const SECRET = 'SECRET';
const SERIAL = 'SN9876543210';

let dir: string;
const at = (name: string) => path.join(dir, name);

async function ffmpeg(args: string[]): Promise<void> {
  await exec(FFMPEG, ['-nostdin', '-hide_banner', '-loglevel', 'error', '-y', ...args]);
}

async function exiftoolWrite(file: string, tags: string[]): Promise<void> {
  await exec('exiftool', ['-overwrite_original', ...tags, file]);
}

interface RawStream {
  codec_type: string;
  codec_name: string;
  width?: number;
  height?: number;
  avg_frame_rate?: string;
  sample_rate?: string;
  channels?: number;
  tags?: Record<string, string>;
  side_data_list?: unknown[];
  disposition?: { attached_pic?: number };
}
interface RawProbe {
  streams: RawStream[];
  chapters: unknown[];
  format: { duration?: string; tags?: Record<string, string> };
}

/** ffprobe's own view of a file, independent of Parley's probe code. */
async function ffprobe(file: string): Promise<RawProbe> {
  const { stdout } = await exec(FFPROBE, ['-v', 'error', '-print_format', 'json', '-show_format', '-show_streams', '-show_chapters', file]);
  return JSON.parse(stdout) as RawProbe;
}

async function exiftool(file: string): Promise<Record<string, unknown>> {
  const { stdout } = await exec('exiftool', ['-j', '-a', '-u', '-G1', file]);
  return (JSON.parse(stdout) as Record<string, unknown>[])[0]!;
}

/** exiftool groups a clean output may show: the tool, the filesystem, the container's structure. */
const CLEAN_GROUPS = /^(SourceFile|ExifTool|System|File|Composite|QuickTime|Track\d+|MPEG|PNG|PNG-pHYs):/;
const IDENTIFYING = /GPS|Location|Make|Model|Serial|Title|Comment|Chapter|Encoder|CompressorName|Software|Artist|Album|Picture|Creat|Date/i;
/** Structural QuickTime tags whose names look identifying, with the only values allowed. */
const STRUCTURAL: Record<string, RegExp> = {
  'QuickTime:CreateDate': /^0000:00:00 00:00:00$/,
  'QuickTime:ModifyDate': /^0000:00:00 00:00:00$/,
  'Track1:TrackCreateDate': /^0000:00:00 00:00:00$/,
  'Track1:TrackModifyDate': /^0000:00:00 00:00:00$/,
  'Track1:MediaCreateDate': /^0000:00:00 00:00:00$/,
  'Track1:MediaModifyDate': /^0000:00:00 00:00:00$/,
  'Track2:TrackCreateDate': /^0000:00:00 00:00:00$/,
  'Track2:TrackModifyDate': /^0000:00:00 00:00:00$/,
  'Track2:MediaCreateDate': /^0000:00:00 00:00:00$/,
  'Track2:MediaModifyDate': /^0000:00:00 00:00:00$/,
  // ffmpeg's encoder name, blanked (a space) by transcode.ts.
  'Track1:CompressorName': /^\s*$/,
  // The MPEG frame header's copyright bit.
  'MPEG:CopyrightFlag': /^(true|false)$/i,
};
/** Strings that must not be anywhere in an output's bytes (the marker, the device, encoder names). */
const LEAKS = [SECRET, SERIAL, 'iPhone', '+40.7', 'x264 - core', 'Lavf', 'Lavc', 'handler-of-the-uploader'];

/** Every way the output could still describe the upload; an empty list means clean. */
async function leaks(file: string): Promise<string[]> {
  const found: string[] = [];
  const bytes = (await readFile(file)).toString('latin1');
  for (const s of LEAKS) if (bytes.includes(s)) found.push(`bytes contain ${s}`);
  for (const [key, value] of Object.entries(await exiftool(file))) {
    if (key === 'SourceFile' || /^(ExifTool|System):/.test(key)) continue;
    if (!CLEAN_GROUPS.test(key)) found.push(`exiftool ${key}=${String(value)}`);
    else if (IDENTIFYING.test(key) && !STRUCTURAL[key]?.test(String(value))) found.push(`exiftool ${key}=${String(value)}`);
  }
  const probe = await ffprobe(file);
  if (probe.chapters.length > 0) found.push('chapters');
  const formatTags = Object.keys(probe.format.tags ?? {}).filter((k) => !['major_brand', 'minor_version', 'compatible_brands'].includes(k));
  if (formatTags.length > 0) found.push(`format tags ${formatTags.join(',')}`);
  for (const s of probe.streams) {
    for (const [k, v] of Object.entries(s.tags ?? {})) {
      const allowed =
        (k === 'language' && v === 'und') ||
        (k === 'handler_name' && /^(VideoHandler|SoundHandler)$/.test(v)) ||
        (k === 'vendor_id' && v === '[0][0][0][0]') ||
        (k === 'encoder' && v.trim() === '');
      if (!allowed) found.push(`${s.codec_type} stream tag ${k}=${v}`);
    }
    if (s.side_data_list?.length) found.push(`${s.codec_type} side data ${JSON.stringify(s.side_data_list)}`);
  }
  return found;
}

const streamsOf = async (file: string, type: string) => (await ffprobe(file)).streams.filter((s) => s.codec_type === type);

let phone: Probe;

beforeAll(async () => {
  if (!runToolTests) return;
  dir = await mkdtemp(path.join(os.tmpdir(), 'parley-ffmpeg-'));
  await writeFile(
    at('chapters.txt'),
    `;FFMETADATA1\ntitle=${SECRET} global\n[CHAPTER]\nTIMEBASE=1/1000\nSTART=0\nEND=1000\ntitle=${SECRET} chapter\n`,
  );
  // A "phone video": 2 s, 320x240 shown rotated 90° clockwise, with a title, location, creation
  // time, a named handler, chapters, then QuickTime GPS/Make/Model/SerialNumber from exiftool.
  await ffmpeg([
    '-f', 'lavfi', '-i', 'testsrc=size=320x240:rate=30:duration=2',
    '-f', 'lavfi', '-i', 'sine=frequency=440:duration=2',
    '-i', at('chapters.txt'),
    '-map', '0', '-map', '1', '-map_metadata', '2', '-map_chapters', '2',
    '-c:v', 'libx264', '-preset', 'ultrafast', '-c:a', 'aac',
    '-metadata', `title=${SECRET}`, '-metadata', 'location=+40.7128-074.0060/', '-metadata', 'creation_time=2024-05-01T10:00:00Z',
    '-metadata:s:v', 'handler_name=handler-of-the-uploader',
    at('phone.mov'),
  ]);
  await exiftoolWrite(at('phone.mov'), ['-GPSCoordinates=40.7128, -74.0060', '-Make=Apple', '-Model=iPhone 12', `-SerialNumber=${SERIAL}`, '-Rotation=90']);
  phone = await probeFile(FFPROBE, at('phone.mov'), T);
}, 60_000);

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe.runIf(runToolTests)('fixtures', () => {
  it('start out full of metadata, so a clean output means something', async () => {
    expect(phone.video?.rotation).toBe(90);
    const found = await leaks(at('phone.mov'));
    expect(found.join('\n')).toMatch(/GPS/);
    expect(found.join('\n')).toMatch(/chapters/);
    expect(found.join('\n')).toMatch(/x264 - core/);
    expect(found.join('\n')).toMatch(new RegExp(SERIAL));
  });
});

describe.runIf(runToolTests)('transcodeVideo', () => {
  it('writes H.264 + AAC in MP4 with the rotation applied and no metadata at all', async () => {
    await transcodeVideo(FFMPEG, at('phone.mov'), at('phone.mp4'), phone, T);
    expect(await leaks(at('phone.mp4'))).toEqual([]);
    const out = await ffprobe(at('phone.mp4'));
    expect(out.streams.map((s) => s.codec_type)).toEqual(['video', 'audio']);
    const [v, a] = out.streams;
    expect(v).toMatchObject({ codec_name: 'h264', width: 240, height: 320, avg_frame_rate: '30/1' });
    expect(a).toMatchObject({ codec_name: 'aac', channels: 1 });
    expect(Number(out.format.duration)).toBeCloseTo(2, 1);
    const probe = await probeFile(FFPROBE, at('phone.mp4'), T);
    expect(probe.video?.rotation).toBe(0);
    expect(probe.formatName).toMatch(/mp4/);
  });

  it('puts the moov atom first (+faststart)', async () => {
    const head = (await readFile(at('phone.mp4'))).subarray(0, 4096).toString('latin1');
    expect(head.indexOf('moov')).toBeGreaterThan(0);
    expect(head.indexOf('moov')).toBeLessThan(head.indexOf('mdat') === -1 ? Infinity : head.indexOf('mdat'));
  });

  it('keeps only the first video and audio streams of a Matroska file (no subtitles, attachments, tags)', async () => {
    await writeFile(at('subs.srt'), `1\n00:00:00,000 --> 00:00:01,000\n${SECRET} subtitle\n`);
    await writeFile(at('note.txt'), `${SECRET} attachment`);
    await ffmpeg([
      '-f', 'lavfi', '-i', 'testsrc=size=320x240:rate=25:duration=1',
      '-f', 'lavfi', '-i', 'sine=duration=1', '-f', 'lavfi', '-i', 'sine=frequency=880:duration=1',
      '-i', at('subs.srt'), '-attach', at('note.txt'), '-metadata:s:t', 'mimetype=text/plain',
      '-map', '0', '-map', '1', '-map', '2', '-map', '3', '-c:v', 'libx264', '-preset', 'ultrafast', '-c:a', 'libvorbis', '-c:s', 'srt',
      '-metadata', `title=${SECRET}`, '-metadata', `comment=${SECRET}`, '-metadata:s:a:0', `title=${SECRET} track`,
      at('multi.mkv'),
    ]);
    expect((await ffprobe(at('multi.mkv'))).streams.map((s) => s.codec_type)).toEqual(['video', 'audio', 'audio', 'subtitle', 'attachment']);
    expect((await leaks(at('multi.mkv'))).join('\n')).toMatch(/Title/);
    const probe = await probeFile(FFPROBE, at('multi.mkv'), T);
    await transcodeVideo(FFMPEG, at('multi.mkv'), at('multi.mp4'), probe, T);
    expect((await ffprobe(at('multi.mp4'))).streams.map((s) => s.codec_type)).toEqual(['video', 'audio']);
    expect(await leaks(at('multi.mp4'))).toEqual([]);
  });

  it('writes no audio stream when the input has none', async () => {
    await ffmpeg(['-f', 'lavfi', '-i', 'testsrc=size=320x240:rate=30:duration=1', '-c:v', 'libx264', '-preset', 'ultrafast', at('silent.mp4')]);
    const probe = await probeFile(FFPROBE, at('silent.mp4'), T);
    await transcodeVideo(FFMPEG, at('silent.mp4'), at('silent-out.mp4'), probe, T);
    expect((await ffprobe(at('silent-out.mp4'))).streams.map((s) => s.codec_type)).toEqual(['video']);
  });

  it('caps the longest side and the frame rate, keeping even dimensions', async () => {
    await ffmpeg(['-f', 'lavfi', '-i', 'testsrc=size=321x241:rate=30:duration=1', '-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv444p', at('odd.mp4')]);
    const probe = await probeFile(FFPROBE, at('odd.mp4'), T);
    await transcodeVideo(FFMPEG, at('odd.mp4'), at('odd-full.mp4'), probe, T);
    expect((await streamsOf(at('odd-full.mp4'), 'video'))[0]).toMatchObject({ width: 320, height: 240 });
    await transcodeVideo(FFMPEG, at('odd.mp4'), at('odd-small.mp4'), probe, { ...T, maxSide: 161, maxFps: 10 });
    const [v] = await streamsOf(at('odd-small.mp4'), 'video');
    expect(v).toMatchObject({ width: 160, height: 120, avg_frame_rate: '10/1' });
  });

  it('kills ffmpeg and refuses the file when it takes too long', async () => {
    const err = await transcodeVideo(FFMPEG, at('phone.mov'), at('slow.mp4'), phone, { timeoutMs: 1 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(MediaError);
    expect(err).toMatchObject({ status: 422, message: 'Processing took too long' });
  });

  it('refuses an HLS playlist and does not read the files it names', async () => {
    await writeFile(at('list.mp4'), `#EXTM3U\n#EXT-X-TARGETDURATION:2\n#EXTINF:2.0,\n${at('phone.mov')}\n#EXT-X-ENDLIST\n`);
    await expect(transcodeVideo(FFMPEG, at('list.mp4'), at('list-out.mp4'), phone, T)).rejects.toThrow(/not on whitelist/);
    expect(existsSync(at('list-out.mp4'))).toBe(false);
  });
});

describe.runIf(runToolTests)('transcodeGifv', () => {
  it('turns an animated GIF into a silent H.264 MP4 with even dimensions and no comment', async () => {
    await ffmpeg(['-f', 'lavfi', '-i', 'testsrc=size=101x75:rate=10:duration=1', '-f', 'lavfi', '-i', 'sine=duration=1', '-map', '0', at('anim.gif')]);
    await exiftoolWrite(at('anim.gif'), [`-Comment=${SECRET} comment`]);
    expect((await leaks(at('anim.gif'))).join('\n')).toMatch(/Comment=SECRET/);
    const probe = await probeFile(FFPROBE, at('anim.gif'), T);
    expect(probe.video).toMatchObject({ codec: 'gif', width: 101, height: 75 });
    await transcodeGifv(FFMPEG, at('anim.gif'), at('anim.mp4'), probe, T);
    const out = await ffprobe(at('anim.mp4'));
    expect(out.streams).toHaveLength(1);
    expect(out.streams[0]).toMatchObject({ codec_type: 'video', codec_name: 'h264', width: 100, height: 74 });
    expect(Number(out.format.duration)).toBeCloseTo(1, 1);
    expect(await leaks(at('anim.mp4'))).toEqual([]);
  });

  it('drops the audio of a video sent as an animation', async () => {
    await transcodeGifv(FFMPEG, at('phone.mov'), at('phone-gifv.mp4'), phone, T);
    const out = await ffprobe(at('phone-gifv.mp4'));
    expect(out.streams.map((s) => s.codec_type)).toEqual(['video']);
    expect(out.streams[0]).toMatchObject({ width: 240, height: 320 });
    expect(await leaks(at('phone-gifv.mp4'))).toEqual([]);
  });
});

describe.runIf(runToolTests)('transcodeAudio', () => {
  let tagged: Probe;

  beforeAll(async () => {
    // An MP3 with ID3v2 + ID3v1 tags and cover art, as music files come.
    await ffmpeg(['-f', 'lavfi', '-i', 'testsrc=size=64x64:duration=1', '-frames:v', '1', at('cover.png')]);
    await ffmpeg([
      '-f', 'lavfi', '-i', 'sine=frequency=440:duration=2:sample_rate=44100', '-i', at('cover.png'),
      '-map', '0', '-map', '1', '-c:a', 'libmp3lame', '-c:v', 'mjpeg', '-disposition:v', 'attached_pic',
      '-metadata', `title=${SECRET}`, '-metadata', `artist=${SECRET} artist`, '-write_id3v1', '1',
      at('tagged.mp3'),
    ]);
    tagged = await probeFile(FFPROBE, at('tagged.mp3'), T);
  });

  it('writes an MP3 without ID3 tags, cover art or Xing/LAME header', async () => {
    expect(tagged.video).toBeNull();
    const before = (await leaks(at('tagged.mp3'))).join('\n');
    expect(before).toMatch(/ID3v2_\d:Title=SECRET/);
    expect(before).toMatch(/ID3v1:Artist=SECRET/);
    expect((await streamsOf(at('tagged.mp3'), 'video'))[0]?.disposition?.attached_pic).toBe(1);
    await transcodeAudio(FFMPEG, at('tagged.mp3'), at('clean.mp3'), tagged, T);
    expect(await leaks(at('clean.mp3'))).toEqual([]);
    const out = await ffprobe(at('clean.mp3'));
    expect(out.streams).toHaveLength(1);
    expect(out.streams[0]).toMatchObject({ codec_type: 'audio', codec_name: 'mp3', sample_rate: '44100' });
    expect(Number(out.format.duration)).toBeCloseTo(2, 0);
    const bytes = await readFile(at('clean.mp3'));
    // No ID3v2 header first, no ID3v1 block last, and the first frame is audio, not an Xing/Info
    // frame (whose LAME extension names the encoder and its settings).
    expect(bytes.subarray(0, 3).toString('latin1')).not.toBe('ID3');
    expect(bytes.subarray(-128, -125).toString('latin1')).not.toBe('TAG');
    expect(bytes[0]).toBe(0xff);
    expect(bytes.subarray(0, 64).toString('latin1')).not.toMatch(/Xing|Info|LAME/);
  });

  it('keeps 48 kHz and mono, and takes the audio out of a video', async () => {
    await ffmpeg(['-f', 'lavfi', '-i', 'sine=duration=1:sample_rate=48000', '-metadata', `title=${SECRET}`, at('mono48.wav')]);
    const wav = await probeFile(FFPROBE, at('mono48.wav'), T);
    await transcodeAudio(FFMPEG, at('mono48.wav'), at('mono48.mp3'), wav, T);
    expect((await ffprobe(at('mono48.mp3'))).streams[0]).toMatchObject({ sample_rate: '48000', channels: 1 });
    expect(await leaks(at('mono48.mp3'))).toEqual([]);
    await transcodeAudio(FFMPEG, at('phone.mov'), at('phone.mp3'), phone, T);
    expect((await ffprobe(at('phone.mp3'))).streams.map((s) => s.codec_type)).toEqual(['audio']);
    expect(await leaks(at('phone.mp3'))).toEqual([]);
  });
});

describe.runIf(runToolTests)('extractPoster', () => {
  it('writes one upright PNG frame with no metadata', async () => {
    await extractPoster(FFMPEG, at('phone.mov'), at('poster'), phone, T);
    const out = await ffprobe(at('poster'));
    expect(out.streams[0]).toMatchObject({ codec_name: 'png', width: 240, height: 320 });
    expect(await leaks(at('poster'))).toEqual([]);
  });

  it('still finds a frame in a clip shorter than one second', async () => {
    await ffmpeg(['-f', 'lavfi', '-i', 'color=c=red:size=64x48:rate=10:duration=0.3', '-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', at('short.mp4')]);
    const probe = await probeFile(FFPROBE, at('short.mp4'), T);
    await extractPoster(FFMPEG, at('short.mp4'), at('short.png'), probe, T);
    expect((await ffprobe(at('short.png'))).streams[0]).toMatchObject({ codec_name: 'png', width: 64, height: 48 });
  });
});
