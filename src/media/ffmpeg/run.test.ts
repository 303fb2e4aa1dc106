// runTool and ffmpegVersion against the real ffmpeg: output, failures, caps and the timeout.
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MediaError } from '../types.ts';
import { ffmpegVersion, runTool } from './run.ts';

// Needs Debian's ffmpeg (and exiftool): CI installs them (.ci/run) and requires these tests; a
// developer's machine without them leaves them out, as it does the browser tests.
const toolsPresent = ['ffmpeg', 'ffprobe', 'exiftool'].every((t) => spawnSync(t, [t === 'exiftool' ? '-ver' : '-version']).status === 0);
const runToolTests = toolsPresent || process.env.CI === 'true';


const MISSING = path.join(os.tmpdir(), 'parley-no-such-dir', 'ffmpeg');
/** An ffmpeg job that never ends on its own: an endless test pattern thrown away. */
const ENDLESS = ['-nostdin', '-hide_banner', '-re', '-f', 'lavfi', '-i', 'testsrc=size=64x64', '-f', 'null', '-'];

describe.runIf(runToolTests)('runTool', () => {
  it('returns what the program printed', async () => {
    const { stdout } = await runTool('ffprobe', ['-v', 'error', '-print_format', 'json', '-show_versions'], { timeoutMs: 10_000 });
    expect(JSON.parse(stdout)).toHaveProperty('program_version');
  });

  it('rejects a failing run with a plain Error carrying the end of stderr', async () => {
    const err = await runTool('ffmpeg', ['-hide_banner', '-f', 'lavfi', '-i', 'no_such_filter_xyz', '-f', 'null', '-'], { timeoutMs: 10_000 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Error);
    expect(err).not.toBeInstanceOf(MediaError);
    expect((err as Error).message).toMatch(/^ffmpeg exited with 1: .*no_such_filter_xyz/);
  });

  it('keeps only the last maxStderr characters of stderr', async () => {
    const { stderr } = await runTool('ffmpeg', ['-v', 'debug', '-f', 'lavfi', '-i', 'nullsrc=size=16x16', '-frames:v', '1', '-f', 'null', '-'], { timeoutMs: 10_000, maxStderr: 300 });
    expect(stderr.length).toBe(300);
    // The end is kept: the text stops where ffmpeg's own output stopped, at a line end.
    expect(stderr).toMatch(/\n$/);
  });

  it('kills a job that overruns its time and refuses the file', async () => {
    // runTool settles only once the process has exited, so a rejection here means it is gone.
    const err = await runTool('ffmpeg', ENDLESS, { timeoutMs: 500 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(MediaError);
    expect(err).toMatchObject({ status: 422, message: 'Processing took too long' });
  });

  it('rejects when the program does not exist', async () => {
    await expect(runTool(MISSING, ['-version'], { timeoutMs: 10_000 })).rejects.toMatchObject({ code: 'ENOENT' });
  });
});

describe.runIf(runToolTests)('ffmpegVersion', () => {
  it("reads ffmpeg's and ffprobe's version lines", async () => {
    expect(await ffmpegVersion('ffmpeg')).toMatch(/^ffmpeg version \S+/);
    expect(await ffmpegVersion('ffprobe')).toMatch(/^ffprobe version \S+/);
  });

  it('is null when the program is missing or is not ffmpeg', async () => {
    expect(await ffmpegVersion(MISSING)).toBeNull();
    // `false` exits 1 whatever it is given.
    expect(await ffmpegVersion('false')).toBeNull();
  });
});
