import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import type { ExportJson, ImportJson } from '../../../api/entities.ts';
import DataSettings from './DataSettings.tsx';
import { fakeServer, renderApp } from '../test/harness.tsx';
import { credentials, instanceWithRules, USER_ROLE } from '../test/moderation-fixtures.ts';

const NOW = new Date().toISOString();

function anExport(over: Partial<ExportJson> = {}): ExportJson {
  return { id: '01EXPORT', state: 'pending', size: null, created_at: NOW, finished_at: null, expires_at: NOW, download_url: null, ...over };
}

function anImport(over: Partial<ImportJson> = {}): ImportJson {
  return { id: '01IMPORT', type: 'blocking', mode: 'overwrite', state: 'pending', total_items: 3, processed_items: 0, imported_items: 0, failed_items: 0, created_at: NOW, finished_at: null, failures_url: null, ...over };
}

/** A server whose archive and import move on by one step each time they are read. */
function server(opts: { exportRefused?: boolean } = {}) {
  localStorage.setItem('parley.token', 'tok');
  let exports: ExportJson[] = [];
  const importSteps = [anImport({ state: 'processing', processed_items: 1 }), anImport({ state: 'finished', processed_items: 3, imported_items: 2, failed_items: 1, failures_url: 'https://p.example/api/v1/imports/01IMPORT/failures' })];
  return fakeServer((method, url) => {
    if (url.pathname === '/api/v2/instance') return { body: instanceWithRules };
    if (url.pathname === '/api/v1/accounts/verify_credentials') return { body: credentials(USER_ROLE) };
    if (url.pathname === '/api/v1/exports' && method === 'POST') {
      if (opts.exportRefused) return { status: 422, body: { error: 'You can request an archive once every 24 hours' } };
      exports = [anExport()];
      return { status: 202, body: exports[0] };
    }
    if (url.pathname === '/api/v1/exports') {
      const answer = exports;
      exports = exports.map((e) => ({ ...e, state: 'ready', size: 3 * 1048576, download_url: 'https://p.example/api/v1/exports/01EXPORT/download' }));
      return { body: answer };
    }
    if (url.pathname === '/api/v1/imports' && method === 'GET') return { body: [] };
    if (url.pathname === '/api/v1/imports' && method === 'POST') return { status: 202, body: anImport() };
    if (url.pathname === '/api/v1/imports/01IMPORT') return { body: importSteps.length > 1 ? importSteps.shift() : importSteps[0] };
    return undefined;
  });
}

/** Downloads go through the global fetch with the token; the browser's save is an anchor click. */
function fakeDownloads() {
  const fetched: { path: string; auth: string | null }[] = [];
  const saved: string[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (path: string, init?: RequestInit) => {
      fetched.push({ path, auth: new Headers(init?.headers).get('Authorization') });
      if (path.includes('/download') && path.includes('missing')) return new Response(JSON.stringify({ error: 'Record not found' }), { status: 404 });
      const name = path.split('/').pop();
      return new Response('bytes', { status: 200, headers: { 'Content-Disposition': `attachment; filename="${name}.file"` } });
    }),
  );
  URL.createObjectURL = vi.fn(() => 'blob:fake');
  URL.revokeObjectURL = vi.fn();
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    saved.push(this.download);
  });
  return { fetched, saved };
}

describe('DataSettings', () => {
  beforeEach(() => {
    vi.useRealTimers();
  });
  afterEach(() => {
    cleanup();
    localStorage.clear();
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });

  it('requests an archive, follows it until it is ready and downloads it with the token', async () => {
    const { http, calls } = server();
    const { fetched, saved } = fakeDownloads();
    renderApp(<DataSettings pollMs={5} />, http);
    expect(await screen.findByText('You have not requested an archive yet.')).toBeTruthy();
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Request archive' }));
    });
    expect(calls.some((c) => c.method === 'POST' && c.path === '/api/v1/exports')).toBe(true);
    expect((await screen.findByRole('status')).textContent).toContain('Archive requested');
    const download = await screen.findByRole('button', { name: 'Download archive' });
    expect(screen.getByText(/Ready · 3\.0 MB/)).toBeTruthy();
    await act(async () => {
      fireEvent.click(download);
    });
    expect(fetched).toEqual([{ path: '/api/v1/exports/01EXPORT/download', auth: 'Bearer tok' }]);
    expect(saved).toEqual(['download.file']);
  });

  it("shows the server's refusal of a second archive on the same day", async () => {
    const { http } = server({ exportRefused: true });
    renderApp(<DataSettings pollMs={5} />, http);
    await act(async () => {
      fireEvent.click(await screen.findByRole('button', { name: 'Request archive' }));
    });
    expect((await screen.findByRole('alert')).textContent).toBe('You can request an archive once every 24 hours');
  });

  it('downloads each CSV', async () => {
    const { http } = server();
    const { fetched, saved } = fakeDownloads();
    renderApp(<DataSettings pollMs={5} />, http);
    for (const name of ['Follows', 'Lists', 'Blocked accounts', 'Muted accounts', 'Bookmarks', 'Blocked domains']) {
      const section = screen.getByRole('region', { name: 'Lists as CSV files' });
      await act(async () => {
        fireEvent.click(within(section).getByRole('button', { name }));
      });
    }
    expect(fetched.map((f) => f.path)).toEqual(['following', 'lists', 'blocks', 'mutes', 'bookmarks', 'domain_blocks'].map((k) => `/api/v1/exports/csv/${k}`));
    expect(fetched.every((f) => f.auth === 'Bearer tok')).toBe(true);
    expect(saved).toEqual(['following.file', 'lists.file', 'blocks.file', 'mutes.file', 'bookmarks.file', 'domain_blocks.file']);
  });

  it('imports a file with the chosen type and mode, shows progress, then the failed rows', async () => {
    const { http, calls } = server();
    const { fetched } = fakeDownloads();
    renderApp(<DataSettings pollMs={5} />, http);
    const section = await screen.findByRole('region', { name: 'Import' });
    fireEvent.change(within(section).getByLabelText('What the file holds'), { target: { value: 'blocking' } });
    fireEvent.click(within(section).getByLabelText(/^Overwrite/));
    expect(within(section).getByText(/undoes everything of this kind/)).toBeTruthy();
    const file = new File(['dave@p.example\nghost@p.example\nerin@p.example\n'], 'blocked_accounts.csv', { type: 'text/csv' });
    fireEvent.change(within(section).getByLabelText('CSV file'), { target: { files: [file] } });
    await act(async () => {
      fireEvent.click(within(section).getByRole('button', { name: 'Import' }));
    });
    expect(calls.find((c) => c.method === 'POST' && c.path === '/api/v1/imports')?.body).toEqual({ type: 'blocking', mode: 'overwrite', data: 'dave@p.example\nghost@p.example\nerin@p.example\n' });
    expect(await within(section).findByText('3 of 3 rows done, 1 failed')).toBeTruthy();
    await act(async () => {
      fireEvent.click(within(section).getByRole('button', { name: 'Download failed rows' }));
    });
    expect(fetched.map((f) => f.path)).toEqual(['/api/v1/imports/01IMPORT/failures']);
  });

  it('refuses a file over 1 MB before sending it', async () => {
    const { http, calls } = server();
    renderApp(<DataSettings pollMs={5} />, http, 'de');
    const section = await screen.findByRole('region', { name: 'Importieren' });
    const big = new File(['a'.repeat(1024 * 1024 + 1)], 'big.csv', { type: 'text/csv' });
    fireEvent.change(within(section).getByLabelText('CSV-Datei'), { target: { files: [big] } });
    await act(async () => {
      fireEvent.click(within(section).getByRole('button', { name: 'Importieren' }));
    });
    expect((await within(section).findByRole('alert')).textContent).toBe('Die Datei ist zu groß (höchstens 1 MB).');
    expect(calls.some((c) => c.method === 'POST')).toBe(false);
  });
});
