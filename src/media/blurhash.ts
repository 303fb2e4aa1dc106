// A blurhash of an image: the colourful placeholder clients paint before the preview loads.
import { encode } from 'blurhash';
import sharp from 'sharp';

export async function blurhashOf(image: Buffer): Promise<string> {
  const { data, info } = await sharp(image).resize(32, 32, { fit: 'inside' }).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  return encode(new Uint8ClampedArray(data.buffer, data.byteOffset, data.length), info.width, info.height, 4, 3);
}
