// The rows an import could not apply, as a CSV in the import's own format (Mastodon's failures
// download), so they can be fixed and imported again. Reading them starts their last day.
import type { AppContext } from '../../context.ts';
import type { AccountImportRow } from '../../db/schema.ts';
import { notFound } from '../../domain/errors.ts';
import { csvLine, type CsvField } from '../../infra/archive/csv.ts';
import { FOLLOWING_HEADER, MUTES_HEADER } from './csv-exports.ts';
import type { BookmarkRow, DomainRow, FollowingRow, ImportRowData, ImportType, ListRow, MutingRow } from './parse-import.ts';
import { failedRows, markFailuresRead } from './store.ts';

export const FAILURES_FILE_NAMES: Record<ImportType, string> = {
  following: 'following_accounts_failures.csv',
  blocking: 'blocked_accounts_failures.csv',
  muting: 'muted_accounts_failures.csv',
  domain_blocking: 'blocked_domains_failures.csv',
  bookmarks: 'bookmarks_failures.csv',
  lists: 'lists_failures.csv',
};

function cells(type: ImportType, data: ImportRowData): CsvField[] {
  switch (type) {
    case 'following': {
      const r = data as FollowingRow;
      return [r.acct, r.show_reblogs, r.notify, r.languages?.join(', ')];
    }
    case 'muting':
      return [(data as MutingRow).acct, (data as MutingRow).hide_notifications];
    case 'blocking':
      return [(data as { acct: string }).acct];
    case 'domain_blocking':
      return [(data as DomainRow).domain];
    case 'bookmarks':
      return [(data as BookmarkRow).uri];
    case 'lists':
      return [(data as ListRow).list_name, (data as ListRow).acct];
  }
}

/** Failed rows of a finished import (none while it runs: Mastodon offers them only afterwards). */
export async function failuresCsv(ctx: AppContext, imp: AccountImportRow): Promise<string> {
  if (imp.state !== 'finished' && imp.state !== 'failed') throw notFound('The import has not finished yet');
  const header = imp.type === 'following' ? csvLine(FOLLOWING_HEADER) : imp.type === 'muting' ? csvLine(MUTES_HEADER) : '';
  const rows = (await failedRows(ctx.db, imp.id)).map((d) => csvLine(cells(imp.type, JSON.parse(d) as ImportRowData)));
  await markFailuresRead(ctx.db, imp.id, ctx.clock.now().toISOString());
  return header + rows.join('');
}
