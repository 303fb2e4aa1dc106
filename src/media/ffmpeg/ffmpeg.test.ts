// The ffmpeg layer on real files made here: what is refused (playlists that would make ffmpeg
// read other files, non-media), what a runaway run gets (killed), and Mastodon's meta shape.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MediaError } from '../types.ts';
import { lengthOf, mediaMeta } from './meta.ts';
import { fps, parseProbe, probeFile } from './probe.ts';
import { runTool } from './run.ts';
import { transcodeVideo } from './transcode.ts';

const present = spawnSync('ffmpeg', ['-version']).status === 0;
const opts = { timeoutMs: 20_000 };

describe('meta and probe parsing', () => {
  it('formats lengths and frame rates as Mastodon does', () => {
    expect(lengthOf(88.654)).toBe('0:01:28.65');
    expect(lengthOf(3725.5)).toBe('1:02:05.50');
    expect(fps('30000/1001')).toBe(29.97);
    expect(fps('0/0')).toBeNull();
  });

  it('takes cover art for a picture, not a video, and refuses files with no streams', () => {
    const probe = parseProbe({
      format: { format_name: 'mp3', duration: '12.5', bit_rate: '192000' },
      streams: [
        { codec_type: 'audio', codec_name: 'mp3', sample_rate: '44100', channels: 2, channel_layout: 'stereo' },
        { codec_type: 'video', codec_name: 'mjpeg', width: 500, height: 500, disposition: { attached_pic: 1 } },
      ],
    });
    expect(probe.video).toBeNull();
    expect(mediaMeta(probe, 'audio')).toEqual({ length: '0:00:12.50', duration: 12.5, audio_encode: 'mp3', audio_bitrate: '44100 Hz', audio_channels: 'stereo', original: { duration: 12.5, bitrate: 192000 } });
    expect(() => parseProbe({ streams: [] })).toThrow(MediaError);
  });

  it('reads display rotation from side data', () => {
    const probe = parseProbe({ streams: [{ codec_type: 'video', width: 640, height: 360, avg_frame_rate: '25/1', side_data_list: [{ side_data_type: 'Display Matrix', rotation: -90 }] }] });
    expect(probe.video).toMatchObject({ rotation: 270, fps: 25, frameRate: '25/1' });
  });
});

describe.runIf(present || process.env.CI === 'true')('ffmpeg on hostile files', () => {
  let dir: string;
  let clip: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'parley-ffmpeg-'));
    clip = path.join(dir, 'clip.mp4');
    execFileSync('ffmpeg', ['-loglevel', 'error', '-f', 'lavfi', '-i', 'testsrc2=size=160x120:rate=10:duration=1', '-c:v', 'libx264', clip]);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('refuses an HLS playlist that points at another file', async () => {
    const playlist = path.join(dir, 'evil.m3u8');
    writeFileSync(playlist, `#EXTM3U\n#EXT-X-TARGETDURATION:1\n#EXTINF:1,\n${clip}\n#EXT-X-ENDLIST\n`);
    await expect(probeFile('ffprobe', playlist, opts)).rejects.toThrow(/not a video or audio file/);
  });

  it('refuses a concat script and an image sequence pattern', async () => {
    const script = path.join(dir, 'list.txt');
    writeFileSync(script, `ffconcat version 1.0\nfile '${clip}'\n`);
    await expect(probeFile('ffprobe', script, opts)).rejects.toThrow(MediaError);
    await expect(probeFile('ffprobe', path.join(dir, 'img%03d.png'), opts)).rejects.toThrow(MediaError);
  });

  it('refuses text', async () => {
    const text = path.join(dir, 'notes.txt');
    writeFileSync(text, 'just words, no media\n'.repeat(100));
    await expect(probeFile('ffprobe', text, opts)).rejects.toThrow(MediaError);
  });

  it('kills a run that overruns its time and says so', async () => {
    await expect(runTool('ffmpeg', ['-nostdin', '-f', 'lavfi', '-i', 'testsrc2=duration=600', '-f', 'null', '-'], { timeoutMs: 300 })).rejects.toThrow(/took too long/);
  });

  it('writes no encoder string, tag or creation time into a transcoded video', async () => {
    const tagged = path.join(dir, 'tagged.mp4');
    execFileSync('ffmpeg', ['-loglevel', 'error', '-i', clip, '-c', 'copy', '-metadata', 'title=PARLEY-SECRET', '-metadata', 'creation_time=2024-01-02T03:04:05Z', tagged]);
    const out = path.join(dir, 'out.mp4');
    await transcodeVideo('ffmpeg', tagged, out, await probeFile('ffprobe', tagged, opts), opts);
    const bytes = readFileSync(out);
    for (const needle of ['PARLEY-SECRET', 'x264 - core', 'Lavf', 'Lavc', '2024']) expect(bytes.includes(needle), needle).toBe(false);
    const probe = await probeFile('ffprobe', out, opts);
    expect(probe.video).toMatchObject({ codec: 'h264', width: 160, height: 120 });
  });
});
