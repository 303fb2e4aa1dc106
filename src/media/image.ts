// Pictures with sharp: decode (HEIC through libheif compiled to WebAssembly, since sharp's
// prebuilt libvips reads only AVIF of the HEIF family), apply the EXIF orientation, convert to
// sRGB, cap the size and encode anew. sharp writes no EXIF, XMP, IPTC or ICC data unless asked
// to, and Parley never asks: the output holds pixels and nothing else.
import sharp, { type Metadata, type Sharp } from 'sharp';
import { blurhashOf } from './blurhash.ts';
import type { MediaExt } from './keys.ts';
import { IMAGE_MATRIX_LIMIT } from './limits.ts';
import { MediaError, type MediaMeta, type Sniffed } from './types.ts';

const MAX_SIDE = 4096;
const PREVIEW_SIDE = 640;
const SHARP_TIMEOUT_S = 60;

export interface EncodedImage {
  data: Buffer;
  ext: MediaExt;
  width: number;
  height: number;
}

export interface ProcessedImage {
  original: EncodedImage;
  preview: EncodedImage;
  blurhash: string;
  meta: MediaMeta;
}

const sizeOf = (w: number, h: number) => ({ width: w, height: h, size: `${w}x${h}`, aspect: Math.round((w / h) * 1e6) / 1e6 });

const unreadable = () => new MediaError('The picture could not be read: the file is damaged or not a picture');

/** A sharp pipeline for the upload, refusing pictures over the pixel limit before decoding them. */
async function open(input: Buffer, sniffed: Sniffed): Promise<Sharp> {
  const options = { limitInputPixels: IMAGE_MATRIX_LIMIT, failOn: 'error' as const, sequentialRead: true };
  if (sniffed.format !== 'heic') return sharp(input, options).timeout({ seconds: SHARP_TIMEOUT_S });
  let decoded: { width: number; height: number; data: Uint8ClampedArray };
  // libheif (WebAssembly, ~9 MB) is loaded on the first HEIC upload, not at start.
  const { default: decodeHeic } = await import('heic-decode');
  let images: Awaited<ReturnType<typeof decodeHeic.all>> | undefined;
  try {
    images = await decodeHeic.all({ buffer: input });
    const first = images[0];
    if (!first) throw unreadable();
    // Sizes come from the container: a decompression bomb is refused before it is decoded.
    if (first.width * first.height > IMAGE_MATRIX_LIMIT) throw tooManyPixels();
    decoded = await first.decode();
  } catch (err) {
    if (err instanceof MediaError) throw err;
    throw unreadable();
  } finally {
    images?.dispose();
  }
  const raw = Buffer.from(decoded.data.buffer, decoded.data.byteOffset, decoded.data.byteLength);
  return sharp(raw, { ...options, raw: { width: decoded.width, height: decoded.height, channels: 4 } });
}

const tooManyPixels = () => new MediaError(`The picture has too many pixels (at most ${IMAGE_MATRIX_LIMIT.toLocaleString('en')})`);

/** Checks the header: format as sniffed, size within limits. Returns frame count (for GIF/WebP animation). */
export async function inspectImage(input: Buffer, sniffed: Sniffed): Promise<{ pages: number; width: number; height: number }> {
  if (sniffed.format === 'heic') return { pages: 1, width: 0, height: 0 };
  let meta: Metadata;
  try {
    meta = await sharp(input, { limitInputPixels: false }).metadata();
  } catch {
    throw unreadable();
  }
  const expected = sniffed.format === 'avif' ? 'heif' : sniffed.format;
  if (meta.format !== expected || !meta.width || !meta.height) throw unreadable();
  const pages = meta.pages ?? 1;
  if (meta.width * meta.height > IMAGE_MATRIX_LIMIT || meta.width * meta.height * pages > IMAGE_MATRIX_LIMIT * 4) throw tooManyPixels();
  return { pages, width: meta.width, height: meta.height };
}

function outputExt(sniffed: Sniffed, hasAlpha: boolean): MediaExt {
  if (sniffed.format === 'webp') return 'webp';
  if (sniffed.format === 'png' || sniffed.format === 'gif') return 'png';
  if (sniffed.format === 'jpeg') return 'jpg';
  // HEIC and AVIF are re-encoded into what every client displays.
  return hasAlpha ? 'png' : 'jpg';
}

function encodeAs(pipeline: Sharp, ext: MediaExt): Sharp {
  // libjpeg-turbo with optimised Huffman tables: mozjpeg saves ~4% of bytes at several times the CPU.
  if (ext === 'jpg') return pipeline.flatten({ background: '#ffffff' }).jpeg({ quality: 85, optimiseCoding: true });
  if (ext === 'png') return pipeline.png({ compressionLevel: 6 });
  return pipeline.webp({ quality: 85 });
}

async function render(pipeline: Sharp, ext: MediaExt, maxSide: number): Promise<EncodedImage> {
  const { data, info } = await encodeAs(pipeline.resize(maxSide, maxSide, { fit: 'inside', withoutEnlargement: true }), ext).toBuffer({ resolveWithObject: true });
  return { data, ext, width: info.width, height: info.height };
}

interface Pixels {
  data: Buffer;
  width: number;
  height: number;
  channels: 1 | 2 | 3 | 4;
}

/** A pipeline over decoded pixels: each output starts from them, with no second decode. */
const fromPixels = (p: Pixels) => sharp(p.data, { raw: { width: p.width, height: p.height, channels: p.channels } });

/** The picture decoded once: oriented, sRGB, at most MAX_SIDE, as raw pixels. */
async function normalised(input: Buffer, sniffed: Sniffed): Promise<{ pixels: Pixels; hasAlpha: boolean }> {
  try {
    const pipeline = (await open(input, sniffed)).autoOrient().toColourspace('srgb');
    const { data, info } = await pipeline.resize(MAX_SIDE, MAX_SIDE, { fit: 'inside', withoutEnlargement: true }).raw().toBuffer({ resolveWithObject: true });
    const pixels: Pixels = { data, width: info.width, height: info.height, channels: info.channels };
    // HEIC arrives as RGBA from its decoder; an alpha channel with nothing transparent is not one.
    const hasAlpha = info.channels === 4 && !(await fromPixels(pixels).stats()).isOpaque;
    return { pixels, hasAlpha };
  } catch (err) {
    if (err instanceof MediaError) throw err;
    if (err instanceof Error && /pixel limit/i.test(err.message)) throw tooManyPixels();
    throw unreadable();
  }
}

/** A picture upload: the stored picture, its preview, blurhash and Mastodon's meta. */
export async function processImage(input: Buffer, sniffed: Sniffed): Promise<ProcessedImage> {
  const { pixels, hasAlpha } = await normalised(input, sniffed);
  const ext = outputExt(sniffed, hasAlpha);
  const [original, preview] = await Promise.all([render(fromPixels(pixels), ext, MAX_SIDE), render(fromPixels(pixels), 'webp', PREVIEW_SIDE)]);
  const blurhash = await blurhashOf(preview.data);
  return { original, preview, blurhash, meta: { original: sizeOf(original.width, original.height), small: sizeOf(preview.width, preview.height) } };
}

/** A preview from a picture (a custom thumbnail, or a video's poster frame). */
export async function processPreview(input: Buffer, sniffed: Sniffed): Promise<{ preview: EncodedImage; blurhash: string; small: MediaMeta['small'] }> {
  const { pixels } = await normalised(input, sniffed);
  const preview = await render(fromPixels(pixels), 'webp', PREVIEW_SIDE);
  return { preview, blurhash: await blurhashOf(preview.data), small: sizeOf(preview.width, preview.height) };
}

/**
 * Avatars are square crops (up to 400 px) and headers 3:1 crops (up to 1500x500), as Mastodon
 * makes them; a small picture is cropped to the shape, never enlarged.
 */
export async function processProfileImage(input: Buffer, sniffed: Sniffed, kind: 'avatar' | 'header'): Promise<EncodedImage> {
  const { pixels, hasAlpha } = await normalised(input, sniffed);
  const { width, height } = pixels;
  const ratio = kind === 'avatar' ? 1 : 3;
  const w = Math.max(1, Math.min(kind === 'avatar' ? 400 : 1500, width, Math.floor(height * ratio)));
  const h = Math.max(1, Math.round(w / ratio));
  const ext: MediaExt = hasAlpha ? 'png' : 'jpg';
  const { data, info } = await encodeAs(fromPixels(pixels).resize(w, h, { fit: 'cover', position: 'attention' }), ext).toBuffer({ resolveWithObject: true });
  return { data, ext, width: info.width, height: info.height };
}

export const sizeMeta = sizeOf;
