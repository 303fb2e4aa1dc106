// Sign-up inside the app: the server's rules and terms, then POST /api/v1/accounts with an app token.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { RuleJson } from '../../../api/entities.ts';
import { useSession } from '../session.tsx';
import { useI18n } from '../i18n/index.tsx';
import { appToken } from '../api/oauth.ts';
import { ApiError } from '../api/http.ts';
import { navigate } from '../router.ts';
import { Page } from '../components/Page.tsx';
import { errorText } from '../components/errors.tsx';
import { prepareProof } from '../lib/proof-of-work.ts';

export default function SignUp() {
  const { api, http, instance, setToken, refreshMe } = useSession();
  const { t, lang } = useI18n();
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

  const set = (k: keyof typeof form) => (e: { target: { value: string } }) => setForm((f) => ({ ...f, [k]: e.target.value }));

  const translateField = (field: string) =>
    field === 'username' || field === 'email' || field === 'password' ? t(`signup.field.${field}`) : field === 'agreement' ? t('signup.agree') : field;

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
      const token = await api.register(await appToken(http), {
        username: form.username,
        email: form.email,
        password: form.password,
        agreement: agreed,
        locale: lang,
        ...(instance?.registrations.approval_required ? { reason: form.reason } : {}),
        ...(solved ? { proof: solved } : {}),
      });
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
          {instance?.registrations.approval_required && (
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
