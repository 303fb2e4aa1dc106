// Every moderator and admin action goes through here, in the transaction of the action itself,
// so an action without its log entry cannot happen.
import type { AppContext } from '../../context.ts';
import { insertActionLog } from '../../db/repos/action-logs.ts';
import type { AccountRow } from '../../db/schema.ts';
import { newId } from '../../domain/ids.ts';
import type { Executor } from '../../jobs/queue.ts';

export const AUDIT_TARGET_TYPES = ['report', 'account', 'status', 'setting', 'domain_block', 'domain_allow', 'ip_block', 'email_domain_block', 'canonical_email_block', 'trend', 'application'] as const;
export type AuditTargetType = (typeof AUDIT_TARGET_TYPES)[number];

export interface AuditEntry {
  action: string;
  targetType: AuditTargetType;
  targetId: string;
  summary: string;
}

export async function audit(ctx: AppContext, exec: Executor, actor: Pick<AccountRow, 'id'>, entry: AuditEntry): Promise<void> {
  const now = ctx.clock.now();
  await insertActionLog(exec, { id: newId(now.getTime()), account_id: actor.id, action: entry.action, target_type: entry.targetType, target_id: entry.targetId, summary: entry.summary.slice(0, 2000), created_at: now.toISOString() });
}
