import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import SignUp from './SignUp.tsx';
import { solveProofOfWork } from '../../../api/proof-of-work-solver.ts';
import { account, fakeServer, instance, renderApp, type Handler } from '../test/harness.tsx';

const CHALLENGE = 'pow1.sign_up.6.1893456000.abcdefghijklmnop.macmacmacmacmacmacmacm';

function signUpHandler(powRequired: boolean): Handler {
  return (method, url) => {
    if (url.pathname === '/api/v1/instance/rules') return { body: [] };
    if (url.pathname === '/api/v1/parley/proof_of_work') {
      return { body: powRequired ? { required: true, algorithm: 'sha256-leading-zero-bits', challenge: CHALLENGE, difficulty: 6, expires_at: new Date(Date.now() + 600_000).toISOString() } : { required: false } };
    }
    if (url.pathname === '/api/v1/apps') return { body: { client_id: 'cid', client_secret: 'secret' } };
    if (url.pathname === '/oauth/token') return { body: { access_token: 'app-token', token_type: 'Bearer', scope: 'read', created_at: 0 } };
    if (method === 'POST' && url.pathname === '/api/v1/accounts') return { body: { access_token: 'user-token', token_type: 'Bearer', scope: 'read', created_at: 0 } };
    if (url.pathname === '/api/v1/accounts/verify_credentials') return { body: { ...account(), source: { note: '', fields: [] }, role: {} } };
    return undefined;
  };
}

const server = (powRequired: boolean) => fakeServer(signUpHandler(powRequired));

async function fillAndSubmit() {
  fireEvent.change(await screen.findByLabelText('Username'), { target: { value: 'newbie' } });
  fireEvent.change(screen.getByLabelText('E-mail address'), { target: { value: 'newbie@example.com' } });
  fireEvent.change(screen.getByLabelText('Password'), { target: { value: 'a long password 1' } });
  fireEvent.change(screen.getByLabelText('Confirm password'), { target: { value: 'a long password 1' } });
  fireEvent.click(screen.getByRole('checkbox'));
  await act(async () => {
    fireEvent.click(screen.getByRole('button', { name: 'Sign up' }));
  });
}

describe('Sign-up with proof of work', () => {
  afterEach(() => {
    cleanup();
    localStorage.clear();
  });

  it('solves the server’s challenge and sends the proof with the sign-up', async () => {
    const { http, calls } = server(true);
    renderApp(<SignUp />, http);
    await fillAndSubmit();
    await waitFor(() => expect(calls.some((c) => c.method === 'POST' && c.path === '/api/v1/accounts')).toBe(true));
    const sent = calls.find((c) => c.method === 'POST' && c.path === '/api/v1/accounts')!.body as { proof: string; username: string };
    expect(sent.username).toBe('newbie');
    expect(sent.proof).toBe(`${CHALLENGE}:${solveProofOfWork(CHALLENGE, 6)}`);
  });

  it('sends no proof when the server asks for none', async () => {
    const { http, calls } = server(false);
    renderApp(<SignUp />, http);
    await fillAndSubmit();
    await waitFor(() => expect(calls.some((c) => c.method === 'POST' && c.path === '/api/v1/accounts')).toBe(true));
    expect(calls.find((c) => c.method === 'POST' && c.path === '/api/v1/accounts')!.body).not.toHaveProperty('proof');
  });
});

describe('Sign-up with an invite', () => {
  afterEach(() => {
    cleanup();
    localStorage.clear();
    history.replaceState(null, '', '/');
  });

  function inviteServer(opts: { inviteOnly: boolean }) {
    return fakeServer((method, url) => {
      if (url.pathname === '/api/v2/instance') {
        return { body: { ...instance, registrations: { enabled: !opts.inviteOnly, approval_required: false, message: opts.inviteOnly ? 'Invite-only here: ask a member.' : null } } };
      }
      if (url.pathname === '/api/v1/invites/GoodCode2345') return { body: { invite_code: 'GoodCode2345', instance_api_url: 'http://localhost/api/v2/instance', inviter: account() } };
      if (url.pathname.startsWith('/api/v1/invites/')) return { status: 401, body: { error: 'This invite has expired.' } };
      return signUpHandler(false)(method, url, undefined);
    });
  }

  it('on an invite-only server without a code, asks for one instead of showing the form', async () => {
    const { http, calls } = inviteServer({ inviteOnly: true });
    renderApp(<SignUp />, http);
    expect(await screen.findByText('Invite-only here: ask a member.')).toBeTruthy();
    expect(screen.queryByLabelText('Username')).toBeNull();

    fireEvent.change(screen.getByLabelText('Invite code'), { target: { value: 'OldCode23456' } });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Continue' }));
    });
    expect((await screen.findByRole('alert')).textContent).toBe('This invite has expired.');
    expect(screen.queryByLabelText('Username')).toBeNull();

    fireEvent.change(screen.getByLabelText('Invite code'), { target: { value: 'GoodCode2345' } });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Continue' }));
    });
    expect(await screen.findByText('@alice invited you to join.')).toBeTruthy();
    await fillAndSubmit();
    await waitFor(() => expect(calls.some((c) => c.method === 'POST' && c.path === '/api/v1/accounts')).toBe(true));
    expect(calls.find((c) => c.method === 'POST' && c.path === '/api/v1/accounts')!.body).toMatchObject({ username: 'newbie', invite_code: 'GoodCode2345' });
  });

  it('takes the code from an invite link (?invite=) on an open server', async () => {
    history.replaceState(null, '', '/signup?invite=GoodCode2345');
    const { http, calls } = inviteServer({ inviteOnly: false });
    renderApp(<SignUp />, http);
    expect(await screen.findByText('@alice invited you to join.')).toBeTruthy();
    expect((screen.getByLabelText('Invite code (optional)') as HTMLInputElement).value).toBe('GoodCode2345');
    await fillAndSubmit();
    await waitFor(() => expect(calls.some((c) => c.method === 'POST' && c.path === '/api/v1/accounts')).toBe(true));
    expect(calls.find((c) => c.method === 'POST' && c.path === '/api/v1/accounts')!.body).toMatchObject({ invite_code: 'GoodCode2345' });
  });

  it('sends no invite_code when none is given on an open server', async () => {
    const { http, calls } = inviteServer({ inviteOnly: false });
    renderApp(<SignUp />, http);
    await fillAndSubmit();
    await waitFor(() => expect(calls.some((c) => c.method === 'POST' && c.path === '/api/v1/accounts')).toBe(true));
    expect(calls.find((c) => c.method === 'POST' && c.path === '/api/v1/accounts')!.body).not.toHaveProperty('invite_code');
  });
});
