import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import Moderation from './Moderation.tsx';
import { fakeServer, renderApp, status } from '../test/harness.tsx';
import { adminAccount, adminReport, credentials, instanceWithRules, USER_ROLE } from '../test/moderation-fixtures.ts';
import type { Handler } from '../test/harness.tsx';
import type { AdminAppJson, AdminReportJson } from '../../../api/entities.ts';

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

/** An admin's role as the server describes it: every permission bit, `administrator` included. */
const ADMIN_ROLE = { id: 'admin', name: 'Admin', color: '', permissions: '1048575', highlighted: true };

/** Puts the browser at a moderation URL, for the section navigation's current item. */
function visit(path: string) {
  history.pushState(null, '', path);
}

/** The report's facts as shown: term to description. */
const facts = () => Object.fromEntries([...document.querySelectorAll('.mod-facts > div')].map((d) => [d.querySelector('dt')!.textContent, d.querySelector('dd')!.textContent]));

function app(over: Partial<AdminAppJson> = {}): AdminAppJson {
  return { id: '01APP', name: 'Parley for iOS', website: 'https://ios.p.example', store_safe: false, created_at: '2025-01-01T00:00:00.000Z', users_count: 12, ...over };
}

describe('the moderation screens', () => {
  afterEach(() => {
    cleanup();
    localStorage.clear();
    history.pushState(null, '', '/');
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

  it('recategorise a report as a violation of other rules, or as spam, showing the server’s answer', async () => {
    let report = adminReport();
    const { http, calls } = moderator((method, url, body) => {
      if (method === 'PUT' && url.pathname === '/api/v1/admin/reports/01REPORT') {
        const b = body as { category: AdminReportJson['category']; rule_ids: string[] };
        const rules = [{ id: 'r1', text: 'No spam', hint: '', translations: {} }, { id: 'r2', text: 'Be kind', hint: 'No harassment', translations: {} }];
        report = { ...report, category: b.category, rules: rules.filter((r) => b.rule_ids.includes(r.id)) };
        return { body: report };
      }
      if (url.pathname === '/api/v1/admin/reports/01REPORT') return { body: report };
      return undefined;
    });
    renderApp(<Moderation screen={{ kind: 'report', id: '01REPORT' }} />, http);
    const form = await screen.findByRole('form', { name: 'Change the category' });
    expect(facts()).toMatchObject({ Category: 'Rule violation', 'Rules cited': 'No spam' });
    const save = within(form).getByRole('button', { name: 'Save category' }) as HTMLButtonElement;
    expect((within(form).getByRole('radio', { name: 'Rule violation' }) as HTMLInputElement).checked).toBe(true);
    expect(save.disabled).toBe(true);

    // A violation must name a rule: with none chosen there is nothing to send.
    const rules = within(form).getByRole('group', { name: 'Rules it breaks' });
    fireEvent.click(within(rules).getByRole('checkbox', { name: 'No spam' }));
    expect(within(form).getByText('Choose at least one rule for a rule violation.')).toBeTruthy();
    expect(save.disabled).toBe(true);
    fireEvent.click(within(rules).getByRole('checkbox', { name: /Be kind/ }));
    await act(async () => {
      fireEvent.click(save);
    });
    expect(await within(form).findByText('Category saved. The change is in the audit log.')).toBeTruthy();
    expect(facts()).toMatchObject({ Category: 'Rule violation', 'Rules cited': 'Be kind' });
    // The action form now cites the report's new rule.
    const actionRules = screen.getByRole('group', { name: 'Rules broken' });
    expect((within(actionRules).getByRole('checkbox', { name: /Be kind/ }) as HTMLInputElement).checked).toBe(true);
    expect((within(actionRules).getByRole('checkbox', { name: 'No spam' }) as HTMLInputElement).checked).toBe(false);

    fireEvent.click(within(form).getByRole('radio', { name: 'Spam' }));
    expect(within(form).queryByRole('group', { name: 'Rules it breaks' })).toBeNull();
    await act(async () => {
      fireEvent.click(save);
    });
    await waitFor(() => expect(facts().Category).toBe('Spam'));
    expect(facts()['Rules cited']).toBeUndefined();
    expect(calls.filter((c) => c.method === 'PUT').map((c) => c.body)).toEqual([
      { category: 'violation', rule_ids: ['r2'] },
      { category: 'spam', rule_ids: [] },
    ]);
  });

  it('keep a report’s category when the server refuses the change, and say why', async () => {
    const report = adminReport({ category: 'spam', rules: [] });
    const { http } = moderator((method, url) => {
      if (method === 'PUT' && url.pathname === '/api/v1/admin/reports/01REPORT') return { status: 422, body: { error: 'rule_ids contains unknown rules: r2' } };
      if (url.pathname === '/api/v1/admin/reports/01REPORT') return { body: report };
      return undefined;
    });
    renderApp(<Moderation screen={{ kind: 'report', id: '01REPORT' }} />, http);
    const form = await screen.findByRole('form', { name: 'Change the category' });
    fireEvent.click(within(form).getByRole('radio', { name: 'Other' }));
    await act(async () => {
      fireEvent.click(within(form).getByRole('button', { name: 'Save category' }));
    });
    expect((await within(form).findByRole('alert')).textContent).toBe('rule_ids contains unknown rules: r2');
    expect(within(form).queryByRole('status')).toBeNull();
    expect(facts().Category).toBe('Spam');
  });

  it('search local accounts with the filters the server supports, each result opening the account', async () => {
    visit('/moderation/accounts');
    const { http, calls } = moderator((_m, url) => {
      if (url.pathname !== '/api/v2/admin/accounts') return undefined;
      return page(url.searchParams.get('status') === 'suspended' ? [adminAccount({ suspended: true }, 'mallory')] : [adminAccount({}, 'bob'), adminAccount({}, 'carol')]);
    });
    renderApp(<Moderation screen={{ kind: 'accountSearch' }} />, http);
    await screen.findByRole('heading', { name: 'Accounts', level: 1 });
    expect(screen.getByRole('link', { name: 'Accounts' }).getAttribute('aria-current')).toBe('page');
    expect(await screen.findByRole('link', { name: '@carol' })).toBeTruthy();
    expect(calls.some((c) => c.path === '/api/v2/admin/accounts?origin=local')).toBe(true);
    expect(screen.queryByLabelText(/IP/)).toBeNull();

    const form = screen.getByRole('form', { name: 'Search accounts' });
    fireEvent.change(within(form).getByLabelText('Username'), { target: { value: ' mal ' } });
    fireEvent.change(within(form).getByLabelText('Display name'), { target: { value: 'Mallory' } });
    fireEvent.change(within(form).getByLabelText('E-mail'), { target: { value: 'example.com' } });
    fireEvent.change(within(form).getByLabelText('State'), { target: { value: 'suspended' } });
    fireEvent.click(within(form).getByRole('checkbox', { name: 'Staff only (moderators and admins)' }));
    await act(async () => {
      fireEvent.click(within(form).getByRole('button', { name: 'Search' }));
    });
    const result = await screen.findByRole('link', { name: '@mallory' });
    expect(result.getAttribute('href')).toBe('/moderation/accounts/01MALLORY');
    expect(within(result.closest('li')!).getByText('Suspended')).toBeTruthy();
    expect(screen.queryByRole('link', { name: '@carol' })).toBeNull();
    const searched = new URL(calls.filter((c) => c.path.startsWith('/api/v2/admin/accounts')).at(-1)!.path, 'http://localhost').searchParams;
    // Staff are asked for by role, as the server has no `permissions=staff`.
    expect([...searched]).toEqual([
      ['origin', 'local'],
      ['status', 'suspended'],
      ['username', 'mal'],
      ['display_name', 'Mallory'],
      ['email', 'example.com'],
      ['role_ids[]', 'moderator'],
      ['role_ids[]', 'admin'],
    ]);
  });

  it('let an admin mark an app store-safe, showing what the server answered', async () => {
    visit('/moderation/apps');
    let ios = app();
    const { http, calls } = moderator((method, url, body) => {
      if (method === 'PUT' && url.pathname === '/api/v1/admin/apps/01APP') {
        ios = { ...ios, store_safe: (body as { store_safe: boolean }).store_safe };
        return { body: ios };
      }
      if (method === 'PUT' && url.pathname === '/api/v1/admin/apps/01WEB') return { status: 403, body: { error: 'This action is not allowed' } };
      if (url.pathname === '/api/v1/admin/apps') return page([ios, app({ id: '01WEB', name: 'Web', website: 'javascript:alert(1)' })]);
      return undefined;
    }, ADMIN_ROLE);
    renderApp(<Moderation screen={{ kind: 'apps' }} />, http);
    const item = await screen.findByRole('article', { name: 'Parley for iOS' });
    expect(screen.getByRole('link', { name: 'Apps' }).getAttribute('aria-current')).toBe('page');
    expect(screen.getByText(/never shows its users other people’s posts labelled sensitive or held for review/)).toBeTruthy();
    expect(within(item).getByRole('link', { name: 'https://ios.p.example' })).toBeTruthy();
    expect(within(item).getByText(/People using it: 12/)).toBeTruthy();
    const toggle = within(item).getByRole('switch', { name: 'Store-safe' }) as HTMLInputElement;
    expect(toggle.checked).toBe(false);
    await act(async () => {
      fireEvent.click(toggle);
    });
    await waitFor(() => expect(toggle.checked).toBe(true));
    expect(calls.filter((c) => c.method === 'PUT').map((c) => [c.path, c.body])).toEqual([['/api/v1/admin/apps/01APP', { store_safe: true }]]);

    // A refused change leaves the switch as the server has it.
    const web = screen.getByRole('article', { name: 'Web' });
    expect(within(web).queryByRole('link')).toBeNull();
    const webToggle = within(web).getByRole('switch', { name: 'Store-safe' }) as HTMLInputElement;
    await act(async () => {
      fireEvent.click(webToggle);
    });
    expect((await within(web).findByRole('alert')).textContent).toBe('This action is not allowed');
    expect(webToggle.checked).toBe(false);
  });

  it('keep the apps screen from moderators who are not admins', async () => {
    visit('/moderation/apps');
    const { http, calls } = moderator(() => undefined);
    renderApp(<Moderation screen={{ kind: 'apps' }} />, http);
    expect(await screen.findByText('Only admins can see and change the apps.')).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'Apps' })).toBeNull();
    expect(screen.getByRole('link', { name: 'Accounts' })).toBeTruthy();
    expect(calls.some((c) => c.path.startsWith('/api/v1/admin/apps'))).toBe(false);
  });
});
