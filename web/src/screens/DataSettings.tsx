// Settings → Import and export: request the account archive and download it, download each list
// as Mastodon's CSV, and import a CSV (merge or overwrite) with its progress and failed rows.
// Downloads carry the token in a header (never in the address) and are saved from a blob.
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import type { ExportJson, ImportJson, ImportType } from '../../../api/entities.ts';
import { ApiError, NetworkError } from '../api/http.ts';
import { useSession } from '../session.tsx';
import { useI18n } from '../i18n/index.tsx';
import { formatTime } from '../lib/time.ts';
import { Page } from '../components/Page.tsx';
import { errorText } from '../components/errors.tsx';

const IMPORT_TYPES: readonly ImportType[] = ['following', 'blocking', 'muting', 'lists', 'bookmarks', 'domain_blocking'];
const CSV_KINDS = ['following', 'lists', 'blocks', 'mutes', 'bookmarks', 'domain_blocks'] as const;
const MAX_IMPORT_BYTES = 1024 * 1024;
const enc = encodeURIComponent;
const running = (i: ImportJson) => i.state === 'pending' || i.state === 'processing';

/** Fetches a file with the token and hands it to the browser as a download. */
async function download(token: string | null, path: string): Promise<void> {
  let res: Response;
  try {
    res = await fetch(path, { headers: token ? { Authorization: `Bearer ${token}` } : {} });
  } catch {
    throw new NetworkError();
  }
  if (!res.ok) {
    const body = (await res.json().catch(() => ({}))) as { error?: string };
    throw new ApiError(res.status, body.error ?? res.statusText);
  }
  const name = /filename="([^"]+)"/.exec(res.headers.get('Content-Disposition') ?? '')?.[1] ?? 'download';
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Runs downloads one at a time with their error shown in one place. */
function useDownload() {
  const { token } = useSession();
  const { t } = useI18n();
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const start = async (path: string) => {
    setBusy(path);
    setError(null);
    try {
      await download(token, path);
    } catch (err) {
      setError(errorText(err, t));
    } finally {
      setBusy(null);
    }
  };
  return { busy, error, start };
}

function DownloadError({ error }: { error: string | null }) {
  return error ? (
    <p className="error" role="alert">
      {error}
    </p>
  ) : null;
}

function ArchiveSection({ pollMs }: { pollMs: number }) {
  const { http } = useSession();
  const { t, lang } = useI18n();
  const [exports, setExports] = useState<ExportJson[] | null>(null);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const [requesting, setRequesting] = useState(false);
  const dl = useDownload();
  const load = useCallback(() => http.get<ExportJson[]>('/api/v1/exports').then(setExports), [http]);

  useEffect(() => {
    load().catch((err: unknown) => setMessage({ text: errorText(err, t), error: true }));
  }, [load, t]);
  // While an archive is being made, look again now and then.
  useEffect(() => {
    if (!exports?.some((e) => e.state === 'pending')) return;
    const timer = setTimeout(() => void load().catch(() => {}), pollMs);
    return () => clearTimeout(timer);
  }, [exports, load, pollMs]);

  const request = async () => {
    setRequesting(true);
    setMessage(null);
    try {
      const row = await http.post<ExportJson>('/api/v1/exports');
      setExports((list) => [row, ...(list ?? [])]);
      setMessage({ text: t('data.archiveRequested'), error: false });
    } catch (err) {
      setMessage({ text: errorText(err, t), error: true });
    } finally {
      setRequesting(false);
    }
  };

  return (
    <section aria-labelledby="archive-h" className="stack">
      <h2 id="archive-h">{t('data.archiveTitle')}</h2>
      <p>{t('data.archiveExplain')}</p>
      <div>
        <button type="button" className="primary" disabled={requesting} onClick={() => void request()}>
          {t('data.requestArchive')}
        </button>
      </div>
      {message && (
        <p role={message.error ? 'alert' : 'status'} className={message.error ? 'error' : 'success'}>
          {message.text}
        </p>
      )}
      {exports && exports.length === 0 && <p className="meta">{t('data.noArchives')}</p>}
      {exports && exports.length > 0 && (
        <ul className="plain stack">
          {exports.map((e) => (
            <li key={e.id}>
              <strong>{t('data.archiveOf', { date: new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(e.created_at)) })}</strong>{' '}
              <span className="meta">
                {t(`data.archiveState.${e.state}`)}
                {e.size !== null && ` · ${t('data.megabytes', { n: (e.size / 1048576).toFixed(1) })}`}
                {e.state === 'ready' && ` · ${t('data.availableUntil', { date: new Date(e.expires_at).toLocaleDateString(lang) })}`}
              </span>{' '}
              {e.state === 'ready' && (
                <button type="button" disabled={dl.busy !== null} onClick={() => void dl.start(`/api/v1/exports/${enc(e.id)}/download`)}>
                  {t('data.downloadArchive')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      <DownloadError error={dl.error} />
    </section>
  );
}

function CsvSection() {
  const { t } = useI18n();
  const dl = useDownload();
  return (
    <section aria-labelledby="csv-h" className="stack">
      <h2 id="csv-h">{t('data.csvTitle')}</h2>
      <p>{t('data.csvExplain')}</p>
      <ul className="plain row-buttons">
        {CSV_KINDS.map((kind) => (
          <li key={kind}>
            <button type="button" disabled={dl.busy !== null} onClick={() => void dl.start(`/api/v1/exports/csv/${kind}`)}>
              {t(`data.csv.${kind}`)}
            </button>
          </li>
        ))}
      </ul>
      <DownloadError error={dl.error} />
    </section>
  );
}

function ImportItem({ item }: { item: ImportJson }) {
  const { t, lang } = useI18n();
  const dl = useDownload();
  return (
    <li>
      <strong>{t(`data.type.${item.type}`)}</strong>{' '}
      <span className="meta">
        {t(`data.mode.${item.mode}`)} · {formatTime(item.created_at, lang)} · {t(`data.importState.${item.state}`)}
      </span>
      <p role={running(item) ? 'status' : undefined}>{t('data.progress', { processed: item.processed_items, total: item.total_items, failed: item.failed_items })}</p>
      {running(item) && <progress max={item.total_items} value={item.processed_items} aria-label={t('data.importProgress')} />}
      {item.failures_url && (
        <button type="button" disabled={dl.busy !== null} onClick={() => void dl.start(`/api/v1/imports/${enc(item.id)}/failures`)}>
          {t('data.downloadFailures')}
        </button>
      )}
      <DownloadError error={dl.error} />
    </li>
  );
}

function ImportSection({ pollMs }: { pollMs: number }) {
  const { http } = useSession();
  const { t } = useI18n();
  const [imports, setImports] = useState<ImportJson[] | null>(null);
  const [type, setType] = useState<ImportType>('following');
  const [mode, setMode] = useState<'merge' | 'overwrite'>('merge');
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    http.get<ImportJson[]>('/api/v1/imports').then(setImports, (err: unknown) => setError(errorText(err, t)));
  }, [http, t]);
  // Progress of running imports, every pollMs until they are done.
  useEffect(() => {
    const active = imports?.filter(running) ?? [];
    if (active.length === 0) return;
    const timer = setTimeout(() => {
      void Promise.all(active.map((i) => http.get<ImportJson>(`/api/v1/imports/${enc(i.id)}`).catch(() => i))).then((fresh) =>
        setImports((list) => (list ?? []).map((x) => fresh.find((f) => f.id === x.id) ?? x)),
      );
    }, pollMs);
    return () => clearTimeout(timer);
  }, [imports, http, pollMs]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!file) return;
    setError(null);
    if (file.size > MAX_IMPORT_BYTES) {
      setError(t('data.fileTooLarge'));
      return;
    }
    setBusy(true);
    try {
      const started = await http.post<ImportJson>('/api/v1/imports', { type, mode, data: await file.text() });
      setImports((list) => [started, ...(list ?? [])]);
      setFile(null);
      (e.target as HTMLFormElement).reset();
    } catch (err) {
      setError(errorText(err, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="import-h" className="stack">
      <h2 id="import-h">{t('data.importTitle')}</h2>
      <p>{t('data.importExplain')}</p>
      <form className="stack" onSubmit={submit}>
        <label>
          {t('data.importType')}
          <select value={type} onChange={(e) => setType(e.target.value as ImportType)}>
            {IMPORT_TYPES.map((it) => (
              <option key={it} value={it}>
                {t(`data.type.${it}`)}
              </option>
            ))}
          </select>
        </label>
        <fieldset className="stack">
          <legend>{t('data.importMode')}</legend>
          {(['merge', 'overwrite'] as const).map((m) => (
            <label key={m} className="checkbox">
              <input type="radio" name="mode" value={m} checked={mode === m} onChange={() => setMode(m)} /> {t(`data.modeExplain.${m}`)}
            </label>
          ))}
          {mode === 'overwrite' && <p className="error">{t('data.overwriteWarning')}</p>}
        </fieldset>
        <label>
          {t('data.file')}
          <input type="file" accept=".csv,text/csv" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
        </label>
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        <div>
          <button type="submit" className="primary" disabled={busy || !file}>
            {t('data.startImport')}
          </button>
        </div>
      </form>
      {imports && imports.length > 0 && (
        <>
          <h3>{t('data.recentImports')}</h3>
          <ul className="plain stack">
            {imports.map((i) => (
              <ImportItem key={i.id} item={i} />
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

export default function DataSettings({ pollMs = 2000 }: { pollMs?: number }) {
  const { t } = useI18n();
  return (
    <Page title={t('data.title')}>
      <p>{t('data.intro')}</p>
      <ArchiveSection pollMs={pollMs} />
      <CsvSection />
      <ImportSection pollMs={pollMs} />
    </Page>
  );
}
