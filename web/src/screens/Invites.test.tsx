import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import Invites from './Invites.tsx';
import { account, fakeServer, renderApp } from '../test/harness.tsx';

const soon = new Date(Date.now() + 2 * 86_400_000).toISOString();

function invite(over: Record<string, unknown> = {}) {
  return {
    id: '01INVITEOLD',
    code: 'abcdEFGH2345',
    url: 'http://localhost/invite/abcdEFGH2345',
    uses: 2,
    max_uses: 10,
    expires_at: soon,
    autofollow: false,
    created_at: '2030-01-01T00:00:00.000Z',
    revoked_at: null,
    state: 'active',
    inviter: account(),
    ...over,
  };
}

function server(opts: { mayInvite?: boolean } = {}) {
  localStorage.setItem('parley.token', 'tok');
  const existing = [invite(), invite({ id: '01INVITESPENT', code: 'spentSPENT23', url: 'http://localhost/invite/spentSPENT23', uses: 1, max_uses: 1, state: 'used_up' })];
  return fakeServer((method, url, body) => {
    if (url.pathname === '/api/v1/accounts/verify_credentials') return { body: account() };
    if (method === 'GET' && url.pathname === '/api/v1/parley/invites') return { body: existing };
    if (method === 'POST' && url.pathname === '/api/v1/parley/invites') {
      if (opts.mayInvite === false) return { status: 403, body: { error: 'Only moderators and admins can create invites on this server' } };
      const b = body as { max_uses: string; autofollow: boolean };
      return { body: invite({ id: '01INVITENEW', code: 'newNEWnew234', url: 'http://localhost/invite/newNEWnew234', uses: 0, max_uses: b.max_uses ? Number(b.max_uses) : null, expires_at: null, autofollow: b.autofollow }) };
    }
    if (method === 'DELETE' && url.pathname.startsWith('/api/v1/parley/invites/')) return { body: {} };
    return undefined;
  });
}

describe('Invites', () => {
  afterEach(() => {
    cleanup();
    localStorage.clear();
  });

  it('lists invite links with their uses and expiry, and only active ones can be revoked', async () => {
    const { http } = server();
    renderApp(<Invites />, http);
    const active = await screen.findByRole('article', { name: 'Invite abcdEFGH2345' });
    expect((within(active).getByLabelText('Invite link') as HTMLInputElement).value).toBe('http://localhost/invite/abcdEFGH2345');
    expect(within(active).getByText(/2 of 10 uses · Expires in 2 days/)).toBeTruthy();
    const spent = screen.getByRole('article', { name: 'Invite spentSPENT23' });
    expect(within(spent).getByText(/1 of 1 uses · Used up/)).toBeTruthy();
    expect(within(spent).queryByRole('button')).toBeNull();
  });

  it('creates an invite with the chosen limits and shows it first', async () => {
    const { http, calls } = server();
    renderApp(<Invites />, http);
    await screen.findByRole('article', { name: 'Invite abcdEFGH2345' });
    const maxUses = screen.getByLabelText('Maximum number of uses') as HTMLSelectElement;
    expect([...maxUses.options].map((o) => o.textContent)).toEqual(['No limit', '1 use', '5 uses', '10 uses', '25 uses', '50 uses', '100 uses']);
    const expires = screen.getByLabelText('Expire after') as HTMLSelectElement;
    expect([...expires.options].map((o) => o.textContent)).toEqual(['30 minutes', '1 hour', '6 hours', '12 hours', '1 day', '1 week', 'Never']);
    expect(expires.value).toBe('604800');

    fireEvent.change(maxUses, { target: { value: '1' } });
    fireEvent.change(expires, { target: { value: '' } });
    fireEvent.click(screen.getByLabelText('People who sign up with this link follow me'));
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Create invite link' }));
    });
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({ max_uses: '1', expires_in: '', autofollow: true });
    expect(screen.getByRole('status').textContent).toBe('Invite link created.');
    const items = screen.getAllByRole('article');
    expect(items[0]!.getAttribute('aria-label')).toBe('Invite newNEWnew234');
    expect(within(items[0]!).getByText(/0 of 1 uses · Never expires · New accounts follow you/)).toBeTruthy();
  });

  it('copies a link and revokes an invite', async () => {
    const { http, calls } = server();
    renderApp(<Invites />, http);
    await screen.findByRole('article', { name: 'Invite abcdEFGH2345' });
    const writeText = vi.fn(async () => undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Copy invite link abcdEFGH2345' }));
    });
    expect(writeText).toHaveBeenCalledWith('http://localhost/invite/abcdEFGH2345');
    expect(screen.getByRole('status').textContent).toBe('Link copied.');

    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Revoke invite abcdEFGH2345' }));
    });
    expect(calls.some((c) => c.method === 'DELETE' && c.path === '/api/v1/parley/invites/01INVITEOLD')).toBe(true);
    const revoked = screen.getByRole('article', { name: 'Invite abcdEFGH2345' });
    expect(within(revoked).getByText(/Revoked/)).toBeTruthy();
    expect(within(revoked).queryByRole('button')).toBeNull();
  });

  it('shows the server’s refusal when the person may not invite', async () => {
    const { http } = server({ mayInvite: false });
    renderApp(<Invites />, http);
    await screen.findByRole('article', { name: 'Invite abcdEFGH2345' });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Create invite link' }));
    });
    expect(screen.getByRole('alert').textContent).toBe('Only moderators and admins can create invites on this server');
    expect(screen.getAllByRole('article')).toHaveLength(2);
  });

  it('speaks German', async () => {
    const { http } = server();
    renderApp(<Invites />, http, 'de');
    expect(await screen.findByRole('heading', { name: 'Einladungen' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Einladungslink erstellen' })).toBeTruthy();
  });
});
