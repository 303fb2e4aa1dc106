// The image classifier behind the nsfw policy. Decoding and resizing run here with sharp (its work
// already happens on libuv's thread pool); the model and the inference (60-150 ms of CPU each)
// run in one worker thread, nsfw-worker.ts, so a classification never blocks other requests.
// The worker starts on first use and stays for the life of the process, without keeping it alive
// when idle. Requests wait in a bounded queue and go to the worker one at a time, each with a
// time limit. A worker that dies takes its pending requests with it; the next call starts anew.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import sharp from 'sharp';
import { NSFW_INPUT_SIZE, type ClassifyRequest, type NsfwScores, type WorkerMessage } from './nsfw-protocol.ts';

export { NSFW_CLASSES, type NsfwClass, type NsfwScores } from './nsfw-protocol.ts';

/** Scores one image; the nsfw policy takes any function of this shape (tests inject their own). */
export type ImageClassifier = (image: Buffer) => Promise<NsfwScores>;

// Decoding a decompression bomb would take the memory a classifier check must not; the media
// pipeline enforces its own limits on uploads before this runs.
const MAX_INPUT_PIXELS = 100_000_000;

// Under vitest and `npm run start:dev` this file is nsfw-model.ts; built for `npm start` it is
// dist/.../nsfw-model.js, and tsc rewrites import specifiers but not this URL: follow our own name.
const DEFAULT_WORKER_URL = new URL(`./nsfw-worker${path.extname(fileURLToPath(import.meta.url))}`, import.meta.url);

export interface WorkerInfo {
  backend: string;
  threadId: number;
}

export interface NsfwClassifierOptions {
  /** The worker script (tests substitute one that misbehaves). */
  workerUrl?: URL;
  /** From handing an image to the worker to its answer; past it the worker is replaced. */
  timeoutMs?: number;
  /** Starting the worker and loading the model (a few seconds on a busy machine). */
  loadTimeoutMs?: number;
  /** Images waiting for the worker; more are refused at once rather than piling up memory. */
  maxQueued?: number;
}

export interface NsfwClassifier {
  classify: ImageClassifier;
  /** Starts the worker and loads the model now (e.g. at start-up). Safe to call repeatedly. */
  load(): Promise<WorkerInfo>;
  /** Stops the worker; pending images are refused. A later call starts a fresh worker. */
  close(): Promise<void>;
}

interface Job {
  id: number;
  pixels: Uint8Array<ArrayBuffer>;
  width: number;
  height: number;
  promise: Promise<NsfwScores>;
  resolve(scores: NsfwScores): void;
  reject(error: Error): void;
}

interface WorkerHandle {
  worker: Worker;
  ready: Promise<WorkerInfo>;
  /** Rejects `ready` if the model has not loaded yet, so nobody waits on a stopped worker. */
  abandon(error: Error): void;
}

/** Decodes any supported image into the model's input: a 224x224 RGB square. */
async function toModelInput(image: Buffer): Promise<{ pixels: Uint8Array<ArrayBuffer>; width: number; height: number }> {
  // nsfwjs would stretch any other size to the square the same way; transparent pixels become
  // white, as most viewers show them.
  const { data, info } = await sharp(image, { limitInputPixels: MAX_INPUT_PIXELS })
    .autoOrient()
    .flatten({ background: '#ffffff' })
    .resize(NSFW_INPUT_SIZE, NSFW_INPUT_SIZE, { fit: 'fill' })
    .removeAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  // A copy of 150 KB into an ArrayBuffer of our own: sharp's may be shared or not transferable,
  // and ours can then be moved to the worker instead of cloned.
  return { pixels: new Uint8Array(data), width: info.width, height: info.height };
}

function timeout<T>(promise: Promise<T>, ms: number, onTimeout: () => Error): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(onTimeout()), ms);
  });
  return Promise.race([promise, expired]).finally(() => clearTimeout(timer));
}

export function createNsfwClassifier(options: NsfwClassifierOptions = {}): NsfwClassifier {
  const workerUrl = options.workerUrl ?? DEFAULT_WORKER_URL;
  const timeoutMs = options.timeoutMs ?? 15_000;
  const loadTimeoutMs = options.loadTimeoutMs ?? 120_000;
  const maxQueued = options.maxQueued ?? 64;

  let current: WorkerHandle | undefined;
  const queue: Job[] = [];
  let inFlight: Job | undefined;
  let draining = false;
  let nextId = 1;
  // Callers waiting on the worker. Only while there are some does the worker hold the process
  // open (a script awaiting a classification must not exit under it); idle, it never does.
  let waiting = 0;

  function holdProcess(delta: number): void {
    waiting += delta;
    if (!current) return;
    if (waiting > 0) current.worker.ref();
    else current.worker.unref();
  }

  function failPending(error: Error): void {
    inFlight?.reject(error);
    for (const job of queue.splice(0)) job.reject(error);
  }

  /** Stops a worker on purpose: its exit is then not a crash, and the queue carries on. */
  function retire(handle: WorkerHandle, reason: Error): Promise<number> {
    if (current === handle) current = undefined;
    handle.abandon(reason);
    return handle.worker.terminate();
  }

  function startWorker(): WorkerHandle {
    const worker = new Worker(workerUrl);
    if (waiting === 0) worker.unref();
    const ready = Promise.withResolvers<WorkerInfo>();
    // Whoever started the worker awaits `ready`; this only keeps a late rejection quiet.
    ready.promise.catch(() => {});
    const handle: WorkerHandle = { worker, ready: ready.promise, abandon: ready.reject };
    let uncaught: string | undefined;
    worker.on('message', (message: WorkerMessage) => {
      switch (message.type) {
        case 'ready':
          ready.resolve({ backend: message.backend, threadId: message.threadId });
          break;
        case 'load-failed':
          void retire(handle, new Error(`the nsfw model failed to load: ${message.message}`));
          break;
        case 'result':
          if (inFlight?.id === message.id) inFlight.resolve(message.scores);
          break;
        case 'error':
          if (inFlight?.id === message.id) inFlight.reject(new Error(`the nsfw classifier failed: ${message.message}`));
          break;
      }
    });
    // Without a listener an uncaught error in the worker would be thrown in this thread.
    worker.on('error', (error) => {
      uncaught = error.message;
    });
    worker.on('exit', (code) => {
      if (current !== handle) return;
      current = undefined;
      const error = new Error(`the nsfw classifier worker stopped unexpectedly (${uncaught ?? `exit code ${code}`})`);
      ready.reject(error);
      failPending(error);
    });
    return handle;
  }

  async function readyWorker(): Promise<WorkerHandle> {
    current ??= startWorker();
    const handle = current;
    await timeout(handle.ready, loadTimeoutMs, () => {
      const error = new Error(`the nsfw model did not load within ${loadTimeoutMs} ms`);
      void retire(handle, error);
      return error;
    });
    return handle;
  }

  async function run(handle: WorkerHandle, job: Job): Promise<void> {
    inFlight = job;
    const timer = setTimeout(() => {
      // A wedged inference cannot be interrupted, only its thread: the next image gets a new one.
      const error = new Error(`the nsfw classifier did not answer within ${timeoutMs} ms`);
      void retire(handle, error);
      job.reject(error);
    }, timeoutMs);
    try {
      const request: ClassifyRequest = { type: 'classify', id: job.id, pixels: job.pixels.buffer, width: job.width, height: job.height };
      handle.worker.postMessage(request, [job.pixels.buffer]);
      await job.promise;
    } catch {
      // The caller of classify() receives the error through job.promise.
    } finally {
      clearTimeout(timer);
      inFlight = undefined;
    }
  }

  async function drain(): Promise<void> {
    if (draining) return;
    draining = true;
    try {
      while (queue.length > 0) {
        let handle: WorkerHandle;
        try {
          handle = await readyWorker();
        } catch (error) {
          failPending(error instanceof Error ? error : new Error(String(error)));
          break;
        }
        const job = queue.shift();
        if (job) await run(handle, job);
      }
    } finally {
      draining = false;
    }
  }

  return {
    async classify(image) {
      const input = await toModelInput(image);
      if (queue.length >= maxQueued) throw new Error(`the nsfw classifier is busy: ${queue.length} images are already waiting`);
      const { promise, resolve, reject } = Promise.withResolvers<NsfwScores>();
      const job: Job = { id: nextId++, ...input, promise, resolve, reject };
      holdProcess(1);
      const release = () => holdProcess(-1);
      promise.then(release, release);
      queue.push(job);
      void drain();
      return promise;
    },

    async load() {
      holdProcess(1);
      try {
        return await (await readyWorker()).ready;
      } finally {
        holdProcess(-1);
      }
    },

    async close() {
      const error = new Error('the nsfw classifier was closed');
      failPending(error);
      if (current) await retire(current, error);
    },
  };
}

// One worker per process, shared by every nsfw policy.
const shared = createNsfwClassifier();

export const classifyImage: ImageClassifier = (image) => shared.classify(image);

/** Loads the model now (e.g. at start-up) instead of on the first image. Safe to call repeatedly. */
export const loadNsfwModel = (): Promise<WorkerInfo> => shared.load();
