// Search results for ?q=: accounts, hashtags and posts.
import { useEffect, useState } from 'react';
import type { SearchJson } from '../../../api/entities.ts';
import { useSession } from '../session.tsx';
import { useI18n } from '../i18n/index.tsx';
import { useLocation } from '../router.ts';
import { Page } from '../components/Page.tsx';
import { Link } from '../components/Link.tsx';
import { Status } from '../components/Status.tsx';
import { AccountRow } from '../components/AccountName.tsx';
import { ErrorMessage } from '../components/errors.tsx';

export default function Search() {
  const { api } = useSession();
  const { t } = useI18n();
  const q = useLocation().search.get('q') ?? '';
  const [result, setResult] = useState<SearchJson | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    setResult(null);
    setError(null);
    if (!q.trim()) return;
    let live = true;
    api.search(q).then(
      (r) => live && setResult(r),
      (err: unknown) => live && setError(err),
    );
    return () => {
      live = false;
    };
  }, [api, q, generation]);

  return (
    <Page title={q ? t('search.resultsFor', { q }) : t('nav.search')}>
      {!q && <p>{t('search.hint')}</p>}
      {error !== null && <ErrorMessage error={error} onRetry={() => setGeneration((g) => g + 1)} />}
      {q && !result && error === null && <p role="status">{t('common.loading')}</p>}
      {result && (
        <>
          <section aria-labelledby="s-accounts">
            <h2 id="s-accounts">{t('search.accounts')}</h2>
            {result.accounts.length ? (
              <ul className="plain">
                {result.accounts.map((a) => (
                  <li key={a.id}>
                    <AccountRow account={a} />
                  </li>
                ))}
              </ul>
            ) : (
              <p className="empty">{t('search.none')}</p>
            )}
          </section>
          <section aria-labelledby="s-tags">
            <h2 id="s-tags">{t('search.hashtags')}</h2>
            {result.hashtags.length ? (
              <ul className="plain">
                {result.hashtags.map((h) => (
                  <li key={h.name}>
                    <Link href={`/tags/${encodeURIComponent(h.name)}`}>#{h.name}</Link>
                  </li>
                ))}
              </ul>
            ) : (
              <p className="empty">{t('search.none')}</p>
            )}
          </section>
          <section aria-labelledby="s-posts">
            <h2 id="s-posts">{t('search.posts')}</h2>
            {result.statuses.length ? result.statuses.map((s) => <Status key={s.id} status={s} />) : <p className="empty">{t('search.none')}</p>}
          </section>
        </>
      )}
    </Page>
  );
}
