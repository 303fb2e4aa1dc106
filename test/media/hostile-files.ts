// Files built to hurt a media pipeline: broken, mislabelled, polyglot, explosive. Made in memory
// with Node's zlib (no tool writes these on purpose) from plain pictures made by sharp.
import { createHash } from 'node:crypto';
import { crc32, deflateSync } from 'node:zlib';
import { pngChunk } from '../../src/http/static/png.ts';
import { basePicture } from './corpus.ts';

/** Bytes that look random but are the same on every run (so a failure can be reproduced). */
export function noise(length: number, seed = 'parley'): Buffer {
  const blocks: Buffer[] = [];
  let state = createHash('sha256').update(seed).digest();
  for (let n = 0; n < length; n += state.length) {
    blocks.push(state);
    state = createHash('sha256').update(state).digest();
  }
  return Buffer.concat(blocks).subarray(0, length);
}

export const plainJpeg = () => basePicture().jpeg().toBuffer();
export const plainPng = () => basePicture().png().toBuffer();

/** The first part of a file: headers intact, data cut off. */
export const truncated = (bytes: Buffer, keep = 0.5) => bytes.subarray(0, Math.floor(bytes.length * keep));

/** An MP4 grown to `bytes` bytes with a trailing "free" box: still a valid file, just big. */
export function paddedMp4(mp4: Buffer, bytes: number): Buffer {
  const free = Buffer.alloc(bytes - mp4.length);
  free.writeUInt32BE(free.length, 0);
  free.write('free', 4, 'latin1');
  return Buffer.concat([mp4, free]);
}

/** An MP4 cut off in the middle of its index (the moov box), wherever that box sits. */
export function truncatedMp4(bytes: Buffer): Buffer {
  const moov = bytes.indexOf('moov');
  if (moov < 0) throw new Error('no moov box');
  return bytes.subarray(0, moov + 64);
}

/**
 * A valid black-and-white PNG of side × side pixels whose every row is zeros: ~50 KB on disk for
 * 20000², 400 megapixels (1.2 GB as RGB) once decoded.
 */
export function decompressionBomb(side = 20_000): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(side, 0);
  ihdr.writeUInt32BE(side, 4);
  ihdr[8] = 1; // bit depth
  ihdr[9] = 0; // greyscale
  // Each row: a filter byte and side/8 bytes of pixels, all zero.
  const raw = Buffer.alloc(side * (1 + Math.ceil(side / 8)));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', ihdr),
    pngChunk('IDAT', deflateSync(raw, { level: 9 })),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A one-file ZIP archive (stored, not compressed): what a GIFAR hides behind its picture. */
export function zipWith(name: string, content: Buffer): Buffer {
  const fileName = Buffer.from(name, 'latin1');
  const crc = crc32(content);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(10, 4); // version needed
  local.writeUInt32LE(crc, 14);
  local.writeUInt32LE(content.length, 18);
  local.writeUInt32LE(content.length, 22);
  local.writeUInt16LE(fileName.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4); // version made by
  central.writeUInt16LE(10, 6); // version needed
  central.writeUInt32LE(crc, 16);
  central.writeUInt32LE(content.length, 20);
  central.writeUInt32LE(content.length, 24);
  central.writeUInt16LE(fileName.length, 28);
  // Relative offset of the local header: 0, the archive's own start. A GIFAR's prefix does not
  // shift it; Java's zip reader finds the archive from its end record anyway.
  const centralOffset = local.length + fileName.length + content.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + fileName.length, 12);
  end.writeUInt32LE(centralOffset, 16);
  return Buffer.concat([local, fileName, content, central, fileName, end]);
}

export const POLYGLOT_MARKER = 'PARLEY-POLYGLOT-PAYLOAD';
export const HTML_PAYLOAD = `<!DOCTYPE html><html><body><script>alert(document.cookie + "${POLYGLOT_MARKER}")</script></body></html>`;

/** An HLS playlist pointing at a local file: fed to ffmpeg, it reads whatever it names. */
export const HLS_PLAYLIST = '#EXTM3U\n#EXT-X-TARGETDURATION:10\n#EXT-X-MEDIA-SEQUENCE:0\n#EXTINF:10.0,\nfile:///etc/passwd\n#EXT-X-ENDLIST\n';
/** ffmpeg's concat script: the same trick by another door. */
export const FFCONCAT_SCRIPT = "ffconcat version 1.0\nfile '/etc/passwd'\n";
export const SVG_WITH_SCRIPT = '<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="64" height="48"><script>alert(document.domain)</script><rect width="64" height="48"/></svg>';
