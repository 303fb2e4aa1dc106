// Each test file gets its own empty database: in-memory SQLite by default, or a fresh
// PostgreSQL database when TEST_DATABASE=postgres (dropped again at the end).
import pg from 'pg';
import { randomBytes } from 'node:crypto';
import type { Config } from '../../src/config.ts';

export type TestDatabase = { database: Config['database']; drop(): Promise<void> };

const PG_ADMIN_URL = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export async function createTestDatabase(): Promise<TestDatabase> {
  if (process.env.TEST_DATABASE !== 'postgres') {
    return { database: { kind: 'sqlite', file: ':memory:' }, drop: async () => {} };
  }
  const name = `parley_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(PG_ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    database: { kind: 'postgres', url: url.toString() },
    async drop() {
      // pg's pool.end() resolves before every socket has closed; dropping "with (force)" at once
      // would kill those backends and surface as unhandled 57P01 errors. Wait for them instead.
      const c = new pg.Client({ connectionString: PG_ADMIN_URL });
      await c.connect();
      try {
        for (let i = 0; i < 50; i++) {
          const { rows } = await c.query('select count(*)::int as n from pg_stat_activity where datname = $1', [name]);
          if (rows[0].n === 0) break;
          await new Promise((r) => setTimeout(r, 100));
        }
        await c.query(`drop database if exists ${name} with (force)`);
      } finally {
        await c.end();
      }
    },
  };
}
