import { useSession } from '../session.tsx';
import { useI18n } from '../i18n/index.tsx';

/** A visible note while the server cannot be reached; requests keep retrying meanwhile. */
export function ConnectionBanner() {
  const { connection } = useSession();
  const { t } = useI18n();
  return (
    <div role="status" aria-live="polite" className={connection === 'online' ? 'visually-hidden' : 'banner'}>
      {connection === 'reconnecting' ? t('connection.reconnecting') : connection === 'offline' ? t('connection.offline') : ''}
    </div>
  );
}
