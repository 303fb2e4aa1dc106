// The admin API calls of the moderation screens (Mastodon's admin API plus Parley's report
// notes, appeals and audit log). Kept out of endpoints.ts so only the lazy moderation chunk has them.
import type { AdminAccountJson, AdminActionLogJson, AdminAppealJson, AdminAppJson, AdminReportJson, PolicyDecisionJson, ReportCategory } from '../../../api/entities.ts';
import type { Http } from '../api/http.ts';

const enc = encodeURIComponent;

/** What a moderator can do to an account; `none` is a warning (a strike without a sanction). */
export type AccountActionType = 'none' | 'sensitive' | 'disable' | 'silence' | 'suspend';
export const ACCOUNT_ACTION_TYPES: AccountActionType[] = ['none', 'sensitive', 'silence', 'suspend', 'disable'];

export type UndoAction = 'unsensitive' | 'enable' | 'unsilence' | 'unsuspend';
export type AccountStatusFilter = 'pending' | 'active' | 'silenced' | 'suspended' | 'disabled';

export interface AccountActionBody {
  type: AccountActionType;
  text: string;
  report_id?: string;
  rule_ids: string[];
  send_email_notification: boolean;
}

/**
 * The account search filters the server supports. Mastodon's `permissions=staff` and `ip` are not
 * among them: "staff" is asked as the moderator and admin roles, and there is no IP search yet.
 */
export interface AccountSearch {
  status?: AccountStatusFilter;
  username?: string;
  display_name?: string;
  email?: string;
  staff?: boolean;
}

/** The role ids the server gives staff (its roles are user, moderator and admin). */
const STAFF_ROLE_IDS = ['moderator', 'admin'];

export interface ActionLogFilter {
  account_id?: string;
  action?: string;
  target_type?: string;
  target_id?: string;
}

export function adminEndpoints(http: Http) {
  return {
    reports: (resolved: boolean, url?: string, limit?: number) => http.page<AdminReportJson>(url ?? '/api/v1/admin/reports', { query: url ? undefined : { resolved, limit } }),
    report: (id: string) => http.get<AdminReportJson>(`/api/v1/admin/reports/${enc(id)}`),
    reportAction: (id: string, action: 'assign_to_self' | 'unassign' | 'resolve' | 'reopen') => http.post<AdminReportJson>(`/api/v1/admin/reports/${enc(id)}/${action}`),
    updateReport: (id: string, body: { category?: ReportCategory; rule_ids?: string[] }) => http.put<AdminReportJson>(`/api/v1/admin/reports/${enc(id)}`, body),
    addNote: (id: string, content: string) => http.post<AdminReportJson>(`/api/v1/admin/reports/${enc(id)}/notes`, { content }),

    accounts: (status: AccountStatusFilter, username?: string, url?: string, limit?: number) =>
      http.page<AdminAccountJson>(url ?? '/api/v2/admin/accounts', { query: url ? undefined : { status, username: username || undefined, limit } }),
    searchAccounts: (f: AccountSearch, url?: string) =>
      http.page<AdminAccountJson>(url ?? '/api/v2/admin/accounts', {
        query: url
          ? undefined
          : { origin: 'local', status: f.status, username: f.username || undefined, display_name: f.display_name || undefined, email: f.email || undefined, role_ids: f.staff ? STAFF_ROLE_IDS : undefined },
      }),
    account: (id: string) => http.get<AdminAccountJson>(`/api/v1/admin/accounts/${enc(id)}`),
    act: (id: string, body: AccountActionBody) => http.post<unknown>(`/api/v1/admin/accounts/${enc(id)}/action`, body),
    undo: (id: string, undo: UndoAction) => http.post<AdminAccountJson>(`/api/v1/admin/accounts/${enc(id)}/${undo}`),
    review: (id: string, verdict: 'approve' | 'reject') => http.post<AdminAccountJson>(`/api/v1/admin/accounts/${enc(id)}/${verdict}`),

    appeals: (decided: boolean, url?: string, limit?: number) => http.page<AdminAppealJson>(url ?? '/api/v1/admin/appeals', { query: url ? undefined : { decided, limit } }),
    policyDecisions: (reviewed: boolean, url?: string) => http.page<PolicyDecisionJson>(url ?? '/api/v1/admin/policy_decisions', { query: url ? undefined : { reviewed } }),
    reviewPolicyDecision: (id: string, verdict: 'approve' | 'reject') => http.post<Record<string, never>>(`/api/v1/admin/policy_decisions/${enc(id)}/${verdict}`),
    decideAppeal: (id: string, verdict: 'approve' | 'reject') => http.post<AdminAppealJson>(`/api/v1/admin/appeals/${enc(id)}/${verdict}`),

    apps: (url?: string) => http.page<AdminAppJson>(url ?? '/api/v1/admin/apps'),
    updateApp: (id: string, body: { store_safe: boolean }) => http.put<AdminAppJson>(`/api/v1/admin/apps/${enc(id)}`, body),

    actionLogs: (filter: ActionLogFilter, url?: string) => http.page<AdminActionLogJson>(url ?? '/api/v1/admin/action_logs', { query: url ? undefined : { ...filter } }),
  };
}

export type AdminApi = ReturnType<typeof adminEndpoints>;
