import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import Moderation from './Moderation.tsx';
import { fakeServer, renderApp, status } from '../test/harness.tsx';
import { adminAccount, adminReport, credentials, instanceWithRules, USER_ROLE } from '../test/moderation-fixtures.ts';
import type { Handler } from '../test/harness.tsx';
import type { AdminReportJson } from '../../../api/entities.ts';

/** A signed-in moderator whose token already has the admin scopes. */
function moderator(handler: Handler, role = credentials().role) {
  localStorage.setItem('parley.token', 'tok');
  localStorage.setItem('parley.token.scope', 'read write follow push admin:read admin:write');
  return fakeServer((method, url, body) => {
    if (url.pathname === '/api/v2/instance') return { body: instanceWithRules };
    if (url.pathname === '/api/v1/accounts/verify_credentials') return { body: credentials(role) };
    return handler(method, url, body);
  });
}

const page = (items: unknown[]) => ({ body: items });

describe('the moderation screens', () => {
  afterEach(() => {
    cleanup();
    localStorage.clear();
  });

  it('are closed to ordinary people', async () => {
    const { http, calls } = moderator(() => undefined, USER_ROLE);
    renderApp(<Moderation screen={{ kind: 'dashboard' }} />, http);
    expect(await screen.findByText('Only moderators and admins can see this.')).toBeTruthy();
    expect(calls.some((c) => c.path.startsWith('/api/v1/admin'))).toBe(false);
  });

  it('ask staff to grant the admin scopes when their token lacks them', async () => {
    const { http } = moderator(() => undefined);
    localStorage.setItem('parley.token.scope', 'read write follow push');
    renderApp(<Moderation screen={{ kind: 'dashboard' }} />, http);
    expect(await screen.findByRole('button', { name: 'Allow moderation access' })).toBeTruthy();
  });

  it('list open reports by deadline with overdue and escalated ones flagged, and count what waits', async () => {
    const reports = [
      adminReport({ id: 'R1', overdue: true, escalated_at: new Date().toISOString(), deadline_at: new Date(Date.now() - 2 * 3600_000).toISOString(), target_account: adminAccount({}, 'late') }),
      adminReport({ id: 'R2', target_account: adminAccount({}, 'fresh') }),
    ];
    const { http } = moderator((_m, url) => {
      if (url.pathname === '/api/v1/admin/reports') return page(url.searchParams.get('resolved') === 'false' ? reports : []);
      // A full page of appeals: there may be more.
      if (url.pathname === '/api/v1/admin/appeals') return page(Array.from({ length: 100 }, () => ({})));
      if (url.pathname === '/api/v2/admin/accounts') return page(url.searchParams.get('status') === 'pending' ? [adminAccount({ approved: false }, 'newbie')] : []);
      return undefined;
    });
    renderApp(<Moderation screen={{ kind: 'dashboard' }} />, http);
    const late = (await screen.findByRole('link', { name: 'Report on @late' })).closest('li')!;
    expect(late.className).toContain('urgent');
    expect(within(late).getByText('Escalated')).toBeTruthy();
    expect(within(late).getByText('Overdue: the deadline passed 2 hours ago')).toBeTruthy();
    const fresh = screen.getByRole('link', { name: 'Report on @fresh' }).closest('li')!;
    expect(fresh.className).not.toContain('urgent');
    expect(within(fresh).getByText(/^Due in [45] hours$/)).toBeTruthy();
    const counts = () => Object.fromEntries([...document.querySelectorAll('.mod-counts > div')].map((d) => [d.querySelector('dt')!.textContent, d.querySelector('dd')!.textContent]));
    await waitFor(() => expect(counts()).toEqual({ 'Open reports': '2', Overdue: '1', 'Pending appeals': '100+', 'Pending sign-ups': '1' }));
  });

  it('show a report with its cited posts, the copies of deleted and private ones, and its notes', async () => {
    let report: AdminReportJson = adminReport({
      statuses: [status({ id: 'S1', content: '<p>Buy my watches</p>' })],
      snapshots: [
        { status_id: 'S1', content: '<p>Buy my watches</p>', spoiler_text: '', visibility: 'public', created_at: '2025-05-01T00:00:00Z', deleted: false },
        { status_id: 'S2', content: '<p>Gone now</p>', spoiler_text: '', visibility: 'public', created_at: '2025-05-01T00:00:00Z', deleted: true },
        { status_id: 'S3', content: '<p>Only followers</p>', spoiler_text: '', visibility: 'private', created_at: '2025-05-01T00:00:00Z', deleted: false },
      ],
    });
    const { http, calls } = moderator((method, url, body) => {
      if (method === 'POST' && url.pathname === '/api/v1/admin/reports/01REPORT/notes') {
        report = { ...report, notes: [{ id: 'N1', content: (body as { content: string }).content, created_at: new Date().toISOString(), account: credentials() }] };
        return { body: report };
      }
      if (url.pathname === '/api/v1/admin/reports/01REPORT') return { body: report };
      return undefined;
    });
    renderApp(<Moderation screen={{ kind: 'report', id: '01REPORT' }} />, http);
    await screen.findByRole('heading', { name: 'Report on @bob', level: 1 });
    const posts = screen.getByRole('region', { name: 'Cited posts' });
    const items = within(posts).getAllByRole('listitem');
    expect(items).toHaveLength(3);
    expect(items[0]!.textContent).toContain('Buy my watches');
    expect(within(items[1]!).getByText('Deleted')).toBeTruthy();
    expect(items[1]!.textContent).toContain('Gone now');
    expect(within(items[2]!).getByText('Followers only')).toBeTruthy();
    expect(screen.getByText('Selling things')).toBeTruthy();
    expect(within(screen.getByText('Rules cited').parentElement!).getByText('No spam')).toBeTruthy();

    fireEvent.change(screen.getByLabelText('Note for the other moderators'), { target: { value: 'Seen him before' } });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Add note' }));
    });
    expect(await screen.findByText('Seen him before')).toBeTruthy();
    expect(calls.find((c) => c.path.endsWith('/notes'))?.body).toEqual({ content: 'Seen him before' });
  });

  it('act on the reported account with the reason, cited rules and e-mail choice, resolving the report', async () => {
    let report = adminReport();
    const { http, calls } = moderator((method, url) => {
      if (method === 'POST' && url.pathname === '/api/v1/admin/accounts/01BOB/action') {
        report = { ...report, action_taken: true, action_taken_at: new Date().toISOString() };
        return { body: {} };
      }
      if (url.pathname === '/api/v1/admin/reports/01REPORT') return { body: report };
      return undefined;
    });
    renderApp(<Moderation screen={{ kind: 'report', id: '01REPORT' }} />, http);
    fireEvent.click(await screen.findByRole('radio', { name: /^Suspend/ }));
    fireEvent.change(screen.getByLabelText('Reason (the person will read it)'), { target: { value: 'Scam shop' } });
    const rules = screen.getByRole('group', { name: 'Rules broken' });
    expect((within(rules).getByRole('checkbox', { name: 'No spam' }) as HTMLInputElement).checked).toBe(true);
    fireEvent.click(within(rules).getByRole('checkbox', { name: /Be kind/ }));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Notify them by e-mail' }));
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Apply: Suspend' }));
    });
    expect(await screen.findByText('This report is resolved.')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Reopen' })).toBeTruthy();
    expect(calls.find((c) => c.path.endsWith('/action'))?.body).toEqual({ type: 'suspend', text: 'Scam shop', report_id: '01REPORT', rule_ids: ['r1', 'r2'], send_email_notification: false });
  });

  it('dismiss, assign and release a report', async () => {
    let report = adminReport();
    const { http, calls } = moderator((method, url) => {
      const m = /^\/api\/v1\/admin\/reports\/01REPORT\/(\w+)$/.exec(url.pathname);
      if (method === 'POST' && m) {
        if (m[1] === 'assign_to_self') report = { ...report, assigned_account: adminAccount({}, 'mod') };
        if (m[1] === 'unassign') report = { ...report, assigned_account: null };
        if (m[1] === 'resolve') report = { ...report, action_taken: true };
        return { body: report };
      }
      if (url.pathname === '/api/v1/admin/reports/01REPORT') return { body: report };
      return undefined;
    });
    renderApp(<Moderation screen={{ kind: 'report', id: '01REPORT' }} />, http);
    const click = async (name: string) => {
      const button = await screen.findByRole('button', { name });
      await act(async () => {
        fireEvent.click(button);
      });
    };
    await click('Assign to me');
    await click('Release');
    await click('Dismiss (resolve without action)');
    expect(await screen.findByText('This report is resolved.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: /^Apply/ })).toBeNull();
    expect(calls.filter((c) => c.method === 'POST').map((c) => c.path.split('/').pop())).toEqual(['assign_to_self', 'unassign', 'resolve']);
  });

  it('offer to lift each active sanction on an account', async () => {
    let bob = adminAccount({ silenced: true, disabled: true });
    const { http, calls } = moderator((method, url) => {
      if (method === 'POST' && url.pathname === '/api/v1/admin/accounts/01BOB/unsilence') {
        bob = { ...bob, silenced: false };
        return { body: bob };
      }
      if (url.pathname === '/api/v1/admin/accounts/01BOB') return { body: bob };
      if (url.pathname === '/api/v1/admin/action_logs') return page([]);
      return undefined;
    });
    renderApp(<Moderation screen={{ kind: 'account', id: '01BOB' }} />, http);
    await screen.findByRole('heading', { name: '@bob', level: 1 });
    expect(screen.getByRole('button', { name: 'Enable login' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Lift suspension' })).toBeNull();
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Lift limit' }));
    });
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Lift limit' })).toBeNull());
    expect(calls.some((c) => c.method === 'POST' && c.path === '/api/v1/admin/accounts/01BOB/unsilence')).toBe(true);
    expect(calls.some((c) => c.path.startsWith('/api/v1/admin/action_logs?target_type=account&target_id=01BOB'))).toBe(true);
  });

  it('show the server’s refusal when a moderator decides an appeal of their own strike', async () => {
    const appeal = { id: 'A1', text: 'Please reconsider', state: 'pending', created_at: new Date().toISOString(), account: adminAccount().account, strike: { id: 'S', action: 'none', text: 'Be nice', status_ids: null, target_account: adminAccount().account, appeal: null, created_at: new Date().toISOString(), rule_ids: [], overruled: false } };
    const { http } = moderator((method, url) => {
      if (method === 'POST' && url.pathname === '/api/v1/admin/appeals/A1/approve') return { status: 403, body: { error: 'You issued this strike: another moderator must decide the appeal' } };
      if (url.pathname === '/api/v1/admin/appeals') return page([appeal]);
      return undefined;
    });
    renderApp(<Moderation screen={{ kind: 'appeals' }} />, http);
    const item = await screen.findByRole('article', { name: 'Appeal by @bob' });
    expect(within(item).getByText(/Warning — Be nice/)).toBeTruthy();
    await act(async () => {
      fireEvent.click(within(item).getByRole('button', { name: 'Approve appeal' }));
    });
    expect((await within(item).findByRole('alert')).textContent).toBe('You issued this strike: another moderator must decide the appeal');
  });

  it('approve a pending sign-up and take it off the queue', async () => {
    const { http, calls } = moderator((method, url) => {
      if (method === 'POST' && url.pathname === '/api/v1/admin/accounts/01DORA/approve') return { body: adminAccount({}, 'dora') };
      if (url.pathname === '/api/v2/admin/accounts') return page([adminAccount({ approved: false, invite_request: 'I run the local choir' }, 'dora')]);
      return undefined;
    });
    renderApp(<Moderation screen={{ kind: 'signUps' }} />, http);
    expect(await screen.findByText('I run the local choir')).toBeTruthy();
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Approve @dora' }));
    });
    expect(await screen.findByText('@dora was approved.')).toBeTruthy();
    expect(screen.queryByText('I run the local choir')).toBeNull();
    expect(calls.find((c) => c.path === '/api/v2/admin/accounts?status=pending')).toBeTruthy();
  });

  it('list automated decisions with their verdicts and the held post, and approve one', async () => {
    const decision = {
      id: '01DECISION',
      subject_type: 'status',
      subject_id: '01HELDPOST',
      action: 'hold',
      verdicts: [{ policy: 'keywords', action: 'hold', reason: 'Possible scam' }],
      created_at: '2026-11-26T10:00:00.000Z',
      reviewed_at: null,
      outcome: null,
      account: adminAccount({}, 'dora').account,
      status: { id: '01HELDPOST', content: '<p>crypto giveaway</p>', spoiler_text: '', visibility: 'public', created_at: '2026-11-26T10:00:00.000Z', held: true },
    };
    const { http, calls } = moderator((method, url) => {
      if (url.pathname === '/api/v1/admin/policy_decisions') return page([decision]);
      if (method === 'POST' && url.pathname === '/api/v1/admin/policy_decisions/01DECISION/approve') return { body: {} };
      return undefined;
    });
    renderApp(<Moderation screen={{ kind: 'automated' }} />, http);
    const item = await screen.findByRole('article', { name: 'Post by @dora' });
    expect(within(item).getByText('crypto giveaway')).toBeTruthy();
    expect(within(item).getByText('Held: only the author sees it')).toBeTruthy();
    expect(within(item).getByText(/Possible scam/)).toBeTruthy();
    await act(async () => {
      fireEvent.click(within(item).getByRole('button', { name: 'Approve' }));
    });
    expect(await within(item).findByText('Reviewed: approved')).toBeTruthy();
    expect(calls.some((c) => c.method === 'POST' && c.path === '/api/v1/admin/policy_decisions/01DECISION/approve')).toBe(true);
  });
});
