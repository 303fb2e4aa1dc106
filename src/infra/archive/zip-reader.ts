// Reads a whole ZIP archive held in memory: the counterpart of zip-writer.ts, for the tests that
// open Parley's exports and for checking archives without an `unzip` at hand. It verifies what a
// careful reader verifies (signatures, sizes, CRC-32) and understands the ZIP64 records.
import { crc32, inflateRawSync } from 'node:zlib';

export interface ZipEntry {
  name: string;
  data: Buffer;
  method: number;
  /** The general-purpose flags of the central directory (bit 11: UTF-8 names). */
  flags: number;
}

function findEnd(buf: Buffer): number {
  // The end record is 22 bytes plus a comment of at most 65,535 bytes.
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) if (buf.readUInt32LE(i) === 0x06054b50) return i;
  throw new Error('not a zip archive: no end of central directory record');
}

export function readZip(buf: Buffer): ZipEntry[] {
  const end = findEnd(buf);
  let count = buf.readUInt16LE(end + 10);
  let cdOffset = buf.readUInt32LE(end + 16);
  if (end >= 20 && buf.readUInt32LE(end - 20) === 0x07064b50) {
    const z = Number(buf.readBigUInt64LE(end - 12));
    if (buf.readUInt32LE(z) !== 0x06064b50) throw new Error('broken zip64 end record');
    count = Number(buf.readBigUInt64LE(z + 32));
    cdOffset = Number(buf.readBigUInt64LE(z + 48));
  }
  const entries: ZipEntry[] = [];
  let p = cdOffset;
  for (let i = 0; i < count; i++) {
    if (buf.readUInt32LE(p) !== 0x02014b50) throw new Error(`bad central directory header at ${p}`);
    const flags = buf.readUInt16LE(p + 8);
    const method = buf.readUInt16LE(p + 10);
    const crc = buf.readUInt32LE(p + 16);
    const compressedSize = buf.readUInt32LE(p + 20);
    const size = buf.readUInt32LE(p + 24);
    const nameLength = buf.readUInt16LE(p + 28);
    const extraLength = buf.readUInt16LE(p + 30);
    const commentLength = buf.readUInt16LE(p + 32);
    let offset = buf.readUInt32LE(p + 42);
    const name = buf.subarray(p + 46, p + 46 + nameLength).toString('utf8');
    const extra = buf.subarray(p + 46 + nameLength, p + 46 + nameLength + extraLength);
    if (offset === 0xffffffff) {
      for (let e = 0; e + 4 <= extra.length; ) {
        const id = extra.readUInt16LE(e);
        const len = extra.readUInt16LE(e + 2);
        if (id === 0x0001) offset = Number(extra.readBigUInt64LE(e + 4));
        e += 4 + len;
      }
    }
    if (buf.readUInt32LE(offset) !== 0x04034b50) throw new Error(`bad local header of ${name}`);
    if (buf.readUInt32LE(offset + 14) !== crc || buf.readUInt32LE(offset + 18) !== compressedSize || buf.readUInt32LE(offset + 22) !== size) {
      throw new Error(`local and central headers of ${name} disagree`);
    }
    const start = offset + 30 + buf.readUInt16LE(offset + 26) + buf.readUInt16LE(offset + 28);
    const raw = buf.subarray(start, start + compressedSize);
    const data = method === 8 ? inflateRawSync(raw) : method === 0 ? Buffer.from(raw) : null;
    if (!data) throw new Error(`unsupported compression method ${method} for ${name}`);
    if (data.length !== size || crc32(data) !== crc) throw new Error(`checksum mismatch in ${name}`);
    entries.push({ name, data, method, flags });
    p += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}
