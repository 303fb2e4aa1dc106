// Where processed media files live. The local filesystem is the default backend; the
// interface is small enough for an S3-compatible one (put/open/delete by key).
import type { Readable } from 'node:stream';

export interface StoredFileInfo {
  size: number;
}

export interface MediaStorage {
  /** Stores a finished file under `key` (moves it when it is a local path). */
  put(key: string, source: { path: string } | { data: Buffer }): Promise<void>;
  /** Size of a stored file, or null when it does not exist. */
  stat(key: string): Promise<StoredFileInfo | null>;
  /** A stream of the file's bytes, `start`..`end` inclusive when given. */
  open(key: string, range?: { start: number; end: number }): Readable;
  /** Removes files; keys that do not exist are ignored. */
  delete(keys: readonly string[]): Promise<void>;
  /** Every stored key (for the orphan sweep and the tests). */
  list(): AsyncIterable<string>;
}
