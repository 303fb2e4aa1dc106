import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { ReportDialog } from './ReportDialog.tsx';
import { account, fakeServer, renderApp, status } from '../test/harness.tsx';
import { credentials, instanceWithRules, USER_ROLE } from '../test/moderation-fixtures.ts';

function server() {
  localStorage.setItem('parley.token', 'tok');
  return fakeServer((method, url) => {
    if (url.pathname === '/api/v2/instance') return { body: instanceWithRules };
    if (url.pathname === '/api/v1/accounts/verify_credentials') return { body: credentials(USER_ROLE) };
    if (method === 'POST' && url.pathname === '/api/v1/reports') return { body: {} };
    return undefined;
  });
}

describe('ReportDialog', () => {
  afterEach(() => {
    cleanup();
    localStorage.clear();
  });

  it('offers spam, illegal content, rule violations and other reasons', () => {
    const { http } = server();
    renderApp(<ReportDialog account={account({ id: '01BOB', acct: 'bob' })} onClose={() => {}} />, http);
    const options = [...screen.getByLabelText('Reason').querySelectorAll('option')].map((o) => [o.value, o.textContent]);
    expect(options).toEqual([
      ['spam', 'Spam'],
      ['legal', 'Illegal content'],
      ['violation', 'Breaks the server rules'],
      ['other', 'Something else'],
    ]);
    expect(screen.queryByRole('group', { name: 'Which rules are broken?' })).toBeNull();
  });

  it('reports a post as a violation of the rules ticked, and only once a rule is ticked', async () => {
    const { http, calls } = server();
    renderApp(<ReportDialog account={account({ id: '01BOB', acct: 'bob' })} status={status({ id: '01POST' })} onClose={() => {}} />, http);
    fireEvent.change(screen.getByLabelText('Reason'), { target: { value: 'violation' } });
    const send = screen.getByRole('button', { name: 'Send report' }) as HTMLButtonElement;
    expect(send.disabled).toBe(true);
    const rule = await screen.findByRole('checkbox', { name: /Be kind/ });
    fireEvent.click(rule);
    expect(send.disabled).toBe(false);
    fireEvent.change(screen.getByLabelText('Additional comments'), { target: { value: 'rude replies' } });
    await act(async () => {
      fireEvent.click(send);
    });
    await screen.findByText('Thank you. The moderators will look at your report.');
    expect(calls.find((c) => c.path === '/api/v1/reports')?.body).toEqual({ account_id: '01BOB', status_ids: ['01POST'], comment: 'rude replies', category: 'violation', rule_ids: ['r2'] });
  });

  it('reports a profile as spam without citing rules', async () => {
    const { http, calls } = server();
    renderApp(<ReportDialog account={account({ id: '01BOB', acct: 'bob' })} onClose={() => {}} />, http);
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Send report' }));
    });
    await waitFor(() => expect(calls.find((c) => c.path === '/api/v1/reports')?.body).toEqual({ account_id: '01BOB', status_ids: [], comment: '', category: 'spam', rule_ids: [] }));
  });
});
