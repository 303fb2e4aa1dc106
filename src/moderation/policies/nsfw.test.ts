import sharp from 'sharp';
import { describe, expect, it, vi } from 'vitest';
import type { ImageClassifier, NsfwScores } from '../nsfw-model.ts';
import { context, subject } from '../test-subject.ts';
import { createNsfwPolicy, nsfwOptionsSchema } from './nsfw.ts';

const scores = (porn: number, hentai = 0, sexy = 0): NsfwScores => ({ Porn: porn, Hentai: hentai, Sexy: sexy, Neutral: 1 - porn - hentai - sexy, Drawing: 0 });
// The injected classifier reads its score from the first byte, so a test can say what each image "contains".
const byFirstByte: ImageClassifier = async (image) => scores(image[0]! / 100);
const image = (percent: number) => Buffer.from([percent]);
const policy = (options: Record<string, unknown> = {}, classify = byFirstByte) => createNsfwPolicy(nsfwOptionsSchema.parse(options), 'nsfw', classify);

describe('nsfw policy', () => {
  it('accepts posts without images without loading a model', async () => {
    const classify = vi.fn(byFirstByte);
    expect(await policy({}, classify).check(subject(), context())).toEqual({ action: 'accept' });
    expect(classify).not.toHaveBeenCalled();
  });

  it('marks sensitive at or above 0.85, holds from 0.5, accepts below', async () => {
    const verdict = (percent: number) => policy().check(subject({ images: [image(percent)] }), context());
    expect(await verdict(95)).toEqual({ action: 'sensitive', reason: 'image classified as sexual (score 0.95)', score: 0.95 });
    expect((await verdict(85)).action).toBe('sensitive');
    expect(await verdict(60)).toEqual({ action: 'hold', reason: 'image may be sexual (score 0.6): needs review', score: 0.6 });
    expect((await verdict(50)).action).toBe('hold');
    expect(await verdict(49)).toEqual({ action: 'accept', score: 0.49 });
  });

  it('adds up the configured classes: porn and hentai by default', async () => {
    const split: ImageClassifier = async () => scores(0.45, 0.45, 0.09);
    expect((await policy({}, split).check(subject({ images: [image(0)] }), context())).action).toBe('sensitive');
    const pornOnly = policy({ classes: ['Porn'] }, split);
    expect((await pornOnly.check(subject({ images: [image(0)] }), context())).action).toBe('accept');
  });

  it('judges a post by its worst image', async () => {
    const verdict = await policy().check(subject({ images: [image(10), image(90), image(55)] }), context());
    expect(verdict.score).toBe(0.9);
    expect(verdict.action).toBe('sensitive');
  });

  it('takes thresholds and actions from the configuration', async () => {
    const strict = policy({ threshold: 0.7, action: 'reject', review_threshold: 0.3, review_action: 'unlist' });
    expect((await strict.check(subject({ images: [image(75)] }), context())).action).toBe('reject');
    expect((await strict.check(subject({ images: [image(35)] }), context())).action).toBe('unlist');
  });

  it('refuses a review threshold above the main one', () => {
    const result = nsfwOptionsSchema.safeParse({ threshold: 0.6, review_threshold: 0.8 });
    expect(result.error?.issues[0]).toMatchObject({ path: ['review_threshold'], message: 'review_threshold must not be above threshold' });
  });

  it('stops classifying once its budget is spent', async () => {
    const controller = new AbortController();
    const classify = vi.fn(async (img: Buffer) => {
      controller.abort();
      return byFirstByte(img);
    });
    const check = policy({}, classify).check(subject({ images: [image(1), image(2)] }), { now: new Date(), signal: controller.signal });
    await expect(check).rejects.toThrow();
    expect(classify).toHaveBeenCalledTimes(1);
  });

  it('accepts a generated landscape with the real model', async () => {
    // Sky over grass: nothing the model should find sexual.
    const sky = await sharp({ create: { width: 320, height: 120, channels: 3, background: '#7ab8f0' } }).png().toBuffer();
    const landscape = await sharp({ create: { width: 320, height: 240, channels: 3, background: '#3f8a3a' } })
      .composite([{ input: sky, top: 0, left: 0 }])
      .jpeg()
      .toBuffer();
    const real = createNsfwPolicy(nsfwOptionsSchema.parse({}));
    const verdict = await real.check(subject({ images: [landscape] }), context());
    expect(verdict.action).toBe('accept');
    expect(verdict.score).toBeLessThan(0.5);
  });
});
