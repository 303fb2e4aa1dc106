// Mastodon's AccountWarning (a strike) with its Appeal.
import type { Config } from '../config.ts';
import type { AccountWarningJson, AppealJson } from '../../api/entities.ts';
import type { AccountWarningRow, AppealRow } from '../db/repos/account-warnings.ts';
import type { AccountRow } from '../db/schema.ts';
import { serializeAccount } from './account.ts';
export type { AccountWarningJson };

export function serializeAppeal(a: AppealRow): AppealJson {
  return { text: a.text, state: a.approved_at ? 'approved' : a.rejected_at ? 'rejected' : 'pending' };
}

export function serializeWarning(config: Config, w: AccountWarningRow, target: AccountRow, appeal: AppealRow | undefined): AccountWarningJson {
  return {
    id: w.id,
    action: w.action as AccountWarningJson['action'],
    text: w.text,
    status_ids: w.status_ids ? (JSON.parse(w.status_ids) as string[]) : null,
    target_account: serializeAccount(config, target),
    appeal: appeal ? serializeAppeal(appeal) : null,
    created_at: w.created_at,
    rule_ids: w.rule_ids ? (JSON.parse(w.rule_ids) as string[]) : [],
    overruled: w.overruled_at !== null,
  };
}
