// What the main thread and the classifier worker (nsfw-worker.ts) say to each other. Kept apart
// from both so the worker loads neither sharp nor the queueing code, and the main thread never
// loads TensorFlow.js.

export const NSFW_CLASSES = ['Drawing', 'Hentai', 'Neutral', 'Porn', 'Sexy'] as const;
export type NsfwClass = (typeof NSFW_CLASSES)[number];
export type NsfwScores = Record<NsfwClass, number>;

/** The model's input: a square of this many pixels a side, RGB, one byte per channel. */
export const NSFW_INPUT_SIZE = 224;

/** Sent once by the worker when the model has loaded (or failed to). */
export type WorkerReady = { type: 'ready'; backend: string; threadId: number } | { type: 'load-failed'; message: string };

/** One image to score; `pixels` is transferred, not copied. */
export interface ClassifyRequest {
  type: 'classify';
  id: number;
  pixels: ArrayBuffer;
  width: number;
  height: number;
}

export type ClassifyResponse = { type: 'result'; id: number; scores: NsfwScores; threadId: number } | { type: 'error'; id: number; message: string };

export type WorkerMessage = WorkerReady | ClassifyResponse;
