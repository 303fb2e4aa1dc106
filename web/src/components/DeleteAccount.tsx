// Deleting one's own account from the app (the app stores require it): the person confirms with
// their password; the server closes the account at once and erases it in the background.
import { useState, type FormEvent } from 'react';
import { useSession } from '../session.tsx';
import { useI18n } from '../i18n/index.tsx';
import { navigate } from '../router.ts';
import { useAction } from '../lib/use-action.ts';

export function DeleteAccount() {
  const { api, signOut } = useSession();
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [password, setPassword] = useState('');
  const { busy, error, run } = useAction();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!(await run(() => api.deleteAccount(password)))) return;
    // The server has already revoked the token; this only forgets it here.
    await signOut().catch(() => undefined);
    navigate('/');
  };

  return (
    <section aria-labelledby="delete-h" className="stack">
      <h2 id="delete-h">{t('settings.deleteTitle')}</h2>
      <p>{t('settings.deleteExplain')}</p>
      {!open ? (
        <button type="button" className="danger" onClick={() => setOpen(true)}>
          {t('settings.deleteStart')}
        </button>
      ) : (
        <form className="stack" onSubmit={(e) => void submit(e)}>
          <label>
            {t('settings.deletePassword')}
            <input type="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} />
          </label>
          {error && <p role="alert">{error}</p>}
          <div className="row-buttons">
            <button type="submit" className="danger" disabled={busy || password === ''}>
              {t('settings.deleteConfirm')}
            </button>
            <button type="button" onClick={() => setOpen(false)} disabled={busy}>
              {t('action.cancel')}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
