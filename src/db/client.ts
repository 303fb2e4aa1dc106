// Opens the database chosen by the configuration: embedded SQLite (default) or PostgreSQL.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { Kysely, PostgresDialect, SqliteDialect, type KyselyPlugin } from 'kysely';
import pg from 'pg';
import type { Config } from '../config.ts';
import type { Dialect } from './dialect.ts';
import type { Database } from './schema.ts';
import { openSqlite } from './sqlite-adapter.ts';

export type Db = Kysely<Database>;

export interface DbHandle {
  db: Db;
  dialect: Dialect;
  close(): Promise<void>;
}

// PostgreSQL returns bigint (count(*), sums) as strings; every count in Parley fits in a double.
pg.types.setTypeParser(20, (v) => Number.parseInt(v, 10));

export function openDatabase(database: Config['database'], opts: { plugins?: KyselyPlugin[]; poolSize?: number; onPoolError?: (err: Error) => void } = {}): DbHandle {
  if (database.kind === 'sqlite') {
    if (database.file !== ':memory:') mkdirSync(path.dirname(database.file), { recursive: true });
    const { kysely } = openSqlite(database.file);
    const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: kysely }), plugins: opts.plugins ?? [] });
    return { db, dialect: 'sqlite', close: () => db.destroy() };
  }
  const pool = new pg.Pool({ connectionString: database.url, max: opts.poolSize ?? 10 });
  // An idle client whose connection the server closes (restart, failover, a dropped test database)
  // emits 'error'; unhandled, that would crash the process. The pool replaces the client.
  pool.on('error', (err) => opts.onPoolError?.(err));
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }), plugins: opts.plugins ?? [] });
  return { db, dialect: 'postgres', close: () => db.destroy() };
}
