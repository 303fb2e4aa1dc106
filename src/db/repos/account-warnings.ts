// Strikes (account warnings) and their appeals.
import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Executor } from '../../jobs/queue.ts';
import type { AccountWarningsTable, AppealsTable } from '../schema.ts';
import { pageBy, type IdPage } from './paging.ts';

export type AccountWarningRow = Selectable<AccountWarningsTable>;
export type AppealRow = Selectable<AppealsTable>;

export async function insertWarning(exec: Executor, row: Insertable<AccountWarningsTable>): Promise<void> {
  await exec.insertInto('account_warnings').values(row).execute();
}

export async function findWarning(exec: Executor, id: string): Promise<AccountWarningRow | undefined> {
  return exec.selectFrom('account_warnings').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function warningsOf(exec: Executor, accountId: string, page: IdPage): Promise<AccountWarningRow[]> {
  return pageBy(exec.selectFrom('account_warnings as w').selectAll('w').where('w.target_account_id', '=', accountId), 'w.id', page);
}

export async function overruleWarning(exec: Executor, id: string, nowIso: string): Promise<void> {
  await exec.updateTable('account_warnings').set({ overruled_at: nowIso }).where('id', '=', id).execute();
}

export async function insertAppeal(exec: Executor, row: Insertable<AppealsTable>): Promise<void> {
  await exec.insertInto('appeals').values(row).execute();
}

export async function appealsOfWarnings(exec: Executor, warningIds: readonly string[]): Promise<AppealRow[]> {
  if (warningIds.length === 0) return [];
  return exec.selectFrom('appeals').selectAll().where('account_warning_id', 'in', [...warningIds]).execute();
}

export async function findAppeal(exec: Executor, id: string): Promise<AppealRow | undefined> {
  return exec.selectFrom('appeals').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function updateAppeal(exec: Executor, id: string, patch: Updateable<AppealsTable>): Promise<void> {
  await exec.updateTable('appeals').set(patch).where('id', '=', id).execute();
}

export async function appealPage(exec: Executor, pending: boolean, page: IdPage): Promise<AppealRow[]> {
  let q = exec.selectFrom('appeals as a').selectAll('a');
  q = pending ? q.where('a.approved_at', 'is', null).where('a.rejected_at', 'is', null) : q.where((eb) => eb.or([eb('a.approved_at', 'is not', null), eb('a.rejected_at', 'is not', null)]));
  return pageBy(q, 'a.id', page);
}
