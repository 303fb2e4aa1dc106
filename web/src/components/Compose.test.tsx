import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { act, cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { Compose, tokenAtCaret } from './Compose.tsx';
import { fakeServer, renderApp, status } from '../test/harness.tsx';
import { draftKey } from '../lib/drafts.ts';

describe('Compose', () => {
  beforeEach(() => localStorage.clear());
  afterEach(cleanup);

  it('counts characters live against the server limit and blocks posting over it', async () => {
    const { http } = fakeServer(() => undefined);
    renderApp(<Compose />, http);
    const box = screen.getByRole('textbox', { name: "What's on your mind?" });
    await waitFor(() => expect(screen.getByRole('status', { name: '50 characters left' })).toBeTruthy());
    fireEvent.change(box, { target: { value: 'see https://example.com/a/long/path/indeed' } });
    expect(screen.getByRole('status', { name: `${50 - 4 - 23} characters left` })).toBeTruthy();
    fireEvent.change(box, { target: { value: 'x'.repeat(51) } });
    expect(screen.getByRole('status', { name: '-1 characters left' })).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Post' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('keeps what was typed as a draft and restores it after a reload', async () => {
    const { http } = fakeServer(() => undefined);
    const first = renderApp(<Compose />, http);
    fireEvent.change(screen.getByRole('textbox', { name: "What's on your mind?" }), { target: { value: 'half a thought' } });
    fireEvent.click(screen.getByRole('button', { name: 'Content warning' }));
    fireEvent.change(screen.getByRole('textbox', { name: 'Content warning text' }), { target: { value: 'spoilers' } });
    expect(JSON.parse(localStorage.getItem(draftKey('new'))!)).toMatchObject({ text: 'half a thought', spoiler: 'spoilers' });
    first.unmount();

    renderApp(<Compose />, http);
    expect((screen.getByRole('textbox', { name: "What's on your mind?" }) as HTMLTextAreaElement).value).toBe('half a thought');
    expect((screen.getByRole('textbox', { name: 'Content warning text' }) as HTMLInputElement).value).toBe('spoilers');
  });

  it('posts with visibility, content warning and poll, then clears the draft', async () => {
    const posted = status({ id: '01NEW', content: '<p>vote!</p>' });
    const { http, calls } = fakeServer((method, url) => (method === 'POST' && url.pathname === '/api/v1/statuses' ? { body: posted } : undefined));
    renderApp(<Compose />, http);
    fireEvent.change(screen.getByRole('textbox', { name: "What's on your mind?" }), { target: { value: 'vote!' } });
    fireEvent.change(screen.getByRole('combobox', { name: 'Visibility' }), { target: { value: 'unlisted' } });
    fireEvent.click(screen.getByRole('button', { name: 'Poll' }));
    fireEvent.change(screen.getByRole('textbox', { name: 'Option 1' }), { target: { value: 'yes' } });
    fireEvent.change(screen.getByRole('textbox', { name: 'Option 2' }), { target: { value: 'no' } });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Post' }));
    });
    await waitFor(() => expect(calls.some((c) => c.method === 'POST')).toBe(true));
    const sent = calls.find((c) => c.method === 'POST')!.body;
    expect(sent).toMatchObject({ status: 'vote!', visibility: 'unlisted', poll: { options: ['yes', 'no'], expires_in: 86400, multiple: false } });
    expect(sent).not.toHaveProperty('media_ids');
    await waitFor(() => expect(localStorage.getItem(draftKey('new'))).toBeNull());
  });

  it('shows the server error in words and keeps the text', async () => {
    const { http } = fakeServer((method) => (method === 'POST' ? { status: 422, body: { error: 'Validation failed: Text is too long' } } : undefined));
    renderApp(<Compose />, http);
    fireEvent.change(screen.getByRole('textbox', { name: "What's on your mind?" }), { target: { value: 'hello' } });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Post' }));
    });
    expect((await screen.findByRole('alert')).textContent).toBe('Validation failed: Text is too long');
    expect((screen.getByRole('textbox', { name: "What's on your mind?" }) as HTMLTextAreaElement).value).toBe('hello');
  });

  it('finds the @mention or #hashtag being typed', () => {
    expect(tokenAtCaret('hi @al', 6)).toEqual({ start: 3, token: '@al' });
    expect(tokenAtCaret('#par', 4)).toEqual({ start: 0, token: '#par' });
    expect(tokenAtCaret('mail a@b', 8)).toBeNull();
    expect(tokenAtCaret('hi @', 4)).toBeNull();
  });
});
