// Adapts node:sqlite's DatabaseSync to the interface Kysely's SqliteDialect expects.
import { DatabaseSync, type SQLInputValue, type StatementSync } from 'node:sqlite';
import type { SqliteDatabase, SqliteStatement } from 'kysely';

function bindable(values: ReadonlyArray<unknown>): SQLInputValue[] {
  // node:sqlite binds only null, numbers, bigints, strings and bytes.
  return values.map((v) => {
    if (v === undefined || v === null) return null;
    if (typeof v === 'boolean') return v ? 1 : 0;
    if (v instanceof Date) return v.toISOString();
    return v as SQLInputValue;
  });
}

class Statement implements SqliteStatement {
  readonly reader: boolean;
  private readonly stmt: StatementSync;
  constructor(stmt: StatementSync) {
    this.stmt = stmt;
    // A statement returns rows exactly when it has result columns (SELECT, ... RETURNING).
    this.reader = stmt.columns().length > 0;
  }
  all(parameters: ReadonlyArray<unknown>): unknown[] {
    return this.stmt.all(...bindable(parameters));
  }
  run(parameters: ReadonlyArray<unknown>) {
    const r = this.stmt.run(...bindable(parameters));
    return { changes: r.changes, lastInsertRowid: r.lastInsertRowid };
  }
  iterate(parameters: ReadonlyArray<unknown>): IterableIterator<unknown> {
    return this.stmt.iterate(...bindable(parameters)) as IterableIterator<unknown>;
  }
}

export function openSqlite(file: string): { kysely: SqliteDatabase; raw: DatabaseSync } {
  const raw = new DatabaseSync(file);
  // busy_timeout first: switching to WAL needs a lock another process may briefly hold.
  raw.exec('PRAGMA busy_timeout = 5000');
  raw.exec('PRAGMA journal_mode = WAL');
  raw.exec('PRAGMA synchronous = NORMAL');
  raw.exec('PRAGMA foreign_keys = ON');
  // Statements are prepared per query by Kysely; a small cache avoids re-parsing hot SQL.
  const cache = new Map<string, Statement>();
  return {
    raw,
    kysely: {
      close: () => raw.close(),
      prepare(sql: string) {
        let s = cache.get(sql);
        if (!s) {
          s = new Statement(raw.prepare(sql));
          if (cache.size > 500) cache.clear();
          cache.set(sql, s);
        }
        return s;
      },
    },
  };
}
