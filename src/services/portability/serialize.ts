// The JSON of archives and imports (Parley's own entities, in api/entities.ts: Mastodon has no API for these).
import type { Config } from '../../config.ts';
import type { ExportJson, ImportJson } from '../../../api/entities.ts';
import type { AccountExportRow, AccountImportRow } from '../../db/schema.ts';
import { EXPORT_KEPT_MS, FAILURES_KEPT_AFTER_READ_MS } from './cleanup.ts';

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
