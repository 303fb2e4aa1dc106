// What moderators do to accounts (Mastodon's admin account actions): warn, mark media
// sensitive, disable the login, limit, suspend, and undo each. Every action leaves a strike the
// person can read and appeal once, resolves the report it answers, notifies the person by
// e-mail when asked, and is audited, all in one transaction.
import type { AppContext } from '../../context.ts';
import { findAccountById } from '../../db/repos/accounts.ts';
import { findReport } from '../../db/repos/admin-reports.ts';
import { insertWarning } from '../../db/repos/account-warnings.ts';
import { existingRuleIds } from '../../db/repos/reports.ts';
import { findLoginByAccountId, updateAccount, updateUser } from '../../db/repos/users.ts';
import type { AccountRow } from '../../db/schema.ts';
import { AppError, notFound, unprocessable } from '../../domain/errors.ts';
import { isId, newId } from '../../domain/ids.ts';
import type { Executor } from '../../jobs/queue.ts';
import { JOB } from '../../jobs/types.ts';
import { audit } from './audit-log.ts';
import { resolveWithin } from './report-queue.ts';

export const ACCOUNT_ACTIONS = ['none', 'sensitive', 'disable', 'silence', 'suspend'] as const;
export type AccountAction = (typeof ACCOUNT_ACTIONS)[number];
export const UNDO_ACTIONS = ['unsensitive', 'enable', 'unsilence', 'unsuspend'] as const;
export type UndoAction = (typeof UNDO_ACTIONS)[number];

const RANK: Record<string, number> = { user: 0, moderator: 1, admin: 2 };
const TEXT_LIMIT = 5000;

const DESCRIBE: Record<AccountAction, string> = {
  none: 'warned',
  sensitive: 'marked the media of',
  disable: 'disabled the login of',
  silence: 'limited',
  suspend: 'suspended',
};

const UNDO_DESCRIBE: Record<UndoAction, string> = {
  unsensitive: 'lifted the sensitive mark from the media of',
  enable: 'enabled the login of',
  unsilence: 'lifted the limit on',
  unsuspend: 'lifted the suspension of',
};

/** The account a moderator may act on: local, not deleted, not themselves, not staff of their rank or above. */
export async function loadModeratedAccount(ctx: AppContext, moderator: AccountRow, id: string): Promise<AccountRow> {
  const target = isId(id) ? await findAccountById(ctx.db, id) : undefined;
  if (!target || target.deleted_at || target.domain) throw notFound();
  if (target.id === moderator.id) throw unprocessable('You cannot act on your own account');
  if ((RANK[target.role] ?? 0) >= (RANK[moderator.role] ?? 0)) throw new AppError(403, 'This action is not allowed');
  return target;
}

/** Applies (or, for an approved appeal or an undo, reverses) an action's effect on the account. */
export async function applyEffect(exec: Executor, target: AccountRow, action: AccountAction | UndoAction, nowIso: string): Promise<void> {
  switch (action) {
    case 'sensitive':
    case 'unsensitive':
      await updateAccount(exec, target.id, { sensitized_at: action === 'sensitive' ? nowIso : null, updated_at: nowIso });
      return;
    case 'silence':
    case 'unsilence':
      await updateAccount(exec, target.id, { silenced_at: action === 'silence' ? nowIso : null, updated_at: nowIso });
      return;
    case 'suspend':
    case 'unsuspend':
      await updateAccount(exec, target.id, { suspended_at: action === 'suspend' ? nowIso : null, updated_at: nowIso });
      return;
    case 'disable':
    case 'enable':
      await updateUser(exec, target.id, { disabled_at: action === 'disable' ? nowIso : null });
      return;
    case 'none':
      return;
  }
}

export interface ActionInput {
  type: AccountAction;
  text: string;
  reportId?: string | null;
  ruleIds?: string[];
  sendEmail: boolean;
}

export async function actOnAccount(ctx: AppContext, moderator: AccountRow, targetId: string, input: ActionInput): Promise<void> {
  const target = await loadModeratedAccount(ctx, moderator, targetId);
  const text = input.text.trim();
  if ([...text].length > TEXT_LIMIT) throw unprocessable(`Text is too long (maximum is ${TEXT_LIMIT} characters)`);
  const report = input.reportId ? (isId(input.reportId) ? await findReport(ctx.db, input.reportId) : undefined) : undefined;
  if (input.reportId && (!report || report.target_account_id !== target.id)) throw unprocessable('report_id does not name a report about this account');
  const ruleIds = [...new Set(input.ruleIds ?? [])];
  const known = await existingRuleIds(ctx.db, ruleIds);
  if (ruleIds.some((r) => !known.has(r))) throw unprocessable('rule_ids contains unknown rules');
  const statusIds = report ? (await ctx.db.selectFrom('report_statuses').select('status_id').where('report_id', '=', report.id).execute()).map((r) => r.status_id) : [];
  const login = await findLoginByAccountId(ctx.db, target.id);
  const now = ctx.clock.now();
  const nowIso = now.toISOString();

  await ctx.db.transaction().execute(async (trx) => {
    await applyEffect(trx, target, input.type, nowIso);
    const strikeId = newId(now.getTime());
    await insertWarning(trx, {
      id: strikeId,
      target_account_id: target.id,
      account_id: moderator.id,
      report_id: report?.id ?? null,
      action: input.type,
      text,
      status_ids: statusIds.length ? JSON.stringify(statusIds) : null,
      rule_ids: ruleIds.length ? JSON.stringify(ruleIds) : null,
      overruled_at: null,
      created_at: nowIso,
    });
    // The person learns of the strike in the app (Mastodon's moderation_warning notification).
    await trx.insertInto('notifications').values({ id: newId(now.getTime()), account_id: target.id, from_account_id: target.id, type: 'moderation_warning', status_id: null, created_at: nowIso, account_warning_id: strikeId }).execute();
    const summary = `@${moderator.username} ${DESCRIBE[input.type]} @${target.username}${report ? ` (report ${report.id})` : ''}${text ? `: ${text}` : ''}`;
    await audit(ctx, trx, moderator, { action: `account.${input.type === 'none' ? 'warn' : input.type}`, targetType: 'account', targetId: target.id, summary });
    if (report && report.action_taken_at === null) await resolveWithin(ctx, trx, moderator, report, nowIso, `${DESCRIBE[input.type]} @${target.username}`);
    if (input.sendEmail && login && ctx.mailer.enabled) {
      await ctx.queue.enqueue(trx, JOB.sendEmail, {
        to: login.user.email,
        subject: 'A moderator has taken action on your account',
        text: `A moderator of ${ctx.config.domain} has ${DESCRIBE[input.type]} your account.${text ? `\n\nReason: ${text}` : ''}\n\nYou can read this strike and appeal it once: ${ctx.config.baseUrl}/preferences/strikes/${strikeId}\n`,
      });
    }
  });
}

export async function undoAccountAction(ctx: AppContext, moderator: AccountRow, targetId: string, action: UndoAction): Promise<void> {
  const target = await loadModeratedAccount(ctx, moderator, targetId);
  const nowIso = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    await applyEffect(trx, target, action, nowIso);
    await audit(ctx, trx, moderator, { action: `account.${action}`, targetType: 'account', targetId: target.id, summary: `@${moderator.username} ${UNDO_DESCRIBE[action]} @${target.username}` });
  });
}
