// Runs ffmpeg and ffprobe: no shell, bounded output, killed when they overrun their time.
import { spawn } from 'node:child_process';
import { setPriority } from 'node:os';
import { MediaError } from '../types.ts';

// ffprobe's JSON for a sane file is a few KB; anything near this is not worth reading further.
const MAX_STDOUT = 4 * 1024 * 1024;
const MAX_STDERR = 64 * 1024;

/**
 * Demuxers Parley lets ffmpeg use on uploads: real containers only. Playlists (HLS, concat,
 * ffconcat) and image sequences could otherwise make ffmpeg read other files or URLs.
 */
export const DEMUXERS = 'mov,mp4,m4a,3gp,3g2,mj2,matroska,webm,ogg,mp3,wav,flac,aac,gif';
/** Input options for every run on an upload (or on Parley's own output). */
export const SAFE_INPUT = ['-protocol_whitelist', 'file', '-format_whitelist', DEMUXERS];

export interface RunOptions {
  timeoutMs: number;
  /** Characters of stderr kept (the last ones, where ffmpeg reports what went wrong). */
  maxStderr?: number;
}

/**
 * Runs `bin` without a shell. Rejects with a MediaError when it overruns `timeoutMs` (the upload
 * is to blame), and with a plain Error (internal: it may name server paths) when it fails.
 */
export async function runTool(bin: string, args: string[], opts: RunOptions): Promise<{ stdout: string; stderr: string }> {
  const maxStderr = opts.maxStderr ?? MAX_STDERR;
  return new Promise((resolve, reject) => {
    const child = spawn(bin, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    // Transcoding may take every core for a while: at a lower priority it cannot slow the
    // requests the server answers meanwhile.
    if (child.pid !== undefined) {
      try {
        setPriority(child.pid, 10);
      } catch {
        /* not permitted here: run at normal priority */
      }
    }
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, opts.timeoutMs);
    child.stdout.on('data', (chunk: Buffer) => {
      if (stdout.length < MAX_STDOUT) stdout = (stdout + chunk.toString('utf8')).slice(0, MAX_STDOUT);
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString('utf8')).slice(-maxStderr);
    });
    child.on('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (timedOut) reject(new MediaError('Processing took too long', 422));
      else if (code === 0) resolve({ stdout, stderr });
      else reject(new Error(`${bin} exited with ${code ?? signal}: ${stderr.trim().split('\n').slice(-3).join(' | ')}`));
    });
  });
}

/** The first line of `-version`, or null when the program is missing or broken. */
export async function ffmpegVersion(bin: string): Promise<string | null> {
  try {
    const { stdout } = await runTool(bin, ['-hide_banner', '-version'], { timeoutMs: 10_000 });
    return stdout.split('\n')[0]?.trim() || null;
  } catch {
    return null;
  }
}
