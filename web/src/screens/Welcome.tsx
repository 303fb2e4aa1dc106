import { useSession } from '../session.tsx';
import { useI18n } from '../i18n/index.tsx';
import { Page } from '../components/Page.tsx';
import { Link } from '../components/Link.tsx';
import { useState } from 'react';
import { errorText } from '../components/errors.tsx';

export function Welcome() {
  const { instance, signIn, authError } = useSession();
  const { t } = useI18n();
  const [error, setError] = useState<string | null>(null);
  return (
    <Page title={instance?.title ?? 'Parley'}>
      <p>{instance?.description || t('welcome.tagline')}</p>
      {authError && (
        <p className="error" role="alert">
          {authError}
        </p>
      )}
      <div className="welcome-actions">
        <button type="button" className="primary" onClick={() => signIn().catch((err: unknown) => setError(errorText(err, t)))}>
          {t('auth.signIn')}
        </button>
        {instance?.registrations.enabled !== false && (
          <Link href="/signup" className="button">
            {t('auth.signUp')}
          </Link>
        )}
        <a href="/auth/password/new">{t('auth.forgotPassword')}</a>
      </div>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {instance?.configuration.timelines_access?.live_feeds.local !== 'authenticated' && (
        <p>
          <Link href="/local">{t('welcome.browseLocal')}</Link>
        </p>
      )}
    </Page>
  );
}
