// Identifies an upload by its first bytes. The file name and the Content-Type a client sends
// are claims; these signatures are what decoders will actually see.
import type { Sniffed } from './types.ts';

const ascii = (b: Buffer, start: number, text: string) => b.length >= start + text.length && b.toString('latin1', start, start + text.length) === text;

const HEIF_BRANDS = new Set(['heic', 'heix', 'heim', 'heis', 'hevc', 'hevx', 'mif1', 'msf1']);
const AVIF_BRANDS = new Set(['avif', 'avis']);
const AUDIO_MP4_BRANDS = new Set(['M4A ', 'M4B ', 'F4A ']);

function sniffIsoBmff(head: Buffer): Sniffed | null {
  if (!ascii(head, 4, 'ftyp')) return null;
  const major = head.toString('latin1', 8, 12);
  // Compatible brands follow the minor version; AVIF files often say mif1 first and avif later.
  const boxSize = Math.min(head.readUInt32BE(0), head.length);
  const brands = [major];
  for (let i = 16; i + 4 <= boxSize; i += 4) brands.push(head.toString('latin1', i, i + 4));
  if (brands.some((b) => AVIF_BRANDS.has(b))) return { kind: 'image', format: 'avif' };
  if (HEIF_BRANDS.has(major)) return { kind: 'image', format: 'heic' };
  if (AUDIO_MP4_BRANDS.has(major)) return { kind: 'audio', format: 'm4a' };
  if (major === 'qt  ') return { kind: 'video', format: 'mov' };
  return { kind: 'video', format: 'mp4' };
}

function isMp3(head: Buffer): boolean {
  if (ascii(head, 0, 'ID3')) return true;
  // An MPEG audio frame sync: 11 set bits, layer III.
  return head.length >= 2 && head[0] === 0xff && (head[1]! & 0xe0) === 0xe0 && (head[1]! & 0x06) === 0x02;
}

/** Returns what the upload is, or null when it is nothing Parley accepts. Pass at least 64 bytes. */
export function sniffMedia(head: Buffer): Sniffed | null {
  if (head.length >= 3 && head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return { kind: 'image', format: 'jpeg' };
  if (head.length >= 8 && head.readUInt32BE(0) === 0x89504e47 && head.readUInt32BE(4) === 0x0d0a1a0a) return { kind: 'image', format: 'png' };
  if (ascii(head, 0, 'GIF87a') || ascii(head, 0, 'GIF89a')) return { kind: 'gif', format: 'gif' };
  if (ascii(head, 0, 'RIFF') && ascii(head, 8, 'WEBP')) return { kind: 'image', format: 'webp' };
  if (ascii(head, 0, 'RIFF') && ascii(head, 8, 'WAVE')) return { kind: 'audio', format: 'wav' };
  if (head.length >= 12) {
    const iso = sniffIsoBmff(head);
    if (iso) return iso;
  }
  if (head.length >= 4 && head.readUInt32BE(0) === 0x1a45dfa3) return { kind: 'video', format: 'webm' };
  if (ascii(head, 0, 'OggS')) return { kind: 'audio', format: 'ogg' };
  if (ascii(head, 0, 'fLaC')) return { kind: 'audio', format: 'flac' };
  if (isMp3(head)) return { kind: 'audio', format: 'mp3' };
  return null;
}

/** Containers that may hold video or only audio: the probe decides which. */
export function mayBeAudioOrVideo(s: Sniffed): boolean {
  return s.format === 'mp4' || s.format === 'mov' || s.format === 'webm' || s.format === 'ogg' || s.format === 'm4a';
}

/**
 * Whether a declared Content-Type contradicts the content. Generic types (octet-stream, none)
 * claim nothing; a specific image/video/audio type must name the same family.
 */
export function declaredTypeContradicts(declared: string, s: Sniffed): boolean {
  const family = declared.toLowerCase().split('/')[0]!.trim();
  if (!['image', 'video', 'audio'].includes(family)) {
    // text/html, application/javascript and the like for something that sniffs as media: a lie
    // worth refusing, except the generic "I don't know" types.
    return !['application/octet-stream', 'binary/octet-stream', ''].includes(declared.toLowerCase().trim());
  }
  if (s.kind === 'image' || s.kind === 'gif') return family !== 'image';
  if (mayBeAudioOrVideo(s)) return family === 'image';
  return family !== s.kind;
}
