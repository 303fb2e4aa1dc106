import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { threadId } from 'node:worker_threads';
import sharp from 'sharp';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { classifyImage, createNsfwClassifier, loadNsfwModel, NSFW_CLASSES, type NsfwClassifier } from './nsfw-model.ts';

const flat = (grey: number) => sharp({ create: { width: 40, height: 30, channels: 3, background: { r: grey, g: grey, b: grey } } }).png().toBuffer();

describe('nsfw model', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('loads from the installed packages without touching the network, on the wasm backend, in a worker thread', async () => {
    const fetch = vi.fn(() => Promise.reject(new Error('no network in this test')));
    vi.stubGlobal('fetch', fetch);
    // The worker switches its own fetch off, so a model that needed the network would fail here.
    const info = await loadNsfwModel();
    expect(info.backend).toBe('wasm');
    expect(info.threadId).not.toBe(threadId);
    expect(fetch).not.toHaveBeenCalled();
    // Loaded once: later callers share the worker.
    expect(await loadNsfwModel()).toBe(await loadNsfwModel());
  });

  it('classifies a plain picture as neutral or a drawing, with probabilities that add up to 1', async () => {
    const image = await sharp({ create: { width: 400, height: 300, channels: 4, background: { r: 120, g: 170, b: 220, alpha: 1 } } }).webp().toBuffer();
    const scores = await classifyImage(image);
    expect(Object.keys(scores).sort()).toEqual([...NSFW_CLASSES].sort());
    expect(Object.values(scores).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 3);
    expect(scores.Neutral + scores.Drawing).toBeGreaterThan(0.8);
  });

  it('runs TensorFlow.js only in the worker: the main thread never starts an engine', async () => {
    await Promise.all([classifyImage(await flat(40)), classifyImage(await flat(200))]);
    // tfjs-core keeps its engine on the global object of the thread that loaded it.
    expect((globalThis as Record<string, unknown>)._tfengine).toBeUndefined();
  });

  it('rejects bytes that are not an image', async () => {
    await expect(classifyImage(Buffer.from('not an image at all'))).rejects.toThrow();
  });

  it('does not keep a process alive once its work is done (plain Node, the .ts worker)', async () => {
    const script = `
      import { loadNsfwModel, classifyImage } from ${JSON.stringify(new URL('./nsfw-model.ts', import.meta.url).href)};
      const { backend } = await loadNsfwModel();
      const scores = await classifyImage(Buffer.from(${JSON.stringify((await flat(90)).toString('base64'))}, 'base64'));
      console.log(backend, Object.keys(scores).length);`;
    const file = path.join(await mkdtemp(path.join(tmpdir(), 'parley-nsfw-')), 'classify-once.mjs');
    await writeFile(file, script);
    // Awaiting the model must hold the process open; idle afterwards, the worker must not.
    const { stdout } = await promisify(execFile)(process.execPath, ['--no-warnings', file], { timeout: 60_000 });
    await rm(path.dirname(file), { recursive: true });
    // (nsfwjs prints a notice of its own first.)
    expect(stdout.trim().split('\n').at(-1)).toBe(`wasm ${NSFW_CLASSES.length}`);
  });
});

// A stand-in worker speaking the same protocol, so the crash and time-limit handling can be
// driven on cue: mid-grey images are answered at once, anything else waits (announcing itself on
// a BroadcastChannel) until the test says "crash".
const STAND_IN = `
  import { parentPort, threadId } from 'node:worker_threads';
  const control = new BroadcastChannel('nsfw-stand-in');
  control.onmessage = ({ data }) => { if (data === 'crash') throw new Error('stand-in crashed on cue'); };
  parentPort.on('message', ({ id, pixels }) => {
    if (new Uint8Array(pixels)[0] !== 128) return control.postMessage('received');
    parentPort.postMessage({ type: 'result', id, scores: { Drawing: 0, Hentai: 0, Neutral: 1, Porn: 0, Sexy: 0 } });
  });
  parentPort.postMessage({ type: 'ready', backend: 'stand-in', threadId });`;
const standInUrl = new URL(`data:text/javascript,${encodeURIComponent(STAND_IN)}`);

describe('nsfw classifier worker lifecycle', () => {
  let classifier: NsfwClassifier | undefined;
  const control = new BroadcastChannel('nsfw-stand-in');
  const received = () => new Promise<void>((resolve) => control.addEventListener('message', () => resolve(), { once: true }));
  afterEach(() => classifier?.close());
  afterAll(() => control.close());

  it('rejects the image in the worker and those waiting when it crashes, then starts a fresh worker', async () => {
    classifier = createNsfwClassifier({ workerUrl: standInUrl });
    const first = await classifier.load();
    const crashing = classifier.classify(await flat(0));
    const crashingResult = expect(crashing).rejects.toThrow(/stopped unexpectedly \(stand-in crashed on cue\)/);
    await received();
    // Queued behind the one in the worker: they must not wait forever for a dead thread.
    const waiting = [classifier.classify(await flat(128)), classifier.classify(await flat(128))];
    await new Promise((resolve) => setTimeout(resolve, 100));
    control.postMessage('crash');
    await crashingResult;
    for (const result of await Promise.allSettled(waiting)) {
      expect(result.status).toBe('rejected');
      expect(String((result as PromiseRejectedResult).reason)).toMatch(/stopped unexpectedly/);
    }
    expect((await classifier.classify(await flat(128))).Neutral).toBe(1);
    expect((await classifier.load()).threadId).not.toBe(first.threadId);
  });

  it('gives up on an image past the time limit and replaces the worker', async () => {
    classifier = createNsfwClassifier({ workerUrl: standInUrl, timeoutMs: 200 });
    const first = await classifier.load();
    await expect(classifier.classify(await flat(0))).rejects.toThrow('the nsfw classifier did not answer within 200 ms');
    expect((await classifier.classify(await flat(128))).Neutral).toBe(1);
    expect((await classifier.load()).threadId).not.toBe(first.threadId);
  });

  it('refuses images beyond the queue bound at once', async () => {
    classifier = createNsfwClassifier({ workerUrl: standInUrl, maxQueued: 2 });
    await classifier.load();
    const image = await flat(0);
    let refused = 0;
    const outcomes = Array.from({ length: 6 }, () =>
      classifier!.classify(image).then(
        () => 'answered',
        (error: Error) => (/is busy: 2 images are already waiting/.test(error.message) ? (refused++, 'refused') : error.message),
      ),
    );
    // One in the worker (the stand-in never answers it) and two waiting: the rest are refused
    // without waiting for anything.
    await vi.waitFor(() => expect(refused).toBeGreaterThanOrEqual(3), { timeout: 5000 });
    await classifier.close();
    const settled = await Promise.all(outcomes);
    const closed = settled.filter((o) => o === 'the nsfw classifier was closed').length;
    // The first image may or may not have left the queue for the worker before the others arrived.
    expect([[3, 3], [4, 2]]).toContainEqual([refused, closed]);
  });
});
