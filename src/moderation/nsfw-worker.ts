// The classifier's worker thread: nsfwjs's MobileNetV2 model on TensorFlow.js with the WebAssembly
// backend (about 20x faster than the plain JavaScript one, and no native build). One inference
// takes 60-150 ms of CPU; here it no longer holds up every other request on the main thread.
// The weights ship inside the nsfwjs package and the wasm binaries inside the backend package, so
// network access is switched off in this thread: a model that tried to download would fail to load
// rather than fetch quietly. Started by nsfw-model.ts, which sends already-decoded pixels.
import { createRequire } from 'node:module';
import path from 'node:path';
import { parentPort, threadId } from 'node:worker_threads';
import { NSFW_CLASSES, type ClassifyRequest, type ClassifyResponse, type NsfwScores, type WorkerReady } from './nsfw-protocol.ts';

if (!parentPort) throw new Error('nsfw-worker.ts runs as a worker thread, started by nsfw-model.ts');
const port = parentPort;

globalThis.fetch = () => Promise.reject(new Error('the nsfw classifier has no network access: its model ships with the package'));

type Model = Awaited<ReturnType<typeof import('nsfwjs').load>>;
type Tf = typeof import('@tensorflow/tfjs');

async function loadModel(): Promise<{ tf: Tf; model: Model }> {
  const tf = await import('@tensorflow/tfjs');
  const { setWasmPaths } = await import('@tensorflow/tfjs-backend-wasm');
  const require = createRequire(import.meta.url);
  // The trailing separator matters: tfjs appends the file names to this prefix.
  setWasmPaths(path.join(path.dirname(require.resolve('@tensorflow/tfjs-backend-wasm/package.json')), 'dist') + path.sep);
  if (!(await tf.setBackend('wasm'))) throw new Error('the TensorFlow.js wasm backend failed to start');
  await tf.ready();
  const nsfwjs = await import('nsfwjs');
  // A model name (not a URL) makes nsfwjs read the weights bundled in its own package.
  return { tf, model: await nsfwjs.load('MobileNetV2') };
}

async function classify({ tf, model }: { tf: Tf; model: Model }, request: ClassifyRequest): Promise<NsfwScores> {
  const pixels = tf.tensor3d(new Uint8Array(request.pixels), [request.height, request.width, 3], 'int32');
  try {
    const predictions = await model.classify(pixels, NSFW_CLASSES.length);
    const scores = Object.fromEntries(NSFW_CLASSES.map((c) => [c, 0])) as NsfwScores;
    for (const { className, probability } of predictions) scores[className] = probability;
    return scores;
  } finally {
    pixels.dispose();
  }
}

try {
  const loaded = await loadModel();
  port.on('message', (request: ClassifyRequest) => {
    classify(loaded, request).then(
      (scores) => port.postMessage({ type: 'result', id: request.id, scores, threadId } satisfies ClassifyResponse),
      (error: unknown) => port.postMessage({ type: 'error', id: request.id, message: error instanceof Error ? error.message : String(error) } satisfies ClassifyResponse),
    );
  });
  port.postMessage({ type: 'ready', backend: loaded.tf.getBackend(), threadId } satisfies WorkerReady);
} catch (error) {
  port.postMessage({ type: 'load-failed', message: error instanceof Error ? error.message : String(error) } satisfies WorkerReady);
}
