// mediaMeta: Mastodon's meta shape, from hand-made probes and from a probe of a real file.
import { execFile, spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import type { Probe } from '../types.ts';
import { lengthOf, mediaMeta } from './meta.ts';
import { probeFile } from './probe.ts';

const exec = promisify(execFile);

const VIDEO: Probe = {
  formatName: 'mov,mp4,m4a,3gp,3g2,mj2',
  duration: 30.033,
  bitRate: 862056,
  video: { codec: 'h264', width: 1920, height: 1080, fps: 29.97, frameRate: '30000/1001', rotation: 0 },
  audio: { codec: 'aac', sampleRate: 44100, channels: 2, channelLayout: 'stereo', bitRate: 128000 },
};

describe('lengthOf', () => {
  it("formats seconds as Mastodon's H:MM:SS.ss", () => {
    expect(lengthOf(30.033)).toBe('0:00:30.03');
    expect(lengthOf(0)).toBe('0:00:00.00');
    expect(lengthOf(268.441)).toBe('0:04:28.44');
    expect(lengthOf(3725.5)).toBe('1:02:05.50');
    // Rounding carries into the minutes instead of printing 60 seconds.
    expect(lengthOf(59.999)).toBe('0:01:00.00');
  });
});

describe('mediaMeta', () => {
  it('describes a video with audio', () => {
    expect(mediaMeta(VIDEO, 'video')).toEqual({
      length: '0:00:30.03',
      duration: 30.03,
      fps: 30,
      size: '1920x1080',
      width: 1920,
      height: 1080,
      aspect: 1920 / 1080,
      audio_encode: 'aac',
      audio_bitrate: '44100 Hz',
      audio_channels: 'stereo',
      original: { width: 1920, height: 1080, frame_rate: '30000/1001', duration: 30.033, bitrate: 862056 },
    });
  });

  it('leaves the audio keys out of a silent video and of every gifv', () => {
    const silent = mediaMeta({ ...VIDEO, audio: null }, 'video');
    const gifv = mediaMeta(VIDEO, 'gifv');
    for (const meta of [silent, gifv]) {
      expect(meta).not.toHaveProperty('audio_encode');
      expect(meta).not.toHaveProperty('audio_bitrate');
      expect(meta).not.toHaveProperty('audio_channels');
      expect(meta).toMatchObject({ size: '1920x1080', fps: 30, original: { frame_rate: '30000/1001' } });
    }
  });

  it('describes audio without any picture keys', () => {
    const probe: Probe = { formatName: 'mp3', duration: 268.441058, bitRate: 192000, video: null, audio: { codec: 'mp3', sampleRate: 48000, channels: 1, channelLayout: null, bitRate: 192000 } };
    expect(mediaMeta(probe, 'audio')).toEqual({
      length: '0:04:28.44',
      duration: 268.44,
      audio_encode: 'mp3',
      audio_bitrate: '48000 Hz',
      audio_channels: 'mono',
      original: { duration: 268.441058, bitrate: 192000 },
    });
    // Cover art that slipped through a probe is still not a picture of an audio attachment.
    expect(mediaMeta({ ...probe, video: VIDEO.video }, 'audio')).not.toHaveProperty('width');
  });

  it('leaves out what ffprobe did not know', () => {
    const meta = mediaMeta({ ...VIDEO, duration: null, bitRate: null, video: { ...VIDEO.video!, fps: null }, audio: { ...VIDEO.audio!, sampleRate: null, channelLayout: null, channels: 6 } }, 'video');
    expect(meta).not.toHaveProperty('length');
    expect(meta).not.toHaveProperty('duration');
    expect(meta).not.toHaveProperty('fps');
    expect(meta).not.toHaveProperty('audio_bitrate');
    expect(meta.audio_channels).toBe('6 channels');
    expect(meta.original).toEqual({ width: 1920, height: 1080, frame_rate: '30000/1001' });
  });

  // Needs Debian's ffmpeg: CI installs it and requires this test; elsewhere it runs where ffmpeg is.
  it.runIf(spawnSync('ffmpeg', ['-version']).status === 0 || process.env.CI === 'true')('matches a real file as ffprobe sees it', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'parley-meta-'));
    try {
      const file = path.join(dir, 'clip.mp4');
      await exec('ffmpeg', [
        '-nostdin', '-loglevel', 'error', '-f', 'lavfi', '-i', 'testsrc=size=320x240:rate=25:duration=2', '-f', 'lavfi', '-i', 'sine=duration=2',
        '-ac', '2', '-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', '-c:a', 'aac', '-shortest', file,
      ]);
      const meta = mediaMeta(await probeFile('ffprobe', file, { timeoutMs: 30_000 }), 'video');
      expect(meta).toMatchObject({ fps: 25, size: '320x240', width: 320, height: 240, aspect: 320 / 240, audio_encode: 'aac', audio_bitrate: '44100 Hz', audio_channels: 'stereo' });
      expect(meta.original).toMatchObject({ width: 320, height: 240, frame_rate: '25/1' });
      expect(meta.duration).toBeCloseTo(2, 1);
      expect(meta.length).toMatch(/^0:00:0[12]\.\d\d$/);
      expect(meta.original?.bitrate).toBeGreaterThan(0);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
