// Strikes as the person sees them, and appeals: one per strike, within 20 days, decided by a
// moderator other than the one who issued the strike. An approved appeal overrules the strike
// and reverses its action.
import type { AppContext } from '../../context.ts';
import { findAccountById } from '../../db/repos/accounts.ts';
import { findAppeal, findWarning, insertAppeal, overruleWarning, updateAppeal, appealsOfWarnings } from '../../db/repos/account-warnings.ts';
import type { AccountRow } from '../../db/schema.ts';
import { AppError, notFound, unprocessable } from '../../domain/errors.ts';
import { isId, newId } from '../../domain/ids.ts';
import { applyEffect, type AccountAction, type UndoAction } from './account-actions.ts';
import { audit } from './audit-log.ts';

export const APPEAL_WINDOW_MS = 20 * 24 * 3600_000;
const APPEAL_LIMIT = 2000;

const UNDO: Record<AccountAction, UndoAction | null> = { none: null, sensitive: 'unsensitive', disable: 'enable', silence: 'unsilence', suspend: 'unsuspend' };

export async function appealStrike(ctx: AppContext, account: AccountRow, strikeId: string, text: string): Promise<void> {
  const strike = isId(strikeId) ? await findWarning(ctx.db, strikeId) : undefined;
  if (!strike || strike.target_account_id !== account.id) throw notFound();
  const body = text.trim();
  if (body === '') throw unprocessable("Text can't be blank");
  if ([...body].length > APPEAL_LIMIT) throw unprocessable(`Text is too long (maximum is ${APPEAL_LIMIT} characters)`);
  if (strike.overruled_at) throw unprocessable('This strike was already overruled');
  const now = ctx.clock.now();
  if (now.getTime() - Date.parse(strike.created_at) > APPEAL_WINDOW_MS) throw unprocessable('Strikes can be appealed within 20 days');
  if ((await appealsOfWarnings(ctx.db, [strike.id])).length > 0) throw unprocessable('This strike was already appealed');
  await insertAppeal(ctx.db, { id: newId(now.getTime()), account_warning_id: strike.id, account_id: account.id, text: body, approved_at: null, rejected_at: null, decided_by_account_id: null, created_at: now.toISOString() });
}

export async function decideAppeal(ctx: AppContext, moderator: AccountRow, appealId: string, approve: boolean): Promise<void> {
  const appeal = isId(appealId) ? await findAppeal(ctx.db, appealId) : undefined;
  if (!appeal) throw notFound();
  if (appeal.approved_at || appeal.rejected_at) throw unprocessable('This appeal was already decided');
  const strike = await findWarning(ctx.db, appeal.account_warning_id);
  const target = strike ? await findAccountById(ctx.db, strike.target_account_id) : undefined;
  if (!strike || !target) throw notFound();
  // A second pair of eyes: whoever issued the strike does not judge its appeal.
  if (strike.account_id === moderator.id) throw new AppError(403, 'A different moderator must decide this appeal');
  const nowIso = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    await updateAppeal(trx, appeal.id, approve ? { approved_at: nowIso, decided_by_account_id: moderator.id } : { rejected_at: nowIso, decided_by_account_id: moderator.id });
    if (approve) {
      await overruleWarning(trx, strike.id, nowIso);
      const undo = UNDO[strike.action as AccountAction];
      if (undo) await applyEffect(trx, target, undo, nowIso);
    }
    await audit(ctx, trx, moderator, {
      action: approve ? 'appeal.approve' : 'appeal.reject',
      targetType: 'account',
      targetId: target.id,
      summary: `@${moderator.username} ${approve ? 'approved' : 'rejected'} the appeal of @${target.username} against strike ${strike.id} (${strike.action})`,
    });
  });
}
