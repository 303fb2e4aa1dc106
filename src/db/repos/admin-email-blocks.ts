// E-mail domain blocks (with the sign-ups they stopped) and canonical e-mail hash blocks.
import type { Insertable } from 'kysely';
import type { Executor } from '../../jobs/queue.ts';
import type { CanonicalEmailBlockRow, CanonicalEmailBlocksTable, EmailDomainBlockAttemptsTable, EmailDomainBlockRow, EmailDomainBlocksTable } from '../schema.ts';
import { pageBy, type IdPage } from './paging.ts';

export async function emailDomainBlockPage(db: Executor, page: IdPage): Promise<EmailDomainBlockRow[]> {
  return pageBy(db.selectFrom('email_domain_blocks').selectAll(), 'id', page);
}

export async function findEmailDomainBlock(db: Executor, id: string): Promise<EmailDomainBlockRow | undefined> {
  return db.selectFrom('email_domain_blocks').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The blocks of any of these domains (an address's domain and its parents), most specific first. */
export async function emailDomainBlocksAmong(db: Executor, domains: string[]): Promise<EmailDomainBlockRow[]> {
  if (domains.length === 0) return [];
  const rows = await db.selectFrom('email_domain_blocks').selectAll().where('domain', 'in', domains).execute();
  return rows.sort((a, b) => b.domain.length - a.domain.length);
}

export async function insertEmailDomainBlock(db: Executor, row: Insertable<EmailDomainBlocksTable>): Promise<void> {
  await db.insertInto('email_domain_blocks').values(row).execute();
}

export async function deleteEmailDomainBlock(db: Executor, id: string): Promise<void> {
  await db.deleteFrom('email_domain_blocks').where('id', '=', id).execute();
}

export async function insertEmailDomainBlockAttempt(db: Executor, row: Insertable<EmailDomainBlockAttemptsTable>): Promise<void> {
  await db.insertInto('email_domain_block_attempts').values(row).execute();
}

export interface AttemptDay {
  block_id: string;
  day: string;
  uses: number;
  accounts: number;
}

/** Attempts per block and UTC day (YYYY-MM-DD) since a time. */
export async function attemptsByDay(db: Executor, blockIds: string[], sinceIso: string): Promise<AttemptDay[]> {
  if (blockIds.length === 0) return [];
  const rows = await db
    .selectFrom('email_domain_block_attempts')
    .select((eb) => [
      'email_domain_block_id as block_id',
      eb.fn<string>('substr', ['created_at', eb.val(1), eb.val(10)]).as('day'),
      eb.fn.countAll<number>().as('uses'),
      eb.fn.count<number>('ip_hash').distinct().as('accounts'),
    ])
    .where('email_domain_block_id', 'in', blockIds)
    .where('created_at', '>=', sinceIso)
    .groupBy(['email_domain_block_id', 'day'])
    .execute();
  return rows.map((r) => ({ block_id: r.block_id, day: r.day, uses: Number(r.uses), accounts: Number(r.accounts) }));
}

export async function canonicalEmailBlockPage(db: Executor, page: IdPage): Promise<CanonicalEmailBlockRow[]> {
  return pageBy(db.selectFrom('canonical_email_blocks').selectAll(), 'id', page);
}

export async function findCanonicalEmailBlock(db: Executor, id: string): Promise<CanonicalEmailBlockRow | undefined> {
  return db.selectFrom('canonical_email_blocks').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function canonicalEmailBlocksByHash(db: Executor, hash: string): Promise<CanonicalEmailBlockRow[]> {
  return db.selectFrom('canonical_email_blocks').selectAll().where('canonical_email_hash', '=', hash).execute();
}

export async function insertCanonicalEmailBlock(db: Executor, row: Insertable<CanonicalEmailBlocksTable>): Promise<void> {
  await db.insertInto('canonical_email_blocks').values(row).execute();
}

export async function deleteCanonicalEmailBlock(db: Executor, id: string): Promise<void> {
  await db.deleteFrom('canonical_email_blocks').where('id', '=', id).execute();
}
