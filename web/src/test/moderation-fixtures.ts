// Admin API entities for the moderation component tests.
import type { AccountWarningJson, AdminAccountJson, AdminReportJson } from '../../../api/entities.ts';
import { account, instance } from './harness.tsx';

export const RULES = [
  { id: 'r1', text: 'No spam', hint: '' },
  { id: 'r2', text: 'Be kind', hint: 'No harassment' },
];

/** The instance as the server describes it, with rules to cite. */
export const instanceWithRules = { ...instance, rules: RULES };

export const MODERATOR_ROLE = { id: 'moderator', name: 'Moderator', color: '', permissions: '1308', highlighted: true };
export const USER_ROLE = { id: 'user', name: '', color: '', permissions: '65536', highlighted: false };

export function adminAccount(over: Partial<AdminAccountJson> = {}, acct = 'bob'): AdminAccountJson {
  return {
    id: `01${acct.toUpperCase()}`,
    username: acct,
    domain: null,
    created_at: '2025-01-01T00:00:00.000Z',
    email: `${acct}@example.com`,
    ip: null,
    ips: [],
    locale: 'en',
    invite_request: null,
    role: USER_ROLE,
    confirmed: true,
    approved: true,
    disabled: false,
    silenced: false,
    suspended: false,
    sensitized: false,
    account: account({ id: `01${acct.toUpperCase()}`, username: acct, acct, display_name: acct }),
    created_by_application_id: null,
    invited_by_account_id: null,
    ...over,
  };
}

export function adminReport(over: Partial<AdminReportJson> = {}): AdminReportJson {
  return {
    id: '01REPORT',
    action_taken: false,
    action_taken_at: null,
    category: 'violation',
    comment: 'Selling things',
    forwarded: false,
    created_at: new Date(Date.now() - 3600_000).toISOString(),
    updated_at: new Date().toISOString(),
    account: adminAccount({}, 'carol'),
    target_account: adminAccount({}, 'bob'),
    assigned_account: null,
    action_taken_by_account: null,
    statuses: [],
    rules: [{ id: 'r1', text: 'No spam', hint: '', translations: {} }],
    deadline_at: new Date(Date.now() + 5 * 3600_000).toISOString(),
    overdue: false,
    escalated_at: null,
    snapshots: [],
    notes: [],
    ...over,
  };
}

export function strike(over: Partial<AccountWarningJson> = {}): AccountWarningJson {
  return {
    id: '01STRIKE',
    action: 'silence',
    text: 'Advertising is not allowed.',
    status_ids: null,
    target_account: account(),
    appeal: null,
    created_at: '2025-05-01T00:00:00.000Z',
    rule_ids: ['r1'],
    overruled: false,
    ...over,
  };
}

/** verify_credentials for a signed-in moderator (or, with USER_ROLE, an ordinary person). */
export function credentials(role = MODERATOR_ROLE) {
  return { ...account({ id: '01MOD', username: 'mod', acct: 'mod' }), source: {}, role };
}
