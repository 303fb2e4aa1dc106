// The independent tools the media tests trust: exiftool and ffprobe read what Parley stored, so
// a bug in Parley's own media code cannot hide itself behind that same code.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';

const exec = promisify(execFile);

// From Debian's packages: libimage-exiftool-perl, ffmpeg, libheif-examples.
export const EXIFTOOL = 'exiftool';
export const FFMPEG = 'ffmpeg';
export const FFPROBE = 'ffprobe';
export const HEIF_ENC = 'heif-enc';

const onPath = (tool: string) => (process.env.PATH ?? '').split(path.delimiter).some((dir) => dir !== '' && existsSync(path.join(dir, tool)));

/**
 * These tests need Debian's exiftool, ffmpeg and heif-enc. CI installs them (.ci/run) and then
 * requires the tests; on a developer's machine without them they are left out, as the browser
 * tests are without Chromium.
 */
export const runMediaTests = [EXIFTOOL, FFMPEG, FFPROBE, HEIF_ENC].every(onPath) || process.env.CI === 'true';

/** Runs a tool and returns its stdout; a failure carries the tool's stderr. */
export async function run(cmd: string, args: string[], opts: { exitCodes?: number[] } = {}): Promise<string> {
  try {
    const { stdout } = await exec(cmd, args, { maxBuffer: 64 * 1024 * 1024 });
    return stdout;
  } catch (err) {
    const e = err as Error & { code?: unknown; stdout?: string; stderr?: string };
    if (typeof e.code === 'number' && opts.exitCodes?.includes(e.code) && e.stdout) return e.stdout;
    throw new Error(`${cmd} ${args.join(' ')} failed: ${e.stderr || e.message}`, { cause: err });
  }
}

/** One file as exiftool sees it: keys are "Group:Tag", or "Group:CopyN:Tag" for repeated tags. */
export type ExifRecord = Record<string, unknown>;

/**
 * `-G1:4` is `-G1` plus a copy number on repeated tags: plain `-G1 -j` keeps only the last of
 * two same-named tags (e.g. the three Matroska Encoder tags), which could hide a leak. `-ee`
 * also reads metadata embedded in media data (timed GPS tracks, as phone and action cameras write).
 */
export async function exiftool(files: string[]): Promise<Map<string, ExifRecord>> {
  const out = new Map<string, ExifRecord>();
  if (files.length === 0) return out;
  // Exit code 1 means some file could not be read: its record then says why (ExifTool:Error),
  // which the policy reports as a tag outside the allowed ones.
  const json = await run(EXIFTOOL, ['-j', '-a', '-u', '-ee', '-G1:4', '-charset', 'filename=utf8', ...files], { exitCodes: [1] });
  for (const record of JSON.parse(json) as ExifRecord[]) out.set(String(record.SourceFile), record);
  return out;
}

/** The tag name of an exiftool key, without its group and copy number. */
export function tagName(key: string): string {
  return key.slice(key.lastIndexOf(':') + 1);
}

/** The family-1 group of an exiftool key. */
export function groupName(key: string): string {
  return key.includes(':') ? key.slice(0, key.indexOf(':')) : '';
}

/**
 * The value of "Group:Tag" in a record, whatever copy number exiftool gave it (family-4 copy
 * numbers count same-named tags across all groups, so GPS:GPSLatitude may be GPS:Copy2:GPSLatitude).
 */
export function tagValue(record: ExifRecord, key: string): unknown {
  const [group, tag] = [groupName(key), tagName(key)];
  return Object.entries(record).find(([k]) => groupName(k) === group && tagName(k) === tag)?.[1];
}

/** The parts of ffprobe's JSON the policy reads. */
export interface FfprobeStream {
  codec_type?: string;
  disposition?: Record<string, number>;
  tags?: Record<string, string>;
}

export interface Ffprobe {
  format?: { tags?: Record<string, string> };
  streams?: FfprobeStream[];
  chapters?: { tags?: Record<string, string> }[];
}

export async function ffprobe(file: string): Promise<Ffprobe> {
  return JSON.parse(await run(FFPROBE, ['-v', 'error', '-show_format', '-show_streams', '-show_chapters', '-of', 'json', file])) as Ffprobe;
}

/** Every regular file under `dir` (none when it does not exist), as absolute paths, sorted. */
export async function walkFiles(dir: string): Promise<string[]> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true, recursive: true });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
  return entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name)).sort();
}
