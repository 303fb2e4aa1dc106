// Where a string is stored: every text column of every table, read from the database's own
// catalogue, so a new table or column is scanned without anyone remembering to add it.
import { sql } from 'kysely';
import type { AppContext } from '../../src/context.ts';

export async function textColumns(ctx: AppContext): Promise<[string, string][]> {
  if (ctx.dialect === 'postgres') {
    const { rows } = await sql<{ table_name: string; column_name: string }>`
      select table_name, column_name from information_schema.columns
      where table_schema = 'public' and data_type in ('text', 'character varying', 'json', 'jsonb')`.execute(ctx.db);
    return rows.map((r) => [r.table_name, r.column_name]);
  }
  const { rows: tables } = await sql<{ name: string }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`.execute(ctx.db);
  const out: [string, string][] = [];
  for (const { name } of tables) {
    const { rows: cols } = await sql<{ name: string }>`select name from pragma_table_info(${name})`.execute(ctx.db);
    for (const c of cols) out.push([name, c.name]);
  }
  return out;
}

/** `table.column` of every place that holds `needle` (as a substring). */
export async function placesHolding(ctx: AppContext, needle: string): Promise<string[]> {
  const found: string[] = [];
  for (const [table, column] of await textColumns(ctx)) {
    const { rows } = await sql<{ n: number }>`select count(*) as n from ${sql.table(table)} where cast(${sql.ref(column)} as text) like ${`%${needle}%`}`.execute(ctx.db);
    if (Number(rows[0]!.n) > 0) found.push(`${table}.${column}`);
  }
  return found;
}
