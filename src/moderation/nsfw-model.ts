// The image classifier behind the nsfw policy: nsfwjs's MobileNetV2 model on TensorFlow.js with
// the WebAssembly backend (about 20x faster than the plain JavaScript one, and no native build).
// The weights ship inside the nsfwjs package and the wasm binaries inside the backend package:
// nothing is fetched from the network. The model is loaded on first use, once per process.
import { createRequire } from 'node:module';
import path from 'node:path';
import sharp from 'sharp';

export const NSFW_CLASSES = ['Drawing', 'Hentai', 'Neutral', 'Porn', 'Sexy'] as const;
export type NsfwClass = (typeof NSFW_CLASSES)[number];
export type NsfwScores = Record<NsfwClass, number>;

/** Scores one image; the nsfw policy takes any function of this shape (tests inject their own). */
export type ImageClassifier = (image: Buffer) => Promise<NsfwScores>;

const INPUT_SIZE = 224;
// Decoding a decompression bomb would take the memory a classifier check must not; the media
// pipeline enforces its own limits on uploads before this runs.
const MAX_INPUT_PIXELS = 100_000_000;

type Model = Awaited<ReturnType<typeof import('nsfwjs').load>>;
type Tf = typeof import('@tensorflow/tfjs');

let loading: Promise<{ tf: Tf; model: Model }> | undefined;

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

/** Loads the model now (e.g. at start-up) instead of on the first image. Safe to call repeatedly. */
export function loadNsfwModel(): Promise<{ tf: Tf; model: Model }> {
  loading ??= loadModel().catch((error: unknown) => {
    // A failed load is retried on the next image rather than remembered forever.
    loading = undefined;
    throw error;
  });
  return loading;
}

export const classifyImage: ImageClassifier = async (image) => {
  const { tf, model } = await loadNsfwModel();
  // The model sees a 224x224 RGB square (nsfwjs would stretch any other size to it the same way);
  // transparent pixels become white, as most viewers show them.
  const { data, info } = await sharp(image, { limitInputPixels: MAX_INPUT_PIXELS })
    .autoOrient()
    .flatten({ background: '#ffffff' })
    .resize(INPUT_SIZE, INPUT_SIZE, { fit: 'fill' })
    .removeAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  const pixels = tf.tensor3d(new Uint8Array(data.buffer, data.byteOffset, data.length), [info.height, info.width, 3], 'int32');
  try {
    const predictions = await model.classify(pixels, NSFW_CLASSES.length);
    const scores = Object.fromEntries(NSFW_CLASSES.map((c) => [c, 0])) as NsfwScores;
    for (const { className, probability } of predictions) scores[className] = probability;
    return scores;
  } finally {
    pixels.dispose();
  }
};
