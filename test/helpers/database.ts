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
      const c = new pg.Client({ connectionString: PG_ADMIN_URL });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}
