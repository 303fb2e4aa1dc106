// Inputs for the media benchmark, generated once and then reused from data/bench/media: photos
// whose content compresses like a photograph (not a flat test card, which would make decoding
// and encoding look cheaper than they are), with a phone's EXIF and GPS position when exiftool
// is installed, and a 1080p H.264 + AAC video at a phone's bitrate.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { rng } from './dataset.ts';

export interface Fixture {
  file: string;
  bytes: number;
}

export interface PhotoFixture extends Fixture {
  width: number;
  height: number;
  /** Whether exiftool wrote camera EXIF and a GPS position into it. */
  gps: boolean;
}

export interface VideoFixture extends Fixture {
  seconds: number;
}

export interface MediaFixtures {
  /** 12 megapixels, 4000x3000. */
  bigPhoto: PhotoFixture;
  /** A typical phone upload after the app's own downscaling, 1600x1200. */
  phonePhoto: PhotoFixture;
  /** Null when ffmpeg is not installed. */
  video: VideoFixture | null;
}

const VERSION = 1;

export const hasTool = (command: string, versionFlag: string): boolean => spawnSync(command, [versionFlag], { stdio: 'ignore' }).status === 0;

// Cells across the picture and strength of each layer: large soft shapes carry most of the
// contrast and ever finer detail less, roughly as in photographs. Colour varies less than
// brightness, as it does in photographs (and as JPEG's chroma subsampling assumes).
const LAYERS = [[4, 60], [16, 40], [64, 25], [256, 14], [1024, 10], [2000, 8]] as const;
const CHROMA_SHARE = 0.4;
const GRAIN = 6;

async function upscaledNoise(rand: () => number, cells: number, channels: 1 | 3, width: number, height: number): Promise<Buffer> {
  const w = cells;
  const h = Math.max(1, Math.round((cells * height) / width));
  const small = Buffer.alloc(w * h * channels);
  for (let i = 0; i < small.length; i++) small[i] = Math.floor(rand() * 256);
  return sharp(small, { raw: { width: w, height: h, channels } }).resize(width, height, { fit: 'fill', kernel: 'cubic' }).raw().toBuffer();
}

async function writePhoto(file: string, width: number, height: number, seed: number): Promise<void> {
  const rand = rng(seed);
  const pixels = width * height;
  const sum = new Float32Array(pixels * 3);
  for (const [cells, strength] of LAYERS) {
    const luma = await upscaledNoise(rand, cells, 1, width, height);
    const chroma = await upscaledNoise(rand, cells, 3, width, height);
    for (let p = 0; p < pixels; p++) {
      const l = ((luma[p]! - 128) / 128) * strength;
      for (let c = 0; c < 3; c++) sum[p * 3 + c]! += l + ((chroma[p * 3 + c]! - 128) / 128) * strength * CHROMA_SHARE;
    }
  }
  const out = Buffer.alloc(sum.length);
  for (let i = 0; i < sum.length; i++) {
    // tanh gives the soft shapes firm edges; the grain stands for sensor noise.
    const grain = (rand() + rand() + rand() - 1.5) * GRAIN;
    out[i] = Math.max(0, Math.min(255, Math.round(128 + 100 * Math.tanh(sum[i]! / 40) + grain)));
  }
  await sharp(out, { raw: { width, height, channels: 3 } }).jpeg({ quality: 92 }).toFile(file);
}

/** What a phone writes: camera, time, orientation and where the picture was taken. */
function writePhoneExif(file: string): void {
  const tags = ['-Make=BenchPhone', '-Model=BenchPhone 12', '-DateTimeOriginal=2026:06:01 12:00:00', '-Orientation#=1', '-GPSLatitude=48.858370', '-GPSLatitudeRef=N', '-GPSLongitude=2.294481', '-GPSLongitudeRef=E', '-GPSAltitude=35', '-GPSAltitudeRef=0'];
  const r = spawnSync('exiftool', ['-q', '-overwrite_original', ...tags, file], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`exiftool failed: ${r.stderr}`);
}

function writeVideo(file: string, seconds: number): void {
  const args = [
    '-nostdin', '-hide_banner', '-loglevel', 'error', '-y',
    '-f', 'lavfi', '-i', 'testsrc2=size=1920x1080:rate=30',
    '-f', 'lavfi', '-i', 'sine=frequency=440:sample_rate=48000',
    '-t', String(seconds),
    // A phone's encoder: High profile at about 8 Mb/s, stereo AAC.
    '-c:v', 'libx264', '-preset', 'veryfast', '-profile:v', 'high', '-b:v', '8M', '-maxrate', '8M', '-bufsize', '16M', '-pix_fmt', 'yuv420p',
    '-c:a', 'aac', '-b:a', '128k', '-ac', '2',
    '-movflags', '+faststart', '-f', 'mp4', file,
  ];
  const r = spawnSync('ffmpeg', args, { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`ffmpeg could not generate the test video: ${r.stderr}`);
}

/** Builds `name` with `make` unless it exists; a half-written file never takes its place. */
async function cached(dir: string, name: string, make: (file: string) => Promise<void> | void, log: (msg: string) => void): Promise<Fixture> {
  const file = path.join(dir, name);
  if (!existsSync(file)) {
    const t0 = Date.now();
    const tmp = path.join(dir, `building-${name}`);
    rmSync(tmp, { force: true });
    await make(tmp);
    renameSync(tmp, file);
    log(`generated ${name} in ${Date.now() - t0} ms`);
  }
  return { file, bytes: statSync(file).size };
}

export async function ensureMediaFixtures(dir: string, videoSeconds: number, log: (msg: string) => void): Promise<MediaFixtures> {
  mkdirSync(dir, { recursive: true });
  const gps = hasTool('exiftool', '-ver');
  if (!gps) log('exiftool not found (apt install libimage-exiftool-perl): the photos carry no EXIF or GPS position');
  const photo = async (width: number, height: number, seed: number): Promise<PhotoFixture> => {
    const name = `photo-v${VERSION}-${width}x${height}-${gps ? 'gps' : 'plain'}.jpg`;
    const made = await cached(dir, name, async (file) => {
      await writePhoto(file, width, height, seed);
      if (gps) writePhoneExif(file);
    }, log);
    return { ...made, width, height, gps };
  };
  const bigPhoto = await photo(4000, 3000, 1);
  const phonePhoto = await photo(1600, 1200, 2);
  let video: VideoFixture | null = null;
  if (hasTool('ffmpeg', '-version')) {
    const made = await cached(dir, `video-v${VERSION}-1080p30-${videoSeconds}s.mp4`, (file) => writeVideo(file, videoSeconds), log);
    video = { ...made, seconds: videoSeconds };
  } else log('ffmpeg not found (apt install ffmpeg): the video scenario is skipped');
  return { bigPhoto, phonePhoto, video };
}
