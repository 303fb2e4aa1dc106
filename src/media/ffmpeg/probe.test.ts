// probeFile against real ffprobe (media in, non-media and playlists refused), and parseProbe on
// hand-written ffprobe JSON for the cases that are awkward to produce with ffmpeg 5.1.
import { execFile, spawnSync } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MediaError } from '../types.ts';
import { fps, parseProbe, probeFile } from './probe.ts';

// Needs Debian's ffmpeg (and exiftool): CI installs them (.ci/run) and requires these tests; a
// developer's machine without them leaves them out, as it does the browser tests.
const toolsPresent = ['ffmpeg', 'ffprobe', 'exiftool'].every((t) => spawnSync(t, [t === 'exiftool' ? '-ver' : '-version']).status === 0);
const runToolTests = toolsPresent || process.env.CI === 'true';


const exec = promisify(execFile);
const FFPROBE = 'ffprobe';
const T = { timeoutMs: 30_000 };
const NOT_MEDIA = 'The file is not a video or audio file Parley can read';

let dir: string;
const at = (name: string) => path.join(dir, name);

async function ffmpeg(args: string[]): Promise<void> {
  await exec('ffmpeg', ['-nostdin', '-hide_banner', '-loglevel', 'error', '-y', ...args]);
}

async function refusal(file: string): Promise<unknown> {
  return probeFile(FFPROBE, file, T).then(
    () => 'accepted',
    (err: unknown) => err,
  );
}

beforeAll(async () => {
  if (!runToolTests) return;
  dir = await mkdtemp(path.join(os.tmpdir(), 'parley-probe-'));
  await ffmpeg([
    '-f', 'lavfi', '-i', 'testsrc=size=320x240:rate=30000/1001:duration=2',
    '-f', 'lavfi', '-i', 'sine=duration=2:sample_rate=48000', '-ac', '2',
    '-c:v', 'libx264', '-preset', 'ultrafast', '-c:a', 'aac', at('clip.mov'),
  ]);
  await ffmpeg(['-f', 'lavfi', '-i', 'testsrc=size=320x240:rate=30:duration=1', '-c:v', 'libx264', '-preset', 'ultrafast', at('turned.mp4')]);
  // exiftool's Rotation is clockwise, as the old `rotate` tag was.
  await exec('exiftool', ['-overwrite_original', '-Rotation=90', at('turned.mp4')]);
}, 60_000);

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe.runIf(runToolTests)('probeFile', () => {
  it('reads a video with audio', async () => {
    const probe = await probeFile(FFPROBE, at('clip.mov'), T);
    expect(probe.formatName).toBe('mov,mp4,m4a,3gp,3g2,mj2');
    expect(probe.duration).toBeCloseTo(2, 1);
    expect(probe.bitRate).toBeGreaterThan(0);
    expect(probe.video).toEqual({ codec: 'h264', width: 320, height: 240, fps: 29.97, frameRate: '30000/1001', rotation: 0 });
    expect(probe.audio).toMatchObject({ codec: 'aac', sampleRate: 48000, channels: 2, channelLayout: 'stereo' });
  });

  it('reads the display rotation as clockwise degrees, dimensions as stored', async () => {
    const probe = await probeFile(FFPROBE, at('turned.mp4'), T);
    expect(probe.video).toMatchObject({ width: 320, height: 240, rotation: 90 });
    expect(probe.audio).toBeNull();
  });

  it('reads audio-only files', async () => {
    await ffmpeg(['-f', 'lavfi', '-i', 'sine=duration=1', at('tone.flac')]);
    const probe = await probeFile(FFPROBE, at('tone.flac'), T);
    expect(probe.video).toBeNull();
    expect(probe.audio).toMatchObject({ codec: 'flac', sampleRate: 44100, channels: 1 });
  });

  it('refuses text, empty files and images posing as video', async () => {
    await writeFile(at('notes.mp4'), 'just some text\nnothing to see\n');
    await writeFile(at('empty.mp4'), '');
    await ffmpeg(['-f', 'lavfi', '-i', 'testsrc=size=64x64', '-frames:v', '1', '-f', 'image2', '-c:v', 'png', at('picture.mp4')]);
    for (const name of ['notes.mp4', 'empty.mp4', 'picture.mp4', 'missing.mp4']) {
      const err = await refusal(at(name));
      expect(err, name).toBeInstanceOf(MediaError);
      expect(err, name).toMatchObject({ status: 422, message: NOT_MEDIA });
    }
  });

  it('refuses an HLS playlist that points at a local file', async () => {
    const playlist = `#EXTM3U\n#EXT-X-VERSION:3\n#EXT-X-TARGETDURATION:2\n#EXTINF:2.0,\n${at('clip.mov')}\n#EXT-X-ENDLIST\n`;
    await writeFile(at('playlist.m3u8'), playlist);
    await writeFile(at('playlist.mp4'), playlist);
    // Proof that ffprobe without Parley's whitelists would follow it.
    const { stdout } = await exec(FFPROBE, ['-v', 'error', '-print_format', 'json', '-show_format', at('playlist.mp4')]);
    expect(JSON.parse(stdout)).toMatchObject({ format: { format_name: 'hls' } });
    for (const name of ['playlist.m3u8', 'playlist.mp4']) {
      expect(await refusal(at(name)), name).toMatchObject({ message: NOT_MEDIA });
    }
  });

  it('refuses a concat script', async () => {
    // A relative name passes the concat demuxer's own "safe" check, so only the whitelist stops it.
    await writeFile(at('concat.mp4'), `ffconcat version 1.0\nfile 'clip.mov'\n`);
    const { stdout } = await exec(FFPROBE, ['-v', 'error', '-print_format', 'json', '-show_format', at('concat.mp4')]);
    expect(JSON.parse(stdout)).toMatchObject({ format: { format_name: 'concat' } });
    expect(await refusal(at('concat.mp4'))).toMatchObject({ message: NOT_MEDIA });
  });

  it('opens no URL: only local files are read', async () => {
    let requests = 0;
    const clip = await readFile(at('clip.mov'));
    const server = createServer((_req, res) => {
      requests++;
      res.writeHead(200, { 'content-type': 'video/quicktime' }).end(clip);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/clip.mov`;
      // Proof that the server is reachable for ffprobe without Parley's whitelists.
      await exec(FFPROBE, ['-v', 'error', '-show_format', url]);
      const seen = requests;
      expect(seen).toBeGreaterThan(0);
      expect(await refusal(url)).toMatchObject({ message: NOT_MEDIA });
      await writeFile(at('remote.m3u8'), `#EXTM3U\n#EXT-X-TARGETDURATION:2\n#EXTINF:2.0,\n${url}\n#EXT-X-ENDLIST\n`);
      expect(await refusal(at('remote.m3u8'))).toMatchObject({ message: NOT_MEDIA });
      expect(requests).toBe(seen);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('refuses when ffprobe itself cannot be run', async () => {
    const err = await probeFile(path.join(dir, 'no-such-ffprobe'), at('clip.mov'), T).catch((e: unknown) => e);
    expect(err).toMatchObject({ message: NOT_MEDIA });
  });
});

describe('parseProbe', () => {
  const video = { codec_type: 'video', codec_name: 'h264', width: 640, height: 480 };

  it('normalises the display matrix (counter-clockwise) and the rotate tag (clockwise) to 0/90/180/270', () => {
    const withMatrix = (rotation: number) =>
      parseProbe({ streams: [{ ...video, side_data_list: [{ side_data_type: 'Display Matrix', rotation }] }] }).video?.rotation;
    expect(withMatrix(-90)).toBe(90);
    expect(withMatrix(90)).toBe(270);
    expect(withMatrix(180)).toBe(180);
    expect(withMatrix(-180)).toBe(180);
    expect(withMatrix(-270)).toBe(270);
    expect(withMatrix(0)).toBe(0);
    const withTag = (rotate: string) => parseProbe({ streams: [{ ...video, tags: { rotate } }] }).video?.rotation;
    expect(withTag('90')).toBe(90);
    expect(withTag('-90')).toBe(270);
    expect(withTag('450')).toBe(90);
    expect(withTag('junk')).toBe(0);
  });

  it('takes fps from avg_frame_rate, else r_frame_rate', () => {
    const a = parseProbe({ streams: [{ ...video, avg_frame_rate: '25/1', r_frame_rate: '50/1' }] }).video;
    expect(a).toMatchObject({ fps: 25, frameRate: '25/1' });
    const b = parseProbe({ streams: [{ ...video, avg_frame_rate: '0/0', r_frame_rate: '24000/1001' }] }).video;
    expect(b).toMatchObject({ fps: 23.98, frameRate: '24000/1001' });
    const c = parseProbe({ streams: [{ ...video }] }).video;
    expect(c).toMatchObject({ fps: null, frameRate: '0/0' });
  });

  it('does not count cover art as video, and refuses files with neither video nor audio', () => {
    const cover = { ...video, codec_name: 'mjpeg', disposition: { attached_pic: 1 } };
    const audio = { codec_type: 'audio', codec_name: 'mp3', sample_rate: '44100', channels: 2, channel_layout: 'stereo', bit_rate: '192000' };
    expect(parseProbe({ streams: [cover, audio] })).toMatchObject({
      video: null,
      audio: { codec: 'mp3', sampleRate: 44100, channels: 2, channelLayout: 'stereo', bitRate: 192000 },
    });
    expect(() => parseProbe({ streams: [cover] })).toThrow(NOT_MEDIA);
    expect(() => parseProbe({ streams: [{ codec_type: 'subtitle' }, { codec_type: 'data' }] })).toThrow(NOT_MEDIA);
    expect(() => parseProbe({})).toThrow(MediaError);
  });

  it('reads duration and bit rate of the container, null when ffprobe has none', () => {
    expect(parseProbe({ streams: [video], format: { format_name: 'gif', duration: '1.5', bit_rate: '1000' } })).toMatchObject({
      formatName: 'gif',
      duration: 1.5,
      bitRate: 1000,
    });
    expect(parseProbe({ streams: [video], format: { duration: 'N/A' } })).toMatchObject({ duration: null, bitRate: null });
  });
});

describe('fps', () => {
  it('turns fractions into frames per second, rounded to hundredths', () => {
    expect(fps('30000/1001')).toBe(29.97);
    expect(fps('30/1')).toBe(30);
    expect(fps('0/0')).toBeNull();
    expect(fps('25/0')).toBeNull();
    expect(fps('garbage')).toBeNull();
    expect(fps(undefined)).toBeNull();
  });
});
