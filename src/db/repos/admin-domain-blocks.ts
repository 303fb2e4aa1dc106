// Federation domain blocks and allows: the admins' lists, and the public view of the blocks.
import type { Insertable, Updateable } from 'kysely';
import type { Executor } from '../../jobs/queue.ts';
import type { DomainAllowRow, DomainAllowsTable, DomainBlockRow, DomainBlocksTable } from '../schema.ts';
import { pageBy, type IdPage } from './paging.ts';

export async function domainBlockPage(db: Executor, page: IdPage): Promise<DomainBlockRow[]> {
  return pageBy(db.selectFrom('domain_blocks').selectAll(), 'id', page);
}

export async function findDomainBlock(db: Executor, id: string): Promise<DomainBlockRow | undefined> {
  return db.selectFrom('domain_blocks').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The blocks of any of these domains (a domain and its parents), most specific first. */
export async function domainBlocksAmong(db: Executor, domains: string[]): Promise<DomainBlockRow[]> {
  if (domains.length === 0) return [];
  const rows = await db.selectFrom('domain_blocks').selectAll().where('domain', 'in', domains).execute();
  return rows.sort((a, b) => b.domain.length - a.domain.length);
}

/** Blocks that limit what people here see (noop blocks are kept private), strictest first. */
export async function userFacingDomainBlocks(db: Executor): Promise<DomainBlockRow[]> {
  const rows = await db.selectFrom('domain_blocks').selectAll().where('severity', 'in', ['silence', 'suspend']).orderBy('domain').execute();
  return rows.sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'suspend' ? -1 : 1));
}

export async function insertDomainBlock(db: Executor, row: Insertable<DomainBlocksTable>): Promise<void> {
  await db.insertInto('domain_blocks').values(row).execute();
}

export async function updateDomainBlock(db: Executor, id: string, patch: Updateable<DomainBlocksTable>): Promise<void> {
  await db.updateTable('domain_blocks').set(patch).where('id', '=', id).execute();
}

export async function deleteDomainBlock(db: Executor, id: string): Promise<void> {
  await db.deleteFrom('domain_blocks').where('id', '=', id).execute();
}

export async function domainAllowPage(db: Executor, page: IdPage): Promise<DomainAllowRow[]> {
  return pageBy(db.selectFrom('domain_allows').selectAll(), 'id', page);
}

export async function findDomainAllow(db: Executor, id: string): Promise<DomainAllowRow | undefined> {
  return db.selectFrom('domain_allows').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findDomainAllowByDomain(db: Executor, domain: string): Promise<DomainAllowRow | undefined> {
  return db.selectFrom('domain_allows').selectAll().where('domain', '=', domain).executeTakeFirst();
}

export async function insertDomainAllow(db: Executor, row: Insertable<DomainAllowsTable>): Promise<void> {
  await db.insertInto('domain_allows').values(row).execute();
}

export async function deleteDomainAllow(db: Executor, id: string): Promise<void> {
  await db.deleteFrom('domain_allows').where('id', '=', id).execute();
}
