// Runs ffmpeg and ffprobe: no shell, bounded output, killed when they overrun their time.
import { spawn } from 'node:child_process';
import { MediaError } from '../types.ts';

const MAX_STDOUT = 8 * 1024 * 1024;
const MAX_STDERR = 64 * 1024;

/**
 * Demuxers Parley lets ffmpeg use on uploads: real containers only. Playlists (HLS, concat,
 * ffconcat) and image sequences could otherwise make ffmpeg read other files or URLs.
 */
export const DEMUXERS = 'mov,mp4,m4a,3gp,3g2,mj2,matroska,webm,ogg,mp3,wav,flac,aac,gif';
/** Input options for every run on an upload (or on Parley's own output). */
export const SAFE_INPUT = ['-protocol_whitelist', 'file', '-format_whitelist', DEMUXERS];

export async function runTool(bin: string, args: string[], opts: { timeoutMs: number }): Promise<{ stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(bin, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, opts.timeoutMs);
    child.stdout.on('data', (chunk: Buffer) => {
      if (stdout.length < MAX_STDOUT) stdout += chunk.toString('utf8');
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString('utf8')).slice(-MAX_STDERR);
    });
    child.on('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      if (timedOut) reject(new MediaError('Processing took too long: the file was refused'));
      else if (code === 0) resolve({ stdout, stderr });
      else reject(new Error(`${bin} exited with ${code}: ${stderr.trim().split('\n').slice(-3).join(' | ')}`));
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
