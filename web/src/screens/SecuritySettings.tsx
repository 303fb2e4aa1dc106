// Settings → Security: two-factor sign-in (set up with a QR code, confirm with a code and the
// password, recovery codes shown once to copy or download; turn off; new recovery codes), the
// passkeys (SecurityPasskeys.tsx) and the list of signed-in sessions and authorized apps, each
// revocable.
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useSession } from '../session.tsx';
import { useI18n } from '../i18n/index.tsx';
import { Loaded } from '../components/Loaded.tsx';
import { formatTime } from '../lib/time.ts';
import { navigate } from '../router.ts';
import { Page } from '../components/Page.tsx';
import { ErrorMessage, errorText } from '../components/errors.tsx';
import { ApiError } from '../api/http.ts';
import Passkeys from './SecurityPasskeys.tsx';

// The shapes of Parley's own endpoints (src/http/api/v1/parley/), not part of Mastodon's API.
interface TwoFactorState {
  enabled: boolean;
  pending: boolean;
  enabled_at: string | null;
  recovery_codes_left: number;
}

interface TwoFactorSetup {
  secret: string;
  otpauth_uri: string;
  qr_svg: string;
}

interface SessionEntry {
  id: string;
  kind: 'web' | 'oauth';
  app_name: string | null;
  device: string | null;
  ip: string | null;
  created_at: string;
  last_used_at: string | null;
  current: boolean;
}

interface Proof {
  code: string;
  password: string;
}

type Mode = { kind: 'idle' } | { kind: 'setup'; setup: TwoFactorSetup } | { kind: 'codes'; codes: string[] } | { kind: 'disable' } | { kind: 'regenerate' };

export default function SecuritySettings() {
  const { t } = useI18n();
  return (
    <Page title={t('security.title')}>
      <TwoFactor />
      <Passkeys />
      <Sessions />
    </Page>
  );
}

/** The lockout's own words say how long to wait; errorText would only say "too many requests". */
function proofErrorText(err: unknown, t: ReturnType<typeof useI18n>['t']): string {
  return err instanceof ApiError && err.status === 429 && err.message ? err.message : errorText(err, t);
}

function TwoFactor() {
  const { http } = useSession();
  const { t } = useI18n();
  const [state, setState] = useState<TwoFactorState | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [mode, setMode] = useState<Mode>({ kind: 'idle' });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(() => {
    setLoadError(null);
    http.get<TwoFactorState>('/api/v1/parley/two_factor').then(setState, setLoadError);
  }, [http]);
  useEffect(load, [load]);

  const startSetup = async () => {
    setBusy(true);
    setError(null);
    try {
      setMode({ kind: 'setup', setup: await http.post<TwoFactorSetup>('/api/v1/parley/two_factor/setup') });
    } catch (err) {
      setError(errorText(err, t));
    }
    setBusy(false);
  };

  const prove = (path: string, after: (body: { recovery_codes?: string[] }) => void) => async (proof: Proof) => {
    const body = await http.post<{ recovery_codes?: string[] }>(path, proof);
    after(body);
  };

  if (loadError) return <ErrorMessage error={loadError} onRetry={load} />;
  if (!state) return <p className="meta">{t('common.loading')}</p>;

  return (
    <section aria-labelledby="tf-h" className="stack">
      <h2 id="tf-h">{t('security.twoFactor')}</h2>
      {mode.kind === 'codes' ? (
        <RecoveryCodes
          codes={mode.codes}
          onDone={() => {
            setMode({ kind: 'idle' });
            load();
          }}
        />
      ) : mode.kind === 'setup' ? (
        <>
          <p>{t('security.scan')}</p>
          <img src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(mode.setup.qr_svg)}`} alt={t('security.qrAlt')} width={200} height={200} />
          <p>
            {t('security.key')} <code>{mode.setup.secret.match(/.{1,4}/g)!.join(' ')}</code>
          </p>
          <p>
            <a href={mode.setup.otpauth_uri}>{t('security.openApp')}</a>
          </p>
          <ProofForm
            codeLabel={t('security.code')}
            submitLabel={t('security.confirmEnable')}
            onSubmit={prove('/api/v1/parley/two_factor/confirm', (b) => setMode({ kind: 'codes', codes: b.recovery_codes ?? [] }))}
            onCancel={() => setMode({ kind: 'idle' })}
          />
        </>
      ) : state.enabled ? (
        <>
          <p>
            {t('security.twoFactorOn')} {t('security.codesLeft', { n: state.recovery_codes_left })}
          </p>
          {mode.kind === 'disable' && (
            <ProofForm
              codeLabel={t('security.codeOrRecovery')}
              submitLabel={t('security.confirmDisable')}
              danger
              onSubmit={prove('/api/v1/parley/two_factor/disable', () => {
                setMode({ kind: 'idle' });
                load();
              })}
              onCancel={() => setMode({ kind: 'idle' })}
            />
          )}
          {mode.kind === 'regenerate' && (
            <ProofForm
              codeLabel={t('security.codeOrRecovery')}
              submitLabel={t('security.confirmRegenerate')}
              onSubmit={prove('/api/v1/parley/two_factor/recovery_codes', (b) => setMode({ kind: 'codes', codes: b.recovery_codes ?? [] }))}
              onCancel={() => setMode({ kind: 'idle' })}
            />
          )}
          {mode.kind === 'idle' && (
            <div className="row-buttons">
              <button type="button" onClick={() => setMode({ kind: 'regenerate' })}>
                {t('security.regenerate')}
              </button>
              <button type="button" className="danger" onClick={() => setMode({ kind: 'disable' })}>
                {t('security.disable')}
              </button>
            </div>
          )}
        </>
      ) : (
        <>
          <p>
            {t('security.twoFactorOff')} {t('security.twoFactorExplain')}
          </p>
          <div>
            <button type="button" className="primary" disabled={busy} onClick={() => void startSetup()}>
              {t('security.enable')}
            </button>
          </div>
        </>
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}

function ProofForm({ codeLabel, submitLabel, danger, onSubmit, onCancel }: { codeLabel: string; submitLabel: string; danger?: boolean; onSubmit: (p: Proof) => Promise<void>; onCancel: () => void }) {
  const { t } = useI18n();
  const [code, setCode] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await onSubmit({ code: code.trim(), password });
    } catch (err) {
      setError(proofErrorText(err, t));
      setBusy(false);
    }
  };
  return (
    <form className="stack" onSubmit={(e) => void submit(e)}>
      <label>
        {codeLabel}
        <input type="text" autoComplete="one-time-code" autoCapitalize="off" spellCheck={false} maxLength={64} required value={code} onChange={(e) => setCode(e.target.value)} />
      </label>
      <label>
        {t('security.password')}
        <input type="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} />
      </label>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <div className="row-buttons">
        <button type="submit" className={danger ? 'danger' : 'primary'} disabled={busy || !code.trim() || !password}>
          {submitLabel}
        </button>
        <button type="button" onClick={onCancel} disabled={busy}>
          {t('action.cancel')}
        </button>
      </div>
    </form>
  );
}

function RecoveryCodes({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  const { t } = useI18n();
  const [status, setStatus] = useState<string | null>(null);
  const text = `${codes.join('\n')}\n`;
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setStatus(t('security.copied'));
    } catch {
      setStatus(t('error.generic'));
    }
  };
  const download = () => {
    const url = URL.createObjectURL(new Blob([text], { type: 'text/plain' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = 'parley-recovery-codes.txt';
    a.click();
    URL.revokeObjectURL(url);
  };
  return (
    <div className="stack">
      <h3>{t('security.recoveryTitle')}</h3>
      <p>{t('security.recoveryExplain')}</p>
      <ol aria-label={t('security.recoveryTitle')}>
        {codes.map((c) => (
          <li key={c}>
            <code>{c}</code>
          </li>
        ))}
      </ol>
      <div className="row-buttons">
        <button type="button" onClick={() => void copy()}>
          {t('security.copy')}
        </button>
        <button type="button" onClick={download}>
          {t('security.download')}
        </button>
        <button type="button" className="primary" onClick={onDone}>
          {t('security.done')}
        </button>
      </div>
      {status && (
        <p className="meta" role="status">
          {status}
        </p>
      )}
    </div>
  );
}

function Sessions() {
  const { http, signOut } = useSession();
  const { t, lang } = useI18n();
  const [entries, setEntries] = useState<SessionEntry[] | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(() => {
    setLoadError(null);
    http.get<SessionEntry[]>('/api/v1/parley/sessions').then(setEntries, setLoadError);
  }, [http]);
  useEffect(load, [load]);

  const revoke = async (entry: SessionEntry) => {
    setError(null);
    try {
      await http.del(`/api/v1/parley/sessions/${encodeURIComponent(entry.id)}`);
      // Revoking the token this app uses signs this app out.
      if (entry.current && entry.kind === 'oauth') {
        await signOut().catch(() => undefined);
        navigate('/');
        return;
      }
      setEntries((list) => (list ?? []).filter((e) => e.id !== entry.id));
    } catch (err) {
      setError(errorText(err, t));
    }
  };

  return (
    <section aria-labelledby="sessions-h" className="stack">
      <h2 id="sessions-h">{t('security.sessions')}</h2>
      <p>{t('security.sessionsExplain')}</p>
      <Loaded items={entries} error={loadError} onRetry={load} empty={t('security.noSessions')}>
        {(entries) => (
          <ul className="plain">
            {entries.map((e) => {
              const name = `${e.app_name ?? t('security.webSession')} · ${e.device ?? t('security.unknownDevice')}`;
              return (
                <li key={e.id}>
                  <article className="status" aria-label={name}>
                    <p>
                      <strong>{e.app_name ?? t('security.webSession')}</strong> · {e.device ?? t('security.unknownDevice')}
                      {e.current && (
                        <>
                          {' '}
                          <span className="flag">{t('security.thisDevice')}</span>
                        </>
                      )}
                    </p>
                    <p className="meta">
                      {t('security.created', { time: formatTime(e.created_at, lang) })}
                      {' · '}
                      {e.last_used_at ? t('security.lastUsed', { time: formatTime(e.last_used_at, lang) }) : t('security.neverUsed')}
                      {e.ip && <> · {t('security.ip', { ip: e.ip })}</>}
                    </p>
                    <button type="button" className="danger" aria-label={t('security.revokeLabel', { name })} onClick={() => void revoke(e)}>
                      {t('security.revoke')}
                    </button>
                  </article>
                </li>
              );
            })}
          </ul>
        )}
      </Loaded>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
