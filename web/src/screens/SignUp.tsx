// Sign-up inside the app: the server's rules and terms, then POST /api/v1/accounts with an app token.
// An invite code (from an invite link's ?invite=, or typed) is checked first and sent along; an
// invite-only server without one says so instead of showing a form that cannot work.
import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import type { AccountJson, RuleJson } from '../../../api/entities.ts';
import { useSession } from '../session.tsx';
import { useI18n } from '../i18n/index.tsx';
import { appToken } from '../api/oauth.ts';
import { ApiError } from '../api/http.ts';
import { navigate, useLocation } from '../router.ts';
import { Page } from '../components/Page.tsx';
import { errorText } from '../components/errors.tsx';
import { prepareProof } from '../lib/proof-of-work.ts';

/** Mastodon's GET /api/v1/invites/:invite_code, with Parley's inviter. */
interface InviteCheck {
  invite_code: string;
  inviter?: AccountJson;
}

export default function SignUp() {
  const { api, http, instance, setToken, refreshMe } = useSession();
  const { t, lang } = useI18n();
  const { search } = useLocation();
  const linkCode = search.get('invite')?.trim() ?? '';
  const [inviteCode, setInviteCode] = useState(linkCode);
  const [invite, setInvite] = useState<InviteCheck | null>(null);
  const [inviteError, setInviteError] = useState<string | null>(null);
  const [rules, setRules] = useState<RuleJson[]>([]);
  const [form, setForm] = useState({ username: '', email: '', password: '', confirm: '', reason: '' });
  const [agreed, setAgreed] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);

  useEffect(() => {
    api.rules().then(setRules, (err: unknown) => setError(errorText(err, t)));
  }, [api, t]);

  // The proof of work is solved in the background while the person fills in the form.
  const proof = useRef<ReturnType<typeof prepareProof> | null>(null);
  useEffect(() => {
    proof.current = prepareProof(api, 'sign_up');
    proof.current.catch(() => {});
  }, [api]);
  const readyProof = async () => {
    let p = await (proof.current ?? prepareProof(api, 'sign_up'));
    // A challenge lives ten minutes; a slow form-filler gets a fresh one.
    if (p.expiresAt < Date.now() + 30_000) p = await prepareProof(api, 'sign_up');
    // Used once: the next attempt (after a refused sign-up) needs another.
    proof.current = prepareProof(api, 'sign_up');
    proof.current.catch(() => {});
    return p.proof;
  };

  const checkInvite = useCallback(
    async (code: string) => {
      setInviteError(null);
      try {
        setInvite(await http.get<InviteCheck>(`/api/v1/invites/${encodeURIComponent(code)}`, { token: null }));
      } catch (err) {
        setInvite(null);
        // The server's own words (unknown, expired, used up, revoked, closed), not "session ended" for its 401.
        setInviteError(err instanceof ApiError && [401, 403, 404].includes(err.status) ? err.message || t('signup.inviteInvalid') : errorText(err, t));
      }
    },
    [http, t],
  );
  useEffect(() => {
    if (linkCode) void checkInvite(linkCode);
  }, [linkCode, checkInvite]);

  const changeInviteCode = (e: { target: { value: string } }) => {
    setInviteCode(e.target.value);
    setInviteError(null);
  };

  const set = (k: keyof typeof form) => (e: { target: { value: string } }) => setForm((f) => ({ ...f, [k]: e.target.value }));

  const translateField = (field: string) =>
    field === 'username' || field === 'email' || field === 'password' || field === 'invite_code' ? t(`signup.field.${field}`) : field === 'agreement' ? t('signup.agree') : field;
  const code = inviteCode.trim();
  // A valid invite skips the approval queue (the server's rule), so its invitee is not asked why.
  const checked = invite && invite.invite_code === code ? invite : null;
  const askReason = Boolean(instance?.registrations.approval_required) && !checked;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    if (form.password !== form.confirm) {
      setError(t('signup.passwordMismatch'));
      return;
    }
    setBusy(true);
    try {
      const solved = await readyProof();
      const body: Parameters<typeof api.register>[1] & { invite_code?: string } = {
        username: form.username,
        email: form.email,
        password: form.password,
        agreement: agreed,
        locale: lang,
        ...(askReason ? { reason: form.reason } : {}),
        ...(solved ? { proof: solved } : {}),
        ...(code ? { invite_code: code } : {}),
      };
      const token = await api.register(await appToken(http), body);
      setToken(token.access_token);
      await refreshMe();
      setDone(true);
      navigate('/');
    } catch (err) {
      const details = err instanceof ApiError && err.details ? Object.entries(err.details) : [];
      const detailText = details
        .map(([field, errs]) => `${translateField(field)}: ${Array.isArray(errs) ? errs.map((x: { description?: string }) => x.description ?? '').join(', ') : ''}`)
        .join('; ');
      setError(detailText || errorText(err, t));
    } finally {
      setBusy(false);
    }
  };

  const terms = instance?.configuration.urls.terms_of_service;
  // Mastodon reports an invite-only server as "registrations not enabled".
  const inviteOnly = instance?.registrations.enabled === false;
  if (inviteOnly && !invite && !done) {
    return (
      <Page title={t('auth.signUp')}>
        <form
          className="stack"
          onSubmit={(e) => {
            e.preventDefault();
            if (code) void checkInvite(code);
          }}
        >
          <p>{instance?.registrations.message || t('signup.inviteOnly')}</p>
          <label>
            {t('signup.field.invite_code')}
            <input required autoComplete="off" value={inviteCode} onChange={changeInviteCode} />
          </label>
          {inviteError && (
            <p className="error" role="alert">
              {inviteError}
            </p>
          )}
          <button type="submit" className="primary">
            {t('signup.inviteContinue')}
          </button>
        </form>
      </Page>
    );
  }
  return (
    <Page title={t('auth.signUp')}>
      {done ? (
        <p role="status">{t('signup.done')}</p>
      ) : (
        <form onSubmit={submit} className="stack">
          {rules.length > 0 && (
            <section aria-labelledby="rules-heading">
              <h2 id="rules-heading">{t('signup.rules')}</h2>
              <ol className="rules">
                {rules.map((r) => (
                  <li key={r.id}>
                    {r.translations[lang]?.text ?? r.text}
                    {r.hint && <span className="meta"> {r.translations[lang]?.hint ?? r.hint}</span>}
                  </li>
                ))}
              </ol>
            </section>
          )}
          {checked?.inviter && <p role="status">{t('signup.invitedBy', { username: checked.inviter.acct })}</p>}
          {inviteError && (
            <p className="error" role="alert">
              {inviteError}
            </p>
          )}
          <label>
            {inviteOnly ? t('signup.field.invite_code') : t('signup.inviteOptional')}
            <input autoComplete="off" required={inviteOnly} value={inviteCode} onChange={changeInviteCode} />
          </label>
          <label>
            {t('signup.field.username')}
            <input required autoComplete="username" value={form.username} onChange={set('username')} />
          </label>
          <label>
            {t('signup.field.email')}
            <input required type="email" autoComplete="email" value={form.email} onChange={set('email')} />
          </label>
          <label>
            {t('signup.field.password')}
            <input required type="password" minLength={8} autoComplete="new-password" value={form.password} onChange={set('password')} />
          </label>
          <label>
            {t('signup.confirmPassword')}
            <input required type="password" autoComplete="new-password" value={form.confirm} onChange={set('confirm')} />
          </label>
          {askReason && (
            <label>
              {t('signup.reason')}
              <textarea value={form.reason} onChange={set('reason')} />
            </label>
          )}
          <label className="checkbox">
            <input type="checkbox" required checked={agreed} onChange={(e) => setAgreed(e.target.checked)} /> {t('signup.agree')}
          </label>
          {terms && (
            <p>
              <a href={terms} target="_blank" rel="noopener">
                {t('signup.terms')}
              </a>
            </p>
          )}
          {error && (
            <p className="error" role="alert">
              {error}
            </p>
          )}
          <button type="submit" className="primary" disabled={busy || !agreed}>
            {t('signup.submit')}
          </button>
        </form>
      )}
    </Page>
  );
}
