// Whether ffmpeg and ffprobe are installed is asked once per process and binary, not at every
// context start (every test server used to spawn both programs).
import path from 'node:path';
import { tmpdir } from 'node:os';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { ffmpegVersion } from '../../src/media/ffmpeg/run.ts';
import { createTestServer, type TestServer } from '../helpers/server.ts';

vi.mock(import('../../src/media/ffmpeg/run.ts'), async (importOriginal) => {
  const original = await importOriginal();
  return { ...original, ffmpegVersion: vi.fn(original.ffmpegVersion) };
});

const servers: TestServer[] = [];
const start = async (env: Record<string, string> = {}) => {
  const server = await createTestServer({ env });
  servers.push(server);
  return server;
};
const probed = () => vi.mocked(ffmpegVersion).mock.calls.map(([bin]) => bin);
afterAll(() => Promise.all(servers.map((server) => server.close())));

describe('the ffmpeg probe', () => {
  it('runs once per binary however many contexts start, and each context still knows the answer', async () => {
    const first = await start();
    const afterFirst = probed();
    // ffprobe is asked only when ffmpeg answered (CI installs both).
    expect(afterFirst).toEqual(first.ctx.media.ffmpeg === null ? expect.arrayContaining(['ffmpeg']) : ['ffmpeg', 'ffprobe']);
    expect(new Set(afterFirst).size).toBe(afterFirst.length);
    const [second, third] = await Promise.all([start(), start()]);
    expect(probed()).toEqual(afterFirst);
    expect(second.ctx.media.ffmpeg).toBe(first.ctx.media.ffmpeg);
    expect(third.ctx.media.ffmpeg).toBe(first.ctx.media.ffmpeg);
  });

  it('probes another binary path on its own, once, and a missing one means no video', async () => {
    const missing = path.join(tmpdir(), 'parley-no-ffmpeg-here');
    const before = probed().length;
    const a = await start({ PARLEY_FFMPEG: missing });
    const b = await start({ PARLEY_FFMPEG: missing });
    expect(probed().slice(before)).toEqual([missing]);
    expect(a.ctx.media.ffmpeg).toBeNull();
    expect(b.ctx.media.ffmpeg).toBeNull();
  });
});
