// A small ZIP writer on Node built-ins only (zlib.deflateRawSync, zlib.crc32). Entries are
// streamed into a file one after another, so an archive of any size needs memory for one chunk
// and the central directory only. Each entry's local header is written first with blank sizes
// and patched in place once its data is written: no data descriptors, which every unzip reads.
// ZIP64 records are added when the archive grows past 4 GiB or 65,535 entries; a single entry
// must stay below 4 GiB (Parley's media files are far smaller).
import { open, type FileHandle } from 'node:fs/promises';
import { constants, crc32, deflateRawSync } from 'node:zlib';

export type ZipSource = Buffer | string | AsyncIterable<Buffer | string>;

export interface ZipEntryOptions {
  /** Deflate the data (text); already compressed media is better stored as it is. Default true. */
  compress?: boolean;
  modified?: Date;
}

export interface ZipWriter {
  /** Appends one file; entries are written one at a time, so await each call. */
  add(name: string, source: ZipSource, opts?: ZipEntryOptions): Promise<void>;
  /** Writes the central directory and closes the file; returns the archive's size in bytes. */
  finish(): Promise<number>;
  /** Closes the file without finishing it (the caller removes it). */
  abort(): Promise<void>;
}

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_CENTRAL = 0x06054b50;
const ZIP64_END = 0x06064b50;
const ZIP64_LOCATOR = 0x07064b50;
const MAX32 = 0xffffffff;
const MAX16 = 0xffff;
const UTF8_NAMES = 0x0800;
const MADE_BY_UNIX = 3 << 8;
/** -rw-r--r-- regular file, in the high half of the external attributes (as Info-ZIP writes it). */
const FILE_MODE = 0o100644 << 16;
/** Input gathered before one deflate call: big enough to compress well, small enough to hold. */
const DEFLATE_CHUNK = 1 << 20;
const OUTPUT_BUFFER = 256 * 1024;

interface CentralEntry {
  name: Buffer;
  method: number;
  time: number;
  date: number;
  crc: number;
  compressedSize: number;
  size: number;
  offset: number;
}

/** Whether a name is a safe relative path: no absolute paths, no `..`, no backslashes or NULs. */
export function isSafeEntryName(name: string): boolean {
  if (name === '' || name.startsWith('/') || /[\\\0]/.test(name) || Buffer.byteLength(name) > MAX16) return false;
  return name.split('/').every((part) => part !== '' && part !== '.' && part !== '..');
}

/** MS-DOS date and time (2-second steps, from 1980); UTC, so an archive does not depend on the server's zone. */
function dosDateTime(d: Date): { time: number; date: number } {
  const year = Math.min(Math.max(d.getUTCFullYear(), 1980), 2107);
  return {
    time: (d.getUTCHours() << 11) | (d.getUTCMinutes() << 5) | Math.floor(d.getUTCSeconds() / 2),
    date: ((year - 1980) << 9) | ((d.getUTCMonth() + 1) << 5) | d.getUTCDate(),
  };
}

async function* chunksOf(source: ZipSource): AsyncIterable<Buffer> {
  if (typeof source === 'string') yield Buffer.from(source, 'utf8');
  else if (Buffer.isBuffer(source)) yield source;
  else for await (const chunk of source) yield typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
}

export async function createZipWriter(path: string): Promise<ZipWriter> {
  const file: FileHandle = await open(path, 'wx', 0o600);
  const entries: CentralEntry[] = [];
  let offset = 0;
  let busy = false;
  let closed = false;

  // Small pieces (headers, names) are gathered in `out` and written together; `offset` is the
  // archive's length so far, of which the last `outLength` bytes are still in `out`.
  const out = Buffer.alloc(OUTPUT_BUFFER);
  let outLength = 0;

  async function writeAt(buf: Buffer, position: number): Promise<void> {
    for (let done = 0; done < buf.length; ) done += (await file.write(buf, done, buf.length - done, position + done)).bytesWritten;
  }

  async function flushOutput(): Promise<void> {
    if (outLength === 0) return;
    await writeAt(out.subarray(0, outLength), offset - outLength);
    outLength = 0;
  }

  async function write(buf: Buffer): Promise<void> {
    if (outLength + buf.length > out.length) await flushOutput();
    if (buf.length >= out.length) await writeAt(buf, offset);
    else outLength += buf.copy(out, outLength);
    offset += buf.length;
  }

  /** Overwrites bytes written earlier; each write() lies wholly in `out` or wholly on disk. */
  async function patch(buf: Buffer, position: number): Promise<void> {
    const outStart = offset - outLength;
    if (position >= outStart) buf.copy(out, position - outStart);
    else await writeAt(buf, position);
  }

  function localHeader(e: CentralEntry): Buffer {
    const h = Buffer.alloc(30);
    h.writeUInt32LE(LOCAL_HEADER, 0);
    h.writeUInt16LE(20, 4);
    h.writeUInt16LE(UTF8_NAMES, 6);
    h.writeUInt16LE(e.method, 8);
    h.writeUInt16LE(e.time, 10);
    h.writeUInt16LE(e.date, 12);
    h.writeUInt32LE(e.crc, 14);
    h.writeUInt32LE(e.compressedSize, 18);
    h.writeUInt32LE(e.size, 22);
    h.writeUInt16LE(e.name.length, 26);
    h.writeUInt16LE(0, 28);
    return h;
  }

  async function add(name: string, source: ZipSource, opts: ZipEntryOptions = {}): Promise<void> {
    if (closed) throw new Error('zip writer is closed');
    if (busy) throw new Error('zip entries must be added one at a time');
    if (!isSafeEntryName(name)) throw new Error(`unsafe zip entry name: ${JSON.stringify(name)}`);
    busy = true;
    try {
      const compress = opts.compress ?? true;
      const entry: CentralEntry = { name: Buffer.from(name, 'utf8'), method: compress ? 8 : 0, ...dosDateTime(opts.modified ?? new Date()), crc: 0, compressedSize: 0, size: 0, offset };
      await write(Buffer.concat([localHeader(entry), entry.name]));
      const dataStart = offset;
      let pending: Buffer[] = [];
      let pendingBytes = 0;
      // Each chunk is deflated on its own and ended with a sync flush (no final bit), so the
      // pieces concatenate into one valid deflate stream; an empty final block closes it.
      const flush = async () => {
        if (pendingBytes === 0) return;
        const input = Buffer.concat(pending, pendingBytes);
        pending = [];
        pendingBytes = 0;
        await write(deflateRawSync(input, { finishFlush: constants.Z_SYNC_FLUSH }));
      };
      for await (const chunk of chunksOf(source)) {
        if (chunk.length === 0) continue;
        entry.crc = crc32(chunk, entry.crc);
        entry.size += chunk.length;
        if (!compress) {
          await write(chunk);
          continue;
        }
        pending.push(chunk);
        pendingBytes += chunk.length;
        if (pendingBytes >= DEFLATE_CHUNK) await flush();
      }
      if (compress) {
        await flush();
        await write(deflateRawSync(Buffer.alloc(0)));
      }
      entry.compressedSize = offset - dataStart;
      if (entry.size >= MAX32 || entry.compressedSize >= MAX32) throw new Error(`zip entry ${name} is too large (4 GiB at most)`);
      // Patch crc and sizes into the local header written before the data.
      const sizes = Buffer.alloc(12);
      sizes.writeUInt32LE(entry.crc, 0);
      sizes.writeUInt32LE(entry.compressedSize, 4);
      sizes.writeUInt32LE(entry.size, 8);
      await patch(sizes, entry.offset + 14);
      entries.push(entry);
    } finally {
      busy = false;
    }
  }

  function centralHeader(e: CentralEntry): Buffer {
    // Only the offset can pass 4 GiB (entry sizes are checked in add); it then moves to a ZIP64 extra field.
    const zip64 = e.offset >= MAX32;
    const extra = zip64 ? Buffer.alloc(12) : Buffer.alloc(0);
    if (zip64) {
      extra.writeUInt16LE(0x0001, 0);
      extra.writeUInt16LE(8, 2);
      extra.writeBigUInt64LE(BigInt(e.offset), 4);
    }
    const h = Buffer.alloc(46);
    h.writeUInt32LE(CENTRAL_HEADER, 0);
    h.writeUInt16LE(MADE_BY_UNIX | (zip64 ? 45 : 20), 4);
    h.writeUInt16LE(zip64 ? 45 : 20, 6);
    h.writeUInt16LE(UTF8_NAMES, 8);
    h.writeUInt16LE(e.method, 10);
    h.writeUInt16LE(e.time, 12);
    h.writeUInt16LE(e.date, 14);
    h.writeUInt32LE(e.crc, 16);
    h.writeUInt32LE(e.compressedSize, 20);
    h.writeUInt32LE(e.size, 24);
    h.writeUInt16LE(e.name.length, 28);
    h.writeUInt16LE(extra.length, 30);
    h.writeUInt16LE(0, 32); // comment
    h.writeUInt16LE(0, 34); // disk
    h.writeUInt16LE(0, 36); // internal attributes
    h.writeUInt32LE(FILE_MODE >>> 0, 38);
    h.writeUInt32LE(zip64 ? MAX32 : e.offset, 42);
    return Buffer.concat([h, e.name, extra]);
  }

  function endRecords(cdOffset: number, cdSize: number): Buffer {
    const count = entries.length;
    const zip64 = count >= MAX16 || cdOffset >= MAX32 || cdSize >= MAX32;
    const parts: Buffer[] = [];
    if (zip64) {
      const z = Buffer.alloc(56);
      z.writeUInt32LE(ZIP64_END, 0);
      z.writeBigUInt64LE(44n, 4); // size of the rest of this record
      z.writeUInt16LE(MADE_BY_UNIX | 45, 12);
      z.writeUInt16LE(45, 14);
      z.writeUInt32LE(0, 16);
      z.writeUInt32LE(0, 20);
      z.writeBigUInt64LE(BigInt(count), 24);
      z.writeBigUInt64LE(BigInt(count), 32);
      z.writeBigUInt64LE(BigInt(cdSize), 40);
      z.writeBigUInt64LE(BigInt(cdOffset), 48);
      const locator = Buffer.alloc(20);
      locator.writeUInt32LE(ZIP64_LOCATOR, 0);
      locator.writeUInt32LE(0, 4);
      locator.writeBigUInt64LE(BigInt(cdOffset + cdSize), 8);
      locator.writeUInt32LE(1, 16);
      parts.push(z, locator);
    }
    const end = Buffer.alloc(22);
    end.writeUInt32LE(END_OF_CENTRAL, 0);
    end.writeUInt16LE(zip64 ? MAX16 : count, 8);
    end.writeUInt16LE(zip64 ? MAX16 : count, 10);
    end.writeUInt32LE(zip64 ? MAX32 : cdSize, 12);
    end.writeUInt32LE(zip64 ? MAX32 : cdOffset, 16);
    parts.push(end);
    return Buffer.concat(parts);
  }

  return {
    add,
    async finish() {
      if (closed) throw new Error('zip writer is closed');
      if (busy) throw new Error('an entry is still being written');
      const cdOffset = offset;
      // Written in slices, so 80,000 entries do not become one large buffer.
      for (let i = 0; i < entries.length; i += 1000) await write(Buffer.concat(entries.slice(i, i + 1000).map(centralHeader)));
      await write(endRecords(cdOffset, offset - cdOffset));
      await flushOutput();
      closed = true;
      await file.close();
      return offset;
    },
    async abort() {
      if (closed) return;
      closed = true;
      await file.close();
    },
  };
}
