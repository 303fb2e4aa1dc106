// /oauth/callback: exchanges the authorization code for a token, then goes where sign-in began.
import { useEffect, useRef, useState } from 'react';
import { useSession } from '../session.tsx';
import { useI18n } from '../i18n/index.tsx';
import { completeSignIn, OAuthError } from '../api/oauth.ts';
import { navigate } from '../router.ts';
import { Page } from '../components/Page.tsx';
import { errorText } from '../components/errors.tsx';

export function Callback() {
  const { http, setToken, signIn } = useSession();
  const { t } = useI18n();
  const [error, setError] = useState<string | null>(null);
  const started = useRef(false);
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    completeSignIn(http, location.search).then(
      (to) => {
        setToken(localStorage.getItem('parley.token'));
        navigate(to.startsWith('/oauth/') ? '/' : to, { replace: true });
      },
      (err: unknown) => setError(err instanceof OAuthError ? (err.message === 'state' ? t('auth.stateMismatch') : err.message) : errorText(err, t)),
    );
  }, [http, setToken, t]);
  return (
    <Page title={t('auth.signingIn')}>
      {error ? (
        <div role="alert" className="error">
          <p>{t('auth.failed', { reason: error })}</p>
          <button type="button" onClick={() => void signIn('/')}>
            {t('action.retry')}
          </button>
        </div>
      ) : (
        <p role="status">{t('common.loading')}</p>
      )}
    </Page>
  );
}
