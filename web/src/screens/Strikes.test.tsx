import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import Strikes from './Strikes.tsx';
import { fakeServer, renderApp } from '../test/harness.tsx';
import { credentials, instanceWithRules, strike, USER_ROLE } from '../test/moderation-fixtures.ts';

function server(strikes: ReturnType<typeof strike>[]) {
  localStorage.setItem('parley.token', 'tok');
  return fakeServer((method, url, body) => {
    if (url.pathname === '/api/v2/instance') return { body: instanceWithRules };
    if (url.pathname === '/api/v1/accounts/verify_credentials') return { body: credentials(USER_ROLE) };
    if (url.pathname === '/api/v1/strikes') return { body: strikes };
    if (method === 'POST' && url.pathname === '/api/v1/strikes/01STRIKE/appeal') {
      return { body: strike({ appeal: { text: (body as { text: string }).text, state: 'pending' } }) };
    }
    return undefined;
  });
}

describe('Strikes', () => {
  afterEach(() => {
    cleanup();
    localStorage.clear();
  });

  it('shows what was done, why and which rules, and takes one appeal', async () => {
    const { http, calls } = server([strike()]);
    renderApp(<Strikes />, http);
    const item = await screen.findByRole('article', { name: 'Account limited' });
    expect(within(item).getByText('Advertising is not allowed.')).toBeTruthy();
    await within(item).findByText('No spam');
    fireEvent.change(within(item).getByLabelText('Why should the moderators reconsider?'), { target: { value: 'It was my own shop' } });
    await act(async () => {
      fireEvent.click(within(item).getByRole('button', { name: 'Appeal' }));
    });
    await within(item).findByText('Appeal sent: waiting for a decision');
    expect(within(item).queryByRole('button', { name: 'Appeal' })).toBeNull();
    expect(calls.find((c) => c.method === 'POST')).toMatchObject({ path: '/api/v1/strikes/01STRIKE/appeal', body: { text: 'It was my own shop' } });
  });

  it('marks an overruled strike and offers no appeal for it', async () => {
    const { http } = server([strike({ overruled: true, appeal: { text: 'mine', state: 'approved' } })]);
    renderApp(<Strikes />, http);
    const item = await screen.findByRole('article', { name: 'Account limited' });
    expect(within(item).getByText('Overruled')).toBeTruthy();
    expect(within(item).getByText('Appeal approved: the strike is overruled')).toBeTruthy();
    expect(within(item).queryByRole('textbox')).toBeNull();
  });

  it('says so when there are no strikes', async () => {
    const { http } = server([]);
    renderApp(<Strikes />, http, 'de');
    expect(await screen.findByText('Dein Konto hat keine Verwarnungen.')).toBeTruthy();
  });
});
