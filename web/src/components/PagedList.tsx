// A paged list as every queue screen shows it: the error with a retry, the empty message, the
// items, a loading line and "load more".
import type { ReactNode } from 'react';
import type { Paged } from '../lib/use-paged.ts';
import { useI18n } from '../i18n/index.tsx';
import { ErrorMessage } from './errors.tsx';

export function PagedList<T extends { id: string }>({ list, empty, className = 'plain', children }: { list: Paged<T>; empty: string; className?: string; children: (item: T) => ReactNode }) {
  const { t } = useI18n();
  return (
    <>
      {list.error ? <ErrorMessage error={list.error} onRetry={list.reload} /> : null}
      {!list.loading && !list.error && list.items.length === 0 && <p className="empty">{empty}</p>}
      <ul className={className}>{list.items.map(children)}</ul>
      {list.loading && (
        <p role="status" className="meta">
          {t('common.loading')}
        </p>
      )}
      {list.hasMore && !list.loading && (
        <button type="button" className="load-more" onClick={list.loadMore}>
          {t('action.loadMore')}
        </button>
      )}
    </>
  );
}
