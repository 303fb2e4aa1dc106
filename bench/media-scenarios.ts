// The three media measurements, each beside a baseline run on the same input in the same run:
// a picture upload against a plain sharp pipeline, a video upload against the bare ffmpeg
// command, and upload throughput against a bare Fastify multipart route.
import { spawn, fork } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import autocannon from 'autocannon';
import sharp from 'sharp';
import type { MediaAttachmentJson } from '../api/entities.ts';
import { processImage } from '../src/media/image.ts';
import { sniffMedia } from '../src/media/sniff.ts';
import type { PhotoFixture, VideoFixture } from './media-fixtures.ts';
import type { MediaServer } from './media-server.ts';
import { freePort, stopProcess, waitFor } from './processes.ts';

export function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

async function timeMs(work: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await work();
  return performance.now() - t0;
}

async function postMedia(server: MediaServer, token: string, data: Buffer, type: string, filename: string): Promise<{ status: number; json: MediaAttachmentJson }> {
  const form = new FormData();
  form.append('file', new Blob([data], { type }), filename);
  const res = await fetch(`${server.base}/api/v2/media`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
  const text = await res.text();
  if (res.status !== 200 && res.status !== 202) throw new Error(`POST /api/v2/media answered ${res.status}: ${text}`);
  return { status: res.status, json: JSON.parse(text) as MediaAttachmentJson };
}

export interface PhotoResult {
  runs: number;
  /** Upload through the running server, until its 200 answer has arrived. */
  parleyMs: number;
  /** Parley's processImage called in the bench process: the share of the upload spent on pixels. */
  processImageMs: number;
  /** sharp decode, resize to fit 4096 px, JPEG encode with sharp's defaults. */
  baselineMs: number;
  parleyOutputBytes: number;
  baselineOutputBytes: number;
}

export async function measurePhoto(server: MediaServer, photo: PhotoFixture, runs: number): Promise<PhotoResult> {
  const input = readFileSync(photo.file);
  const sniffed = sniffMedia(input.subarray(0, 64));
  if (!sniffed) throw new Error(`${photo.file} is not a picture Parley accepts`);
  let baselineOutputBytes = 0;
  let storedUrl = '';
  // Each step gets a fresh copy of the input, as the server reads each upload anew, so libvips'
  // operation cache cannot hand back a decode from the previous run.
  const baseline = () => timeMs(async () => {
    const out = await sharp(Buffer.from(input)).resize(4096, 4096, { fit: 'inside', withoutEnlargement: true }).jpeg().toBuffer();
    baselineOutputBytes = out.length;
  });
  const inProcess = () => timeMs(() => processImage(Buffer.from(input), sniffed));
  const upload = (i: number) => timeMs(async () => {
    const { status, json } = await postMedia(server, server.tokens[i % server.tokens.length]!, input, 'image/jpeg', 'photo.jpg');
    if (status !== 200 || json.type !== 'image' || !json.url) throw new Error(`a picture upload answered ${status} with ${JSON.stringify(json)}`);
    storedUrl = json.url;
  });
  // One unmeasured round loads libvips' code and warms both processes.
  await baseline();
  await inProcess();
  await upload(0);
  const times = { parley: [] as number[], processImage: [] as number[], baseline: [] as number[] };
  // Interleaved, so a slow spell of the machine weighs on both sides alike.
  for (let i = 0; i < runs; i++) {
    times.baseline.push(await baseline());
    times.processImage.push(await inProcess());
    times.parley.push(await upload(i + 1));
  }
  const stored = await fetch(storedUrl);
  if (stored.status !== 200) throw new Error(`the stored picture answered ${stored.status}`);
  return {
    runs,
    parleyMs: median(times.parley),
    processImageMs: median(times.processImage),
    baselineMs: median(times.baseline),
    parleyOutputBytes: (await stored.arrayBuffer()).byteLength,
    baselineOutputBytes,
  };
}

export interface VideoResult {
  runs: number;
  /** From the start of the POST until GET /api/v1/media/:id answered 200. */
  parleyMs: number;
  /** How long the POST itself took to answer 202. */
  acceptedMs: number;
  /** `ffmpeg -i in.mp4 -c:v libx264 -preset veryfast -crf 23 -c:a aac out.mp4`. */
  baselineMs: number;
}

const POLL_MS = 100;
const VIDEO_DEADLINE_MS = 15 * 60_000;

async function waitUntilReady(server: MediaServer, token: string, id: string): Promise<void> {
  const deadline = Date.now() + VIDEO_DEADLINE_MS;
  while (Date.now() < deadline) {
    const res = await fetch(`${server.base}/api/v1/media/${id}`, { headers: { authorization: `Bearer ${token}` } });
    const text = await res.text();
    if (res.status === 200) return;
    if (res.status !== 206) throw new Error(`GET /api/v1/media/${id} answered ${res.status}: ${text}`);
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
  throw new Error(`the video was not ready after ${VIDEO_DEADLINE_MS / 60_000} minutes`);
}

function bareFfmpeg(input: string, output: string): Promise<void> {
  return new Promise((resolve, reject) => {
    // The command of the brief; -nostdin, -y and the log level change nothing in the work done.
    const args = ['-nostdin', '-hide_banner', '-loglevel', 'error', '-y', '-i', input, '-c:v', 'libx264', '-preset', 'veryfast', '-crf', '23', '-c:a', 'aac', output];
    const child = spawn('ffmpeg', args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`ffmpeg exited with ${code}: ${stderr}`))));
  });
}

export async function measureVideo(server: MediaServer, video: VideoFixture, runs: number): Promise<VideoResult> {
  const input = readFileSync(video.file);
  const scratch = mkdtempSync(path.join(tmpdir(), 'parley-bench-ffmpeg-'));
  try {
    const times = { parley: [] as number[], accepted: [] as number[], baseline: [] as number[] };
    for (let i = 0; i < runs; i++) {
      times.baseline.push(await timeMs(() => bareFfmpeg(video.file, path.join(scratch, 'out.mp4'))));
      const token = server.tokens[i % server.tokens.length]!;
      const t0 = performance.now();
      const { status, json } = await postMedia(server, token, input, 'video/mp4', 'video.mp4');
      times.accepted.push(performance.now() - t0);
      if (status !== 202 || json.type !== 'video') throw new Error(`a video upload answered ${status} with ${JSON.stringify(json)}`);
      await waitUntilReady(server, token, json.id);
      times.parley.push(performance.now() - t0);
    }
    return { runs, parleyMs: median(times.parley), acceptedMs: median(times.accepted), baselineMs: median(times.baseline) };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

export interface LoadResult {
  rps: number;
  p99: number;
  /** Errors and non-2xx answers. */
  errors: number;
}

export interface UploadsResult {
  parley: LoadResult;
  bare: LoadResult;
}

export const UPLOAD_CONNECTIONS = 4;

/** The multipart body a client sends, built once so both servers receive the very same bytes. */
function multipartBody(data: Buffer, filename: string, type: string): { body: Buffer; contentType: string } {
  const boundary = 'parley-bench-boundary-5f0c2a9e71d4';
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${type}\r\n\r\n`;
  const body = Buffer.concat([Buffer.from(head), data, Buffer.from(`\r\n--${boundary}--\r\n`)]);
  return { body, contentType: `multipart/form-data; boundary=${boundary}` };
}

async function load(url: string, tokens: string[], body: Buffer, contentType: string, seconds: number): Promise<LoadResult> {
  // One request per user, sent in turn.
  const requests = tokens.map((t) => ({ method: 'POST' as const, headers: { 'content-type': contentType, authorization: `Bearer ${t}` }, body }));
  const r = await autocannon({ url, connections: UPLOAD_CONNECTIONS, duration: seconds, requests });
  return { rps: Math.round(r.requests.average * 10) / 10, p99: r.latency.p99, errors: r.errors + r.non2xx };
}

async function checkOnce(url: string, token: string, body: Buffer, contentType: string): Promise<void> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': contentType, authorization: `Bearer ${token}` }, body });
  if (res.status !== 200) throw new Error(`${url} answered ${res.status}: ${await res.text()}`);
  await res.arrayBuffer();
}

export async function measureUploads(server: MediaServer, photo: PhotoFixture, seconds: number): Promise<UploadsResult> {
  const { body, contentType } = multipartBody(readFileSync(photo.file), 'photo.jpg', 'image/jpeg');
  const barePort = await freePort();
  const bareUrl = `http://127.0.0.1:${barePort}/bare-upload`;
  const bareServer = fork('bench/bare-upload-server.ts', [String(barePort)], { stdio: 'inherit' });
  let bare: LoadResult;
  try {
    await waitFor(bareUrl, bareServer);
    await checkOnce(bareUrl, server.tokens[0]!, body, contentType);
    bare = await load(bareUrl, server.tokens, body, contentType, seconds);
  } finally {
    await stopProcess(bareServer);
  }
  const parleyUrl = `${server.base}/api/v2/media`;
  await checkOnce(parleyUrl, server.tokens[0]!, body, contentType);
  const parley = await load(parleyUrl, server.tokens, body, contentType, seconds);
  return { parley, bare };
}
