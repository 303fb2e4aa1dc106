// The JSON of archives and imports (Parley's own entities: Mastodon has no API for these).
import type { Config } from '../../config.ts';
import type { AccountExportRow, AccountImportRow } from '../../db/schema.ts';
import { EXPORT_KEPT_MS, FAILURES_KEPT_AFTER_READ_MS } from './cleanup.ts';

export interface ExportJson {
  id: string;
  state: AccountExportRow['state'];
  /** Bytes of the ZIP once it is ready. */
  size: number | null;
  created_at: string;
  finished_at: string | null;
  /** When the archive is erased. */
  expires_at: string;
  /** Needs the owner's token: archives are never at a public address. */
  download_url: string | null;
}

export interface ImportJson {
  id: string;
  type: AccountImportRow['type'];
  mode: AccountImportRow['mode'];
  state: AccountImportRow['state'];
  total_items: number;
  processed_items: number;
  imported_items: number;
  failed_items: number;
  created_at: string;
  finished_at: string | null;
  /** The rows that failed, as CSV, once the import has finished (until a day after first download). */
  failures_url: string | null;
}

export function serializeExport(config: Config, row: AccountExportRow): ExportJson {
  return {
    id: row.id,
    state: row.state,
    size: row.byte_size === null ? null : Number(row.byte_size),
    created_at: row.created_at,
    finished_at: row.finished_at,
    expires_at: new Date(Date.parse(row.created_at) + EXPORT_KEPT_MS).toISOString(),
    download_url: row.state === 'ready' ? `${config.baseUrl}/api/v1/exports/${row.id}/download` : null,
  };
}

export function serializeImport(config: Config, row: AccountImportRow, now: Date): ImportJson {
  const finished = row.state === 'finished' || row.state === 'failed';
  const failuresKept = row.failures_read_at === null || Date.parse(row.failures_read_at) + FAILURES_KEPT_AFTER_READ_MS > now.getTime();
  return {
    id: row.id,
    type: row.type,
    mode: row.mode,
    state: row.state,
    total_items: row.total_items,
    processed_items: row.processed_items,
    imported_items: row.imported_items,
    failed_items: row.failed_items,
    created_at: row.created_at,
    finished_at: row.finished_at,
    failures_url: finished && row.failed_items > 0 && failuresKept ? `${config.baseUrl}/api/v1/imports/${row.id}/failures` : null,
  };
}
