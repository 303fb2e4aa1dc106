import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { Status } from './Status.tsx';
import { account, fakeServer, mediaAttachment, renderApp, status } from '../test/harness.tsx';

function signedIn(extra: Parameters<typeof fakeServer>[0] = () => undefined) {
  localStorage.setItem('parley.token', 'tok');
  return fakeServer((method, url, body) => {
    if (url.pathname === '/api/v1/accounts/verify_credentials') return { body: { ...account(), source: {}, role: {} } };
    return extra(method, url, body);
  });
}

describe('Status', () => {
  afterEach(() => {
    cleanup();
    localStorage.clear();
    vi.unstubAllGlobals();
  });

  it('hides content behind its content warning until asked', async () => {
    const { http } = fakeServer(() => undefined);
    renderApp(<Status status={status({ spoiler_text: 'Film plot', content: '<p>The butler did it</p>' })} />, http);
    expect(screen.getByText('Film plot')).toBeTruthy();
    expect(screen.queryByText('The butler did it')).toBeNull();
    const toggle = screen.getByRole('button', { name: 'Show more' });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(toggle);
    expect(screen.getByText('The butler did it')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Show less' }).getAttribute('aria-expanded')).toBe('true');
  });

  it('offers the actions to a signed-in person and likes a post', async () => {
    const { http, calls } = signedIn((method, url) =>
      method === 'POST' && url.pathname.endsWith('/favourite') ? { body: status({ favourited: true, favourites_count: 1 }) } : undefined,
    );
    renderApp(<Status status={status()} />, http);
    const like = await screen.findByRole('button', { name: 'Like (0)' });
    expect(screen.getByRole('button', { name: 'Reply (0)' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Echo (0)' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Bookmark' })).toBeTruthy();
    expect(like.getAttribute('aria-pressed')).toBe('false');
    await act(async () => {
      fireEvent.click(like);
    });
    await waitFor(() => expect(screen.getByRole('button', { name: 'Like (1)' }).getAttribute('aria-pressed')).toBe('true'));
    expect(calls.some((c) => c.method === 'POST' && c.path === '/api/v1/statuses/01STATUS/favourite')).toBe(true);
  });

  it('opens the post menu from the keyboard with report, mute and block for others’ posts', async () => {
    const { http } = signedIn();
    renderApp(<Status status={status()} />, http);
    const more = await screen.findByRole('button', { name: 'More actions' });
    fireEvent.keyDown(more, { key: 'ArrowDown' });
    const menu = await screen.findByRole('menu', { name: 'More actions' });
    const items = [...menu.querySelectorAll('[role="menuitem"]')].map((i) => i.textContent);
    expect(items).toEqual(['Quote', 'Mute @bob', 'Block @bob', 'Report post', 'Copy link']);
    await waitFor(() => expect(document.activeElement?.textContent).toBe('Quote'));
    fireEvent.keyDown(menu, { key: 'ArrowDown' });
    expect(document.activeElement?.textContent).toBe('Mute @bob');
    fireEvent.keyDown(menu, { key: 'Escape' });
    expect(screen.queryByRole('menu')).toBeNull();
    expect(document.activeElement).toBe(more);
  });

  it('shows edit and delete on one’s own post', async () => {
    const { http } = signedIn();
    renderApp(<Status status={status({ account: account() })} />, http);
    fireEvent.click(await screen.findByRole('button', { name: 'More actions' }));
    const items = [...screen.getByRole('menu').querySelectorAll('[role="menuitem"]')].map((i) => i.textContent);
    expect(items).toEqual(['Quote', 'Edit', 'Delete', 'Copy link']);
  });

  it('shows an echo with who echoed it, and no actions when signed out', () => {
    const { http } = fakeServer(() => undefined);
    const original = status({ id: '01ORIG' });
    renderApp(<Status status={status({ id: '01ECHO', reblog: original, account: account(), content: '' })} />, http);
    expect(screen.getByText('Alice echoed')).toBeTruthy();
    expect(screen.getByRole('article', { name: 'Post by Bob' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: /Like/ })).toBeNull();
  });

  it('deletes one’s own post with its media at once', async () => {
    vi.stubGlobal('confirm', () => true);
    const { http, calls } = signedIn((method) => (method === 'DELETE' ? { body: status() } : undefined));
    renderApp(<Status status={status({ account: account(), media_attachments: [mediaAttachment()] })} />, http);
    fireEvent.click(await screen.findByRole('button', { name: 'More actions' }));
    await act(async () => {
      fireEvent.click(screen.getByRole('menuitem', { name: 'Delete' }));
    });
    await waitFor(() => expect(calls.some((c) => c.method === 'DELETE')).toBe(true));
    expect(calls.find((c) => c.method === 'DELETE')!.path).toBe('/api/v1/statuses/01STATUS?delete_media=true');
  });

  it('shows its media with the text, and hides both behind the content warning', () => {
    const { http } = fakeServer(() => undefined);
    renderApp(<Status status={status({ spoiler_text: 'Spiders', sensitive: true, media_attachments: [mediaAttachment({ description: 'A large spider' })] })} />, http);
    expect(screen.queryByRole('button', { name: /Sensitive content/ })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Show more' }));
    fireEvent.click(screen.getByRole('button', { name: /Sensitive content/ }));
    expect(screen.getByRole('button', { name: 'Open picture: A large spider' })).toBeTruthy();
  });
});
