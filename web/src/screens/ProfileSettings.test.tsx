import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import ProfileSettings from './ProfileSettings.tsx';
import { account, fakeServer, renderApp } from '../test/harness.tsx';

const MISSING_AVATAR = 'http://localhost/avatars/original/missing.png';

function signedIn() {
  localStorage.setItem('parley.token', 'tok');
  let me = { ...account({ avatar: MISSING_AVATAR, header: 'http://localhost/media/h/header.webp' }), source: { note: '', fields: [] }, role: {} };
  const server = fakeServer((method, url) => {
    if (url.pathname === '/api/v1/accounts/verify_credentials') return { body: me };
    if (method === 'DELETE' && url.pathname === '/api/v1/profile/header') {
      me = { ...me, header: 'http://localhost/headers/original/missing.png' };
      return { body: me };
    }
    return undefined;
  });
  return { ...server, setAvatar: (avatar: string) => (me = { ...me, avatar }) };
}

describe('Profile pictures in the profile settings', () => {
  afterEach(() => {
    cleanup();
    localStorage.clear();
    vi.unstubAllGlobals();
  });

  it('uploads a profile picture with a preview and progress, then shows the saved one', async () => {
    const { http, uploads, setAvatar } = signedIn();
    renderApp(<ProfileSettings />, http);
    const group = await screen.findByRole('group', { name: 'Profile picture' });
    await within(group).findByRole('button', { name: 'Upload profile picture' });
    expect(within(group).queryByRole('button', { name: 'Remove profile picture' })).toBeNull();

    fireEvent.change(group.querySelector('input[type="file"]')!, { target: { files: [new File(['x'], 'me.png', { type: 'image/png' })] } });
    const upload = uploads[0]!;
    expect([upload.method, upload.url, upload.file('avatar')?.name]).toEqual(['PATCH', '/api/v1/accounts/update_credentials', 'me.png']);
    expect(within(group).getByRole('img', { name: 'Preview of the chosen picture' }).getAttribute('src')).toMatch(/^blob:/);
    act(() => upload.progress(3, 4));
    expect(within(group).getByRole('progressbar', { name: 'Uploading me.png' }).getAttribute('value')).toBe('75');

    setAvatar('http://localhost/media/a/avatar.webp');
    await act(async () => upload.respond(200, account({ avatar: 'http://localhost/media/a/avatar.webp' })));
    await within(group).findByRole('status');
    expect(within(group).getByRole('status').textContent).toBe('Profile picture saved.');
    expect(within(group).getByRole('img', { name: 'Your current profile picture' }).getAttribute('src')).toBe('http://localhost/media/a/avatar.webp');
    expect(within(group).getByRole('button', { name: 'Replace profile picture' })).toBeTruthy();
  });

  it('refuses a file that is not a picture, and removes the header image', async () => {
    vi.stubGlobal('confirm', () => true);
    const { http, calls, uploads } = signedIn();
    renderApp(<ProfileSettings />, http);
    const header = await screen.findByRole('group', { name: 'Header image' });
    fireEvent.change(header.querySelector('input[type="file"]')!, { target: { files: [new File(['x'], 'notes.txt', { type: 'text/plain' })] } });
    expect(within(header).getByRole('alert').textContent).toBe('notes.txt cannot be attached: this type of file is not supported.');
    expect(uploads).toHaveLength(0);

    await act(async () => {
      fireEvent.click(within(header).getByRole('button', { name: 'Remove header image' }));
    });
    await waitFor(() => expect(within(header).getByRole('status').textContent).toBe('Header image removed.'));
    expect(calls.some((c) => c.method === 'DELETE' && c.path === '/api/v1/profile/header')).toBe(true);
    expect(within(header).getByRole('button', { name: 'Upload header image' })).toBeTruthy();
  });

  it('hides the posts from people who are not signed in when asked to', async () => {
    const { http, calls } = signedIn();
    renderApp(<ProfileSettings />, http);
    const box = await screen.findByRole('checkbox', { name: 'Hide my posts from people who are not signed in' });
    expect((box as HTMLInputElement).checked).toBe(false);
    fireEvent.click(box);
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    });
    const save = calls.find((c) => c.method === 'PATCH' && c.path === '/api/v1/accounts/update_credentials');
    expect(save?.body).toMatchObject({ hide_from_logged_out: true });
  });
});
