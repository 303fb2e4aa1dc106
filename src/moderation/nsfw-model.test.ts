import sharp from 'sharp';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { classifyImage, loadNsfwModel, NSFW_CLASSES } from './nsfw-model.ts';

describe('nsfw model', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('loads from the installed packages without touching the network, on the wasm backend', async () => {
    const fetch = vi.fn(() => Promise.reject(new Error('no network in this test')));
    vi.stubGlobal('fetch', fetch);
    const { tf } = await loadNsfwModel();
    expect(tf.getBackend()).toBe('wasm');
    expect(fetch).not.toHaveBeenCalled();
    // Loaded once: later callers share it.
    expect(await loadNsfwModel()).toBe(await loadNsfwModel());
  });

  it('classifies a plain picture as neutral or a drawing, with probabilities that add up to 1', async () => {
    const flat = await sharp({ create: { width: 400, height: 300, channels: 4, background: { r: 120, g: 170, b: 220, alpha: 1 } } }).webp().toBuffer();
    const scores = await classifyImage(flat);
    expect(Object.keys(scores).sort()).toEqual([...NSFW_CLASSES].sort());
    expect(Object.values(scores).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 3);
    expect(scores.Neutral + scores.Drawing).toBeGreaterThan(0.8);
  });

  it('rejects bytes that are not an image', async () => {
    await expect(classifyImage(Buffer.from('not an image at all'))).rejects.toThrow();
  });
});
