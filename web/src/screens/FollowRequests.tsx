import { useState } from 'react';
import { useSession } from '../session.tsx';
import { useI18n } from '../i18n/index.tsx';
import { usePaged } from '../lib/use-paged.ts';
import { Page } from '../components/Page.tsx';
import { InfiniteList } from '../components/InfiniteList.tsx';
import { AccountRow, displayName } from '../components/AccountName.tsx';
import { errorText } from '../components/errors.tsx';

export default function FollowRequests() {
  const { api } = useSession();
  const { t } = useI18n();
  const paged = usePaged(api.followRequests, 'follow-requests');
  const [error, setError] = useState<string | null>(null);
  const decide = async (id: string, accept: boolean) => {
    setError(null);
    try {
      await (accept ? api.authorizeFollow(id) : api.rejectFollow(id));
      paged.setItems((items) => items.filter((a) => a.id !== id));
    } catch (err) {
      setError(errorText(err, t));
    }
  };
  return (
    <Page title={t('nav.followRequests')}>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <InfiniteList
        paged={paged}
        label={t('nav.followRequests')}
        empty={t('followRequests.empty')}
        keyOf={(a) => a.id}
        render={(a) => (
          <AccountRow account={a}>
            <button type="button" className="primary" onClick={() => void decide(a.id, true)} aria-label={t('followRequests.accept', { name: displayName(a) })}>
              {t('followRequests.acceptShort')}
            </button>
            <button type="button" onClick={() => void decide(a.id, false)} aria-label={t('followRequests.reject', { name: displayName(a) })}>
              {t('followRequests.rejectShort')}
            </button>
          </AccountRow>
        )}
      />
    </Page>
  );
}
