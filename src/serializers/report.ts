// Mastodon's Report entity, as the reporter sees it.
import type { Config } from '../config.ts';
import type { ReportCategory, ReportJson } from '../../api/entities.ts';
import type { AccountRow } from '../db/schema.ts';
import type { ReportRow } from '../db/repos/reports.ts';
import { serializeAccount } from './account.ts';
export type { ReportJson };

export function serializeReport(config: Config, report: ReportRow, statusIds: string[], target: AccountRow): ReportJson {
  return {
    id: report.id,
    action_taken: report.action_taken_at !== null,
    action_taken_at: report.action_taken_at,
    category: report.category as ReportCategory,
    comment: report.comment,
    forwarded: report.forwarded === 1,
    created_at: report.created_at,
    status_ids: statusIds,
    rule_ids: report.rule_ids ? (JSON.parse(report.rule_ids) as string[]) : null,
    target_account: serializeAccount(config, target),
  };
}
