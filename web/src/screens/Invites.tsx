// Settings → Invites: create invite links (how often they may be used, how long they work,
// whether new accounts follow you), copy them, see their uses and expiry, revoke them.
// Parley's own API (src/http/api/v1/parley/invites.ts); the server decides who may invite.
import { useState, type FormEvent } from 'react';
import type { InviteJson } from '../../../api/entities.ts';
import { useSession } from '../session.tsx';
import { useI18n, type Translate } from '../i18n/index.tsx';
import { formatTime } from '../lib/time.ts';
import { usePaged } from '../lib/use-paged.ts';
import { Page } from '../components/Page.tsx';
import { PagedList } from '../components/PagedList.tsx';
import { errorText } from '../components/errors.tsx';

type Invite = InviteJson;

// The choices of Mastodon's invite form; '' is "no limit" / "never" (the API's empty value).
const MAX_USES = ['', '1', '5', '10', '25', '50', '100'] as const;
const EXPIRES_IN = ['1800', '3600', '21600', '43200', '86400', '604800', ''] as const;
type ExpiresIn = (typeof EXPIRES_IN)[number];

function expiryLabel(t: Translate, value: ExpiresIn): string {
  switch (value) {
    case '1800':
      return t('invites.expiry.30m');
    case '3600':
      return t('invites.expiry.1h');
    case '21600':
      return t('invites.expiry.6h');
    case '43200':
      return t('invites.expiry.12h');
    case '86400':
      return t('invites.expiry.1d');
    case '604800':
      return t('invites.expiry.1w');
    case '':
      return t('invites.expiry.never');
  }
}

export default function Invites() {
  const { t } = useI18n();
  return (
    <Page title={t('invites.title')}>
      <p>{t('invites.explain')}</p>
      <InvitesBody />
    </Page>
  );
}

function InvitesBody() {
  const { http } = useSession();
  const { t } = useI18n();
  const list = usePaged((url?: string) => http.page<Invite>(url ?? '/api/v1/parley/invites'), 'invites');
  const [maxUses, setMaxUses] = useState<string>('');
  const [expiresIn, setExpiresIn] = useState<ExpiresIn>('604800');
  const [autofollow, setAutofollow] = useState(false);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);

  const create = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setMessage(null);
    try {
      const invite = await http.post<Invite>('/api/v1/parley/invites', { max_uses: maxUses, expires_in: expiresIn, autofollow });
      list.setItems((items) => [invite, ...items]);
      setMessage({ error: false, text: t('invites.created') });
    } catch (err) {
      setMessage({ error: true, text: errorText(err, t) });
    } finally {
      setBusy(false);
    }
  };

  const revoke = async (invite: Invite) => {
    setMessage(null);
    try {
      await http.del(`/api/v1/parley/invites/${encodeURIComponent(invite.id)}`);
      list.setItems((items) => items.map((i) => (i.id === invite.id ? { ...i, state: 'revoked', revoked_at: new Date().toISOString() } : i)));
    } catch (err) {
      setMessage({ error: true, text: errorText(err, t) });
    }
  };

  const copy = async (invite: Invite) => {
    try {
      await navigator.clipboard.writeText(invite.url);
      setMessage({ error: false, text: t('invites.copied') });
    } catch {
      // No clipboard (an insecure page, a refused permission): the link stays selectable in its field.
      setMessage({ error: true, text: t('invites.copyFailed') });
    }
  };

  return (
    <>
      <form onSubmit={create} className="stack" aria-labelledby="invite-new-h">
        <h2 id="invite-new-h">{t('invites.new')}</h2>
        <label>
          {t('invites.maxUses')}
          <select value={maxUses} onChange={(e) => setMaxUses(e.target.value)}>
            {MAX_USES.map((v) => (
              <option key={v} value={v}>
                {v === '' ? t('invites.unlimited') : v === '1' ? t('invites.oneUse') : t('invites.nUses', { n: v })}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('invites.expiresIn')}
          <select value={expiresIn} onChange={(e) => setExpiresIn(e.target.value as ExpiresIn)}>
            {EXPIRES_IN.map((v) => (
              <option key={v} value={v}>
                {expiryLabel(t, v)}
              </option>
            ))}
          </select>
        </label>
        <label className="checkbox">
          <input type="checkbox" checked={autofollow} onChange={(e) => setAutofollow(e.target.checked)} /> {t('invites.autofollow')}
        </label>
        <button type="submit" className="primary" disabled={busy}>
          {t('invites.create')}
        </button>
      </form>
      {message && (
        <p className={message.error ? 'error' : undefined} role={message.error ? 'alert' : 'status'}>
          {message.text}
        </p>
      )}
      <section aria-labelledby="invite-list-h" className="stack">
        <h2 id="invite-list-h">{t('invites.list')}</h2>
        <PagedList list={list} empty={t('invites.empty')}>
          {(invite) => <InviteItem key={invite.id} invite={invite} onCopy={() => void copy(invite)} onRevoke={() => void revoke(invite)} />}
        </PagedList>
      </section>
    </>
  );
}

function InviteItem({ invite, onCopy, onRevoke }: { invite: Invite; onCopy: () => void; onRevoke: () => void }) {
  const { t, lang } = useI18n();
  const uses = invite.max_uses === null ? t('invites.usesCount', { uses: invite.uses }) : t('invites.usesOf', { uses: invite.uses, max: invite.max_uses });
  const status =
    invite.state === 'revoked'
      ? t('invites.state.revoked')
      : invite.state === 'expired'
        ? t('invites.state.expired')
        : invite.state === 'used_up'
          ? t('invites.state.usedUp')
          : invite.expires_at
            ? t('invites.expires', { time: formatTime(invite.expires_at, lang) })
            : t('invites.neverExpires');
  const active = invite.state === 'active';
  return (
    <li>
      <article className="status" aria-label={t('invites.itemLabel', { code: invite.code })}>
        <label>
          {t('invites.link')}
          <input type="text" readOnly value={invite.url} onFocus={(e) => e.target.select()} />
        </label>
        <p className="meta">
          {uses} · {status}
          {invite.autofollow && <> · {t('invites.autofollowOn')}</>}
        </p>
        {active && (
          <p className="row-buttons">
            <button type="button" onClick={onCopy} aria-label={t('invites.copyLabel', { code: invite.code })}>
              {t('invites.copy')}
            </button>
            <button type="button" className="danger" onClick={onRevoke} aria-label={t('invites.revokeLabel', { code: invite.code })}>
              {t('invites.revoke')}
            </button>
          </p>
        )}
      </article>
    </li>
  );
}
