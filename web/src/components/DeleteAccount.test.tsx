import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, fireEvent, screen } from '@testing-library/react';
import { DeleteAccount } from './DeleteAccount.tsx';
import { fakeServer, renderApp } from '../test/harness.tsx';
import { credentials, instanceWithRules, USER_ROLE } from '../test/moderation-fixtures.ts';

function server(correctPassword: string) {
  localStorage.setItem('parley.token', 'tok');
  return fakeServer((method, url, body) => {
    if (url.pathname === '/api/v2/instance') return { body: instanceWithRules };
    if (url.pathname === '/api/v1/accounts/verify_credentials') return { body: credentials(USER_ROLE) };
    if (method === 'POST' && url.pathname === '/api/v1/accounts/delete') {
      return (body as { password: string }).password === correctPassword ? { status: 202, body: {} } : { status: 422, body: { error: 'Validation failed: Password is not correct' } };
    }
    return undefined;
  });
}

describe('DeleteAccount', () => {
  afterEach(() => {
    cleanup();
    localStorage.clear();
  });

  it('asks for the password, shows a wrong one, and deletes with the right one', async () => {
    const { http, calls } = server('right one');
    renderApp(<DeleteAccount />, http);
    fireEvent.click(await screen.findByRole('button', { name: 'Delete my account…' }));
    const confirm = screen.getByRole('button', { name: 'Delete my account for good' }) as HTMLButtonElement;
    expect(confirm.disabled).toBe(true);
    fireEvent.change(screen.getByLabelText('Your password, to confirm'), { target: { value: 'wrong' } });
    await act(async () => {
      fireEvent.click(confirm);
    });
    expect((await screen.findByRole('alert')).textContent).toContain('Password is not correct');
    fireEvent.change(screen.getByLabelText('Your password, to confirm'), { target: { value: 'right one' } });
    await act(async () => {
      fireEvent.click(confirm);
    });
    const deletes = calls.filter((c) => c.path === '/api/v1/accounts/delete');
    expect(deletes.map((c) => (c.body as { password: string }).password)).toEqual(['wrong', 'right one']);
    expect(localStorage.getItem('parley.token')).toBeNull();
  });
});
