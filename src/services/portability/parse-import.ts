// Reading an uploaded CSV the way Mastodon's Form::Import does: the first row is a header when
// it starts with a known column name ("Account address", "#domain", "#uri", "List name"),
// otherwise the type's default columns apply; the type's required columns must be there. Then
// every row is checked, strictly: malformed CSV, a blank or malformed address, an unknown
// boolean, a bad language code or a non-URL refuses the whole file with a 422 naming the row.
import { AppError } from '../../domain/errors.ts';
import { CsvSyntaxError, parseCsv } from '../../infra/archive/csv.ts';
import { isWellFormedAddress } from './addresses.ts';

export const IMPORT_TYPES = ['following', 'blocking', 'muting', 'domain_blocking', 'bookmarks', 'lists'] as const;
export type ImportType = (typeof IMPORT_TYPES)[number];
export const IMPORT_MODES = ['merge', 'overwrite'] as const;
export type ImportMode = (typeof IMPORT_MODES)[number];

export const MAX_IMPORT_BYTES = 1024 * 1024;
/** Mastodon's ROWS_PROCESSING_LIMIT. */
export const MAX_IMPORT_ROWS = 20_000;
const MAX_LIST_TITLE = 200;

export interface FollowingRow { acct: string; show_reblogs?: boolean; notify?: boolean; languages?: string[] | null }
export interface BlockingRow { acct: string }
export interface MutingRow { acct: string; hide_notifications?: boolean }
export interface DomainRow { domain: string }
export interface BookmarkRow { uri: string }
export interface ListRow { list_name: string; acct: string }
export type ImportRowData = FollowingRow | BlockingRow | MutingRow | DomainRow | BookmarkRow | ListRow;

const EXPECTED_HEADERS: Record<ImportType, string[]> = {
  following: ['Account address', 'Show boosts', 'Notify on new posts', 'Languages'],
  blocking: ['Account address'],
  muting: ['Account address', 'Hide notifications'],
  domain_blocking: ['#domain'],
  bookmarks: ['#uri'],
  lists: ['List name', 'Account address'],
};
const KNOWN_FIRST_HEADERS = new Set(Object.values(EXPECTED_HEADERS).map((h) => h[0]!));
const DEFAULT_HEADERS: Record<ImportType, string[]> = {
  following: ['Account address'],
  blocking: ['Account address'],
  muting: ['Account address'],
  domain_blocking: ['#domain'],
  bookmarks: ['#uri'],
  lists: ['List name', 'Account address'],
};

const refuse = (msg: string) => new AppError(422, `Validation failed: ${msg}`);

const TRUE = new Set(['true', 't', '1', 'yes', 'y', 'on']);
const FALSE = new Set(['false', 'f', '0', 'no', 'n', 'off']);
const LANGUAGE = /^[a-z]{2,3}(-[A-Za-z0-9]+)?$/;

/** One row as a map from column name to value; `at` names the row in messages. */
type Cells = { get(name: string): string | undefined; at: string };

function boolean(cells: Cells, column: string): boolean | undefined {
  const v = cells.get(column)?.trim().toLowerCase();
  if (v === undefined || v === '') return undefined;
  if (TRUE.has(v)) return true;
  if (FALSE.has(v)) return false;
  throw refuse(`${cells.at}: "${column}" must be true or false`);
}

function address(cells: Cells): string {
  const v = (cells.get('Account address') ?? '').trim();
  if (v === '') throw refuse(`${cells.at}: the account address is blank`);
  if (!isWellFormedAddress(v)) throw refuse(`${cells.at}: "${v.slice(0, 100)}" is not an account address`);
  return v.replace(/^@/, '');
}

function languages(cells: Cells): string[] | null | undefined {
  const v = cells.get('Languages');
  if (v === undefined) return undefined;
  const codes = v.split(',').map((s) => s.trim()).filter(Boolean);
  const bad = codes.find((c) => !LANGUAGE.test(c));
  if (bad) throw refuse(`${cells.at}: "${bad.slice(0, 20)}" is not a language code`);
  return codes.length > 0 ? codes : null;
}

function rowOf(type: ImportType, cells: Cells): ImportRowData {
  switch (type) {
    case 'following': {
      const row: FollowingRow = { acct: address(cells) };
      const reblogs = boolean(cells, 'Show boosts');
      const notify = boolean(cells, 'Notify on new posts');
      const langs = languages(cells);
      if (reblogs !== undefined) row.show_reblogs = reblogs;
      if (notify !== undefined) row.notify = notify;
      if (langs !== undefined) row.languages = langs;
      return row;
    }
    case 'blocking':
      return { acct: address(cells) };
    case 'muting': {
      const row: MutingRow = { acct: address(cells) };
      const hide = boolean(cells, 'Hide notifications');
      if (hide !== undefined) row.hide_notifications = hide;
      return row;
    }
    case 'domain_blocking': {
      const domain = (cells.get('#domain') ?? '').trim().toLowerCase();
      if (!/^[a-z0-9]([a-z0-9.-]*[a-z0-9])?(:\d{1,5})?$/.test(domain) || domain.length > 253) throw refuse(`${cells.at}: "${domain.slice(0, 100)}" is not a domain`);
      return { domain };
    }
    case 'bookmarks': {
      const uri = (cells.get('#uri') ?? '').trim();
      if (!/^https?:\/\/\S+$/i.test(uri) || !URL.canParse(uri) || uri.length > 2048) throw refuse(`${cells.at}: "${uri.slice(0, 100)}" is not a post's address`);
      return { uri };
    }
    case 'lists': {
      const listName = (cells.get('List name') ?? '').trim();
      if (listName === '') throw refuse(`${cells.at}: the list name is blank`);
      if (listName.length > MAX_LIST_TITLE) throw refuse(`${cells.at}: the list name is longer than ${MAX_LIST_TITLE} characters`);
      return { list_name: listName, acct: address(cells) };
    }
  }
}

/** What makes two rows the same: a later duplicate replaces the earlier one (Mastodon's index_by). */
export function rowKey(row: ImportRowData): string {
  if ('list_name' in row) return `${row.list_name}\n${row.acct.toLowerCase()}`;
  if ('acct' in row) return row.acct.toLowerCase();
  if ('uri' in row) return row.uri;
  return row.domain;
}

/** Decodes an upload: UTF-8 only, no NUL characters. */
export function importText(data: Buffer): string {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(data);
  } catch {
    throw refuse('the file is not UTF-8 text');
  }
  if (text.includes('\u0000')) throw refuse('the file is not a CSV file');
  return text;
}

export function parseImport(type: ImportType, text: string): ImportRowData[] {
  if (Buffer.byteLength(text) > MAX_IMPORT_BYTES) throw refuse(`the file is too large (at most ${MAX_IMPORT_BYTES / 1048576} MB)`);
  let records: string[][];
  try {
    records = parseCsv(text);
  } catch (err) {
    if (err instanceof CsvSyntaxError) throw refuse(`invalid CSV file: ${err.message}`);
    throw err;
  }
  if (records.length === 0) throw refuse('the file is empty');
  const first = records[0]!.map((h) => h.trim());
  const hasHeader = KNOWN_FIRST_HEADERS.has(first[0]!);
  const headers = hasHeader ? first : DEFAULT_HEADERS[type];
  if (!DEFAULT_HEADERS[type].every((h) => headers.includes(h))) throw refuse('the file does not fit the chosen type of import');
  const body = hasHeader ? records.slice(1) : records;
  if (body.length === 0) throw refuse('the file is empty');
  if (body.length > MAX_IMPORT_ROWS) throw refuse(`the file has more than ${MAX_IMPORT_ROWS} rows`);
  const index = new Map<string, number>();
  headers.forEach((h, i) => {
    if (EXPECTED_HEADERS[type].includes(h) && !index.has(h)) index.set(h, i);
  });
  const rows = new Map<string, ImportRowData>();
  body.forEach((record, i) => {
    const cells: Cells = { get: (name) => (index.has(name) ? record[index.get(name)!] : undefined), at: `row ${i + (hasHeader ? 2 : 1)}` };
    const row = rowOf(type, cells);
    rows.set(rowKey(row), row);
  });
  return [...rows.values()];
}
