// Settings → Security → Passkeys: the account's passkeys (name, added, last used), adding one
// with the browser's WebAuthn API from the server's creation options, and removing one (with the
// password). Plain WebAuthn: the JSON options only need base64url turned into bytes and back.
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useSession } from '../session.tsx';
import { useI18n } from '../i18n/index.tsx';
import { Loaded } from '../components/Loaded.tsx';
import { useAction } from '../lib/use-action.ts';
import { formatTime } from '../lib/time.ts';
import { errorText } from '../components/errors.tsx';

// The shapes of src/http/api/v1/parley/passkeys.ts.
interface PasskeyEntry {
  id: string;
  name: string;
  transports: string[];
  created_at: string;
  last_used_at: string | null;
}

interface CreationOptionsJSON {
  challenge: string;
  rp: { id?: string; name: string };
  user: { id: string; name: string; displayName: string };
  pubKeyCredParams: PublicKeyCredentialParameters[];
  timeout?: number;
  excludeCredentials?: { id: string; type: 'public-key'; transports?: AuthenticatorTransport[] }[];
  authenticatorSelection?: AuthenticatorSelectionCriteria;
  attestation?: AttestationConveyancePreference;
  extensions?: AuthenticationExtensionsClientInputs;
}

function toBytes(b64url: string): Uint8Array<ArrayBuffer> {
  const b64 = b64url.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(b64url.length / 4) * 4, '=');
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

function toBase64url(buffer: ArrayBuffer): string {
  let bin = '';
  for (const byte of new Uint8Array(buffer)) bin += String.fromCharCode(byte);
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export const passkeysSupported = () => typeof window !== 'undefined' && 'PublicKeyCredential' in window && !!navigator.credentials?.create;

/** navigator.credentials.create() from the server's options; the attestation as the server's JSON. */
async function createPasskey(o: CreationOptionsJSON): Promise<unknown> {
  const publicKey: PublicKeyCredentialCreationOptions = {
    ...o,
    challenge: toBytes(o.challenge),
    user: { ...o.user, id: toBytes(o.user.id) },
    excludeCredentials: (o.excludeCredentials ?? []).map((c) => ({ ...c, id: toBytes(c.id) })),
  };
  const cred = (await navigator.credentials.create({ publicKey })) as PublicKeyCredential | null;
  if (!cred) throw new DOMException('No credential', 'NotAllowedError');
  const r = cred.response as AuthenticatorAttestationResponse;
  return {
    id: cred.id,
    rawId: toBase64url(cred.rawId),
    type: cred.type,
    ...(cred.authenticatorAttachment ? { authenticatorAttachment: cred.authenticatorAttachment } : {}),
    clientExtensionResults: cred.getClientExtensionResults(),
    response: {
      clientDataJSON: toBase64url(r.clientDataJSON),
      attestationObject: toBase64url(r.attestationObject),
      transports: typeof r.getTransports === 'function' ? r.getTransports() : [],
    },
  };
}

export default function Passkeys() {
  const { http } = useSession();
  const { t, lang } = useI18n();
  const [entries, setEntries] = useState<PasskeyEntry[] | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [name, setName] = useState(() => t('security.passkeyDefaultName'));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [removing, setRemoving] = useState<PasskeyEntry | null>(null);

  const load = useCallback(() => {
    setLoadError(null);
    http.get<PasskeyEntry[]>('/api/v1/parley/passkeys').then(setEntries, setLoadError);
  }, [http]);
  useEffect(load, [load]);

  const add = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setStatus(null);
    try {
      const options = await http.post<CreationOptionsJSON>('/api/v1/parley/passkeys/options');
      let credential: unknown;
      try {
        credential = await createPasskey(options);
      } catch {
        // Cancelled, timed out, or the authenticator already holds one for this account.
        setError(t('security.passkeyCancelled'));
        setBusy(false);
        return;
      }
      const entry = await http.post<PasskeyEntry>('/api/v1/parley/passkeys', { credential, name: name.trim() });
      setEntries((list) => [...(list ?? []), entry]);
      setStatus(t('security.passkeyAdded'));
    } catch (err) {
      setError(errorText(err, t));
    }
    setBusy(false);
  };

  return (
    <section aria-labelledby="passkeys-h" className="stack">
      <h2 id="passkeys-h">{t('security.passkeys')}</h2>
      <p>{t('security.passkeysExplain')}</p>
      <Loaded items={entries} error={loadError} onRetry={load} empty={t('security.noPasskeys')}>
        {(entries) => (
          <ul className="plain" aria-label={t('security.passkeys')}>
            {entries.map((p) => (
              <li key={p.id}>
                <article className="status" aria-label={p.name}>
                  <p>
                    <strong>{p.name}</strong>
                  </p>
                  <p className="meta">
                    {t('security.passkeyCreated', { time: formatTime(p.created_at, lang) })}
                    {' · '}
                    {p.last_used_at ? t('security.lastUsed', { time: formatTime(p.last_used_at, lang) }) : t('security.neverUsed')}
                  </p>
                  {removing?.id === p.id ? (
                    <RemoveForm
                      entry={p}
                      onRemoved={() => {
                        setRemoving(null);
                        setEntries((list) => (list ?? []).filter((e) => e.id !== p.id));
                      }}
                      onCancel={() => setRemoving(null)}
                    />
                  ) : (
                    <button type="button" className="danger" aria-label={t('security.removePasskeyLabel', { name: p.name })} onClick={() => setRemoving(p)}>
                      {t('security.removePasskey')}
                    </button>
                  )}
                </article>
              </li>
            ))}
          </ul>
        )}
      </Loaded>
      {passkeysSupported() ? (
        <form className="stack" onSubmit={(e) => void add(e)}>
          <label>
            {t('security.passkeyName')}
            <input type="text" maxLength={100} required value={name} onChange={(e) => setName(e.target.value)} />
          </label>
          <div>
            <button type="submit" className="primary" disabled={busy || !name.trim()}>
              {t('security.addPasskey')}
            </button>
          </div>
        </form>
      ) : (
        <p className="meta">{t('security.passkeyUnsupported')}</p>
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {status && (
        <p className="meta" role="status">
          {status}
        </p>
      )}
    </section>
  );
}

function RemoveForm({ entry, onRemoved, onCancel }: { entry: PasskeyEntry; onRemoved: () => void; onCancel: () => void }) {
  const { http } = useSession();
  const { t } = useI18n();
  const [password, setPassword] = useState('');
  const { busy, error, run } = useAction();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (await run(() => http.del(`/api/v1/parley/passkeys/${encodeURIComponent(entry.id)}`, { body: { password } }))) onRemoved();
  };
  return (
    <form className="stack" onSubmit={(e) => void submit(e)}>
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
        <button type="submit" className="danger" disabled={busy || !password}>
          {t('security.confirmRemovePasskey')}
        </button>
        <button type="button" onClick={onCancel} disabled={busy}>
          {t('action.cancel')}
        </button>
      </div>
    </form>
  );
}
