// The media part of `npm run bench`: a 12-megapixel photo upload, a 1080p video upload until it
// is ready, and picture uploads per second, each printed beside a baseline measured in the same
// run on the same input (plain sharp, the bare ffmpeg command, a bare Fastify multipart route).
import { writeFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import path from 'node:path';
import { ensureMediaFixtures, type MediaFixtures } from './media-fixtures.ts';
import { measurePhoto, measureUploads, measureVideo, UPLOAD_CONNECTIONS, type PhotoResult, type UploadsResult, type VideoResult } from './media-scenarios.ts';
import { startMediaServer } from './media-server.ts';
import { peakRssMb, rssMb } from './processes.ts';

export interface MediaBenchOptions {
  small: boolean;
  /** Length of each upload-throughput run. */
  seconds: number;
  /** Where fixtures are kept between runs and the last result is written. */
  outDir: string;
  log: (msg: string) => void;
}

const USERS = 4;

const mb = (bytes: number) => `${(bytes / 1048576).toFixed(1)} MB`;
const ms = (v: number) => `${Math.round(v)} ms`;
const s = (v: number) => `${(v / 1000).toFixed(1)} s`;

interface Measured {
  photo: PhotoResult;
  video: VideoResult | null;
  uploads: UploadsResult;
  rss: { idle: number; after: number; peak: number };
  /** The machine's 1-minute load average as the runs began: other work skews every figure. */
  loadBefore: number;
}

function printTable(f: MediaFixtures, m: Measured, seconds: number): void {
  const { photo, video, uploads } = m;
  const big = f.bigPhoto;
  const exif = big.gps ? ', camera EXIF + GPS' : ', no EXIF';
  console.log('');
  console.log('| media scenario | Parley | baseline (same run, same input) | Parley against baseline |');
  console.log('|---|---|---|---|');
  console.log(
    `| ${big.width}x${big.height} JPEG (${mb(big.bytes)}${exif}): upload until the 200 answer, median of ${photo.runs} | ${ms(photo.parleyMs)} | ${ms(photo.baselineMs)}: sharp decode, fit in 4096 px, JPEG encode | ${(photo.parleyMs / photo.baselineMs).toFixed(2)}x the time |`,
  );
  if (video && f.video) {
    console.log(
      `| ${f.video.seconds} s 1080p30 H.264 8 Mb/s + AAC (${mb(f.video.bytes)}): POST until GET /api/v1/media/:id answers 200, median of ${video.runs} | ${s(video.parleyMs)} (202 after ${ms(video.acceptedMs)}) | ${s(video.baselineMs)}: ffmpeg -c:v libx264 -preset veryfast -crf 23 -c:a aac | ${(video.parleyMs / video.baselineMs).toFixed(2)}x the time |`,
    );
  } else console.log('| video | skipped: ffmpeg is not installed | | |');
  const p = f.phonePhoto;
  console.log(
    `| ${p.width}x${p.height} JPEG (${mb(p.bytes)}) uploads, ${USERS} users, ${UPLOAD_CONNECTIONS} connections, ${seconds} s | ${uploads.parley.rps} req/s, p99 ${uploads.parley.p99} ms | ${uploads.bare.rps} req/s, p99 ${uploads.bare.p99} ms: bare Fastify + @fastify/multipart, file discarded | ${(uploads.parley.rps / uploads.bare.rps).toFixed(3)}x the rate |`,
  );
  if (uploads.parley.errors) console.log(`  (${uploads.parley.errors} errors or non-2xx answers during Parley's upload run)`);
  console.log(`Parley's processImage alone, in the bench process: ${ms(photo.processImageMs)} of the ${ms(photo.parleyMs)} upload (median of ${photo.runs})`);
  console.log(`Stored picture: Parley ${mb(photo.parleyOutputBytes)} (libjpeg-turbo, quality 85, optimised Huffman tables), baseline ${mb(photo.baselineOutputBytes)} (libjpeg defaults, quality 80)`);
  console.log(`Media server RSS: idle ${m.rss.idle} MB, after the runs ${m.rss.after} MB, peak ${m.rss.peak} MB (ffmpeg runs in child processes, not counted)`);
  console.log(`Load average (1 min) as the media runs began: ${m.loadBefore.toFixed(2)} on ${availableParallelism()} cores (other work on the machine skews every figure)`);
}

export async function runMediaBench(opts: MediaBenchOptions): Promise<void> {
  const fixtures = await ensureMediaFixtures(path.join(opts.outDir, 'media'), opts.small ? 10 : 30, opts.log);
  const loadBefore = loadavg()[0]!;
  const server = await startMediaServer(USERS);
  let measured: Measured;
  try {
    await new Promise((r) => setTimeout(r, 2000));
    const idle = rssMb(server.pid);
    opts.log(`media: ${fixtures.bigPhoto.width}x${fixtures.bigPhoto.height} photo uploads`);
    const photo = await measurePhoto(server, fixtures.bigPhoto, opts.small ? 5 : 11);
    let video: VideoResult | null = null;
    if (fixtures.video) {
      opts.log(`media: ${fixtures.video.seconds} s video uploads`);
      video = await measureVideo(server, fixtures.video, opts.small ? 1 : 3);
    }
    opts.log('media: upload throughput');
    const uploads = await measureUploads(server, fixtures.phonePhoto, opts.seconds);
    measured = { photo, video, uploads, rss: { idle, after: rssMb(server.pid), peak: peakRssMb(server.pid) }, loadBefore };
  } finally {
    await server.stop();
  }
  printTable(fixtures, measured, opts.seconds);
  const result = { date: new Date().toISOString(), small: opts.small, fixtures, ...measured };
  writeFileSync(path.join(opts.outDir, 'last-media-result.json'), JSON.stringify(result, null, 2));
}
