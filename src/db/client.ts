// Opens the database chosen by the configuration: embedded SQLite (default) or PostgreSQL.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { Kysely, PostgresDialect, SqliteDialect, type LogEvent } from 'kysely';
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

/** Kysely's log hook sees every executed statement, however it was built (the benchmark counts them). */
function queryLog(onQuery: (() => void) | undefined): { log?: (event: LogEvent) => void } {
  return onQuery ? { log: (event: LogEvent) => void (event.level === 'query' && onQuery()) } : {};
}

export function openDatabase(database: Config['database'], opts: { poolSize?: number; onPoolError?: (err: Error) => void; onQuery?: () => void } = {}): DbHandle {
  if (database.kind === 'sqlite') {
    if (database.file !== ':memory:') mkdirSync(path.dirname(database.file), { recursive: true });
    const { kysely } = openSqlite(database.file);
    const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: kysely }), ...queryLog(opts.onQuery) });
    return { db, dialect: 'sqlite', close: () => db.destroy() };
  }
  const pool = new pg.Pool({ connectionString: database.url, max: opts.poolSize ?? 10 });
  // An idle client whose connection the server closes (restart, failover, a dropped test database)
  // emits 'error'; unhandled, that would crash the process. The pool replaces the client.
  pool.on('error', (err) => opts.onPoolError?.(err));
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }), ...queryLog(opts.onQuery) });
  return { db, dialect: 'postgres', close: () => db.destroy() };
}
