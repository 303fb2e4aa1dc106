import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useEffect } from 'react';
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { StatusJson } from '../../../api/entities.ts';
import { Compose } from './Compose.tsx';
import { POLL_MS } from './use-compose-media.ts';
import { useCompose } from '../compose-state.tsx';
import { fakeServer, mediaAttachment, renderApp, status, type Handler } from '../test/harness.tsx';

const file = (name: string, type: string, size = 100) => new File([new Uint8Array(size)], name, { type });
const png = (name = 'cat.png', size = 100) => file(name, 'image/png', size);

function setup(handler: Handler = () => undefined) {
  const server = fakeServer(handler);
  const view = renderApp(<Compose />, server.http);
  return { ...server, view };
}

/** The instance (and with it the media limits) has arrived once the counter shows its limit. */
const instanceLoaded = () => screen.findByRole('status', { name: '50 characters left' });

function choose(files: File[]) {
  const input = document.querySelector<HTMLInputElement>('input[type="file"]')!;
  fireEvent.change(input, { target: { files } });
}

const postButton = () => screen.getByRole('button', { name: 'Post' }) as HTMLButtonElement;
const textbox = () => screen.getByRole('textbox', { name: "What's on your mind?" });

describe('Compose with media', () => {
  beforeEach(() => localStorage.clear());
  afterEach(() => {
    vi.useRealTimers();
    cleanup();
  });

  it('uploads a picture with progress, says what is removed, and posts it described, focused and sensitive', async () => {
    const { calls, uploads } = setup((method, url, body) => {
      if (method === 'PUT' && url.pathname === '/api/v1/media/01M') {
        const b = body as { description: string; focus: string };
        const [x, y] = b.focus.split(',').map(Number);
        return { body: mediaAttachment({ id: '01M', description: b.description, meta: { focus: { x: x!, y: y! } } }) };
      }
      if (method === 'POST' && url.pathname === '/api/v1/statuses') return { body: status({ id: '01NEW' }) };
      return undefined;
    });
    await instanceLoaded();
    expect(screen.queryByText(/Location \(GPS\)/)).toBeNull();

    choose([png()]);
    expect(uploads).toHaveLength(1);
    expect([uploads[0]!.method, uploads[0]!.url, uploads[0]!.file()?.name]).toEqual(['POST', '/api/v2/media', 'cat.png']);
    act(() => uploads[0]!.progress(50, 100));
    expect(screen.getByRole('progressbar', { name: 'Uploading cat.png' }).getAttribute('value')).toBe('50');
    expect(screen.getByText('Location (GPS), camera details and other hidden data are removed from pictures and videos before they are stored.')).toBeTruthy();
    // The chosen file shows at once, from the browser's own copy.
    expect(document.querySelector('.thumb img')?.getAttribute('src')).toMatch(/^blob:/);
    fireEvent.change(textbox(), { target: { value: 'look' } });
    expect(postButton().disabled).toBe(true);

    await act(async () => uploads[0]!.respond(200, mediaAttachment({ id: '01M' })));
    expect(screen.queryByRole('progressbar')).toBeNull();
    expect(document.querySelector('.thumb img')?.getAttribute('src')).toBe('http://localhost/media/01MEDIA/small.webp');
    // Media alone is a post.
    fireEvent.change(textbox(), { target: { value: '' } });
    expect(postButton().disabled).toBe(false);

    fireEvent.click(screen.getByRole('button', { name: 'Add description to cat.png' }));
    const dialog = screen.getByRole('dialog', { name: 'Describe cat.png' });
    const alt = within(dialog).getByRole('textbox', { name: 'Description (alt text)' });
    expect(document.activeElement).toBe(alt);
    fireEvent.change(alt, { target: { value: 'A cat on a mat' } });
    expect(within(dialog).getByRole('status', { name: `${1500 - 14} characters left` })).toBeTruthy();
    const picker = within(dialog).getByRole('button', { name: /^Focal point: 50% from the left, 50% from the top/ });
    vi.spyOn(picker, 'getBoundingClientRect').mockReturnValue({ left: 10, top: 10, width: 200, height: 100, right: 210, bottom: 110, x: 10, y: 10, toJSON: () => ({}) });
    fireEvent.click(picker, { clientX: 160, clientY: 35, detail: 1 });
    expect(picker.getAttribute('aria-label')).toMatch(/^Focal point: 75% from the left, 25% from the top/);
    fireEvent.keyDown(picker, { key: 'ArrowLeft' });
    expect(picker.getAttribute('aria-label')).toMatch(/^Focal point: 70% from the left/);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Apply' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(screen.getByText('Description added')).toBeTruthy();

    fireEvent.click(screen.getByRole('checkbox', { name: 'Mark media as sensitive' }));
    await act(async () => {
      fireEvent.click(postButton());
    });
    await waitFor(() => expect(calls.some((c) => c.method === 'POST' && c.path === '/api/v1/statuses')).toBe(true));
    expect(calls.find((c) => c.method === 'PUT')).toMatchObject({ path: '/api/v1/media/01M', body: { description: 'A cat on a mat', focus: '0.40,0.50' } });
    expect(calls.find((c) => c.path === '/api/v1/statuses')!.body).toMatchObject({ status: '', media_ids: ['01M'], sensitive: true });
    await waitFor(() => expect(screen.queryByRole('list', { name: 'Attached media' })).toBeNull());
  });

  it('waits while a video is processed, asking the server until it is ready', async () => {
    let asked = 0;
    const { uploads } = setup((method, url) => {
      if (method === 'GET' && url.pathname === '/api/v1/media/01V') {
        asked++;
        return asked < 2 ? { status: 206, body: mediaAttachment({ id: '01V', type: 'video', url: null }) } : { body: mediaAttachment({ id: '01V', type: 'video' }) };
      }
      return undefined;
    });
    await instanceLoaded();
    fireEvent.change(textbox(), { target: { value: 'my film' } });
    choose([file('film.mp4', 'video/mp4')]);
    vi.useFakeTimers();
    await act(async () => uploads[0]!.respond(202, mediaAttachment({ id: '01V', type: 'video', url: null, preview_url: null })));
    expect(screen.getByText('Processing…').getAttribute('role')).toBe('status');
    expect(postButton().disabled).toBe(true);
    // A video is posted alone: nothing more can be attached.
    expect((screen.getByRole('button', { name: 'Attach media' }) as HTMLButtonElement).disabled).toBe(true);

    await act(async () => vi.advanceTimersByTimeAsync(POLL_MS));
    expect(asked).toBe(1);
    expect(postButton().disabled).toBe(true);
    await act(async () => vi.advanceTimersByTimeAsync(POLL_MS));
    expect(asked).toBe(2);
    expect(screen.queryByText('Processing…')).toBeNull();
    expect(postButton().disabled).toBe(false);
  });

  it("shows the server's reason when a file is refused, and holds the post until it is removed", async () => {
    const { calls, uploads } = setup();
    await instanceLoaded();
    fireEvent.change(textbox(), { target: { value: 'hello' } });
    choose([png('broken.png')]);
    await act(async () => uploads[0]!.respond(422, { error: 'The file could not be read as a picture' }));
    expect(screen.getByRole('alert').textContent).toBe('The file could not be read as a picture');
    expect(postButton().disabled).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Remove broken.png' }));
    expect(screen.queryByRole('alert')).toBeNull();
    expect(postButton().disabled).toBe(false);
    expect(calls.some((c) => c.method === 'DELETE')).toBe(false);
  });

  it('checks the number, kind, type and size of files before uploading them', async () => {
    const { uploads } = setup();
    await instanceLoaded();
    choose([1, 2, 3, 4, 5].map((n) => png(`${n}.png`)));
    expect(uploads.map((u) => u.file()?.name)).toEqual(['1.png', '2.png', '3.png', '4.png']);
    expect(screen.getByRole('alert').textContent).toBe('A post can have up to 4 pictures.');
    expect((screen.getByRole('button', { name: 'Attach media' }) as HTMLButtonElement).disabled).toBe(true);

    fireEvent.click(screen.getByRole('button', { name: 'Remove 4.png' }));
    expect(uploads[3]!.aborted).toBe(true);
    choose([file('clip.mp4', 'video/mp4'), png('big.png', 2 * 1024 * 1024), file('notes.pdf', 'application/pdf')]);
    expect(uploads).toHaveLength(4);
    const problems = [...screen.getByRole('alert').querySelectorAll('li')].map((li) => li.textContent);
    expect(problems).toEqual([
      'clip.mp4 was not attached: a video, an audio file or a GIF animation must be the only media of a post.',
      'big.png is too large: pictures can be up to 1 MB.',
      'notes.pdf cannot be attached: this type of file is not supported.',
    ]);
  });

  it('takes files dropped on the box or pasted into the text', async () => {
    const { uploads, view } = setup();
    await instanceLoaded();
    const form = view.container.querySelector('form')!;
    fireEvent.dragOver(form, { dataTransfer: { types: ['Files'], files: [] } });
    expect(form.classList.contains('dragging')).toBe(true);
    fireEvent.drop(form, { dataTransfer: { types: ['Files'], files: [png('dropped.png')] } });
    expect(form.classList.contains('dragging')).toBe(false);
    fireEvent.paste(textbox(), { clipboardData: { files: [png('pasted.png')] } });
    expect(uploads.map((u) => u.file()?.name)).toEqual(['dropped.png', 'pasted.png']);
  });

  it('deletes a removed upload from the server, and refuses a GIF that turns out to be an animation next to a picture', async () => {
    const { calls, uploads } = setup((method) => (method === 'DELETE' ? { body: {} } : undefined));
    await instanceLoaded();
    choose([png('a.png'), file('b.gif', 'image/gif')]);
    await act(async () => uploads[0]!.respond(200, mediaAttachment({ id: '01A' })));
    await act(async () => uploads[1]!.respond(200, mediaAttachment({ id: '01GIF', type: 'gifv' })));
    expect(screen.getByRole('alert').textContent).toBe('This GIF is an animation, and an animation must be the only media of a post. Remove it or the other files.');
    expect(calls.filter((c) => c.method === 'DELETE').map((c) => c.path)).toEqual(['/api/v1/media/01GIF']);
    fireEvent.click(screen.getByRole('button', { name: 'Remove a.png' }));
    expect(calls.filter((c) => c.method === 'DELETE').map((c) => c.path)).toEqual(['/api/v1/media/01GIF', '/api/v1/media/01A']);
  });

  it('offers a poll or media, not both', async () => {
    const { uploads, view } = setup();
    await instanceLoaded();
    fireEvent.click(screen.getByRole('button', { name: 'Poll' }));
    expect((screen.getByRole('button', { name: 'Attach media' }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.drop(view.container.querySelector('form')!, { dataTransfer: { types: ['Files'], files: [png()] } });
    expect(screen.getByRole('alert').textContent).toBe('A post can have a poll or media, not both.');
    expect(uploads).toHaveLength(0);
  });
});

function EditingHarness({ post }: { post: StatusJson }) {
  const { mode, start } = useCompose();
  useEffect(() => start({ kind: 'edit', status: post }), [start, post]);
  return mode.kind === 'edit' ? <Compose /> : null;
}

describe('Editing a post with media', () => {
  afterEach(cleanup);

  it('keeps its media and sends changed descriptions as media_attributes', async () => {
    const post = status({ id: '01MINE', media_attachments: [mediaAttachment({ description: 'old words', meta: { focus: { x: 0.5, y: 0 } } })] });
    const { http, calls } = fakeServer((method, url) => {
      if (url.pathname === '/api/v1/statuses/01MINE/source') return { body: { id: '01MINE', text: 'with a photo', spoiler_text: '' } };
      if (method === 'PUT' && url.pathname === '/api/v1/statuses/01MINE') return { body: post };
      return undefined;
    });
    renderApp(<EditingHarness post={post} />, http);
    await waitFor(() => expect((textbox() as HTMLTextAreaElement).value).toBe('with a photo'));
    fireEvent.click(screen.getByRole('button', { name: 'Edit description of Attachment 1' }));
    fireEvent.change(screen.getByRole('textbox', { name: 'Description (alt text)' }), { target: { value: 'new words' } });
    fireEvent.click(screen.getByRole('button', { name: 'Apply' }));
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Save changes' }));
    });
    await waitFor(() => expect(calls.some((c) => c.method === 'PUT')).toBe(true));
    expect(calls.filter((c) => c.method === 'PUT').map((c) => c.path)).toEqual(['/api/v1/statuses/01MINE']);
    expect(calls.find((c) => c.method === 'PUT')!.body).toMatchObject({
      media_ids: ['01MEDIA'],
      media_attributes: [{ id: '01MEDIA', description: 'new words', focus: '0.50,0.00' }],
    });
  });
});
