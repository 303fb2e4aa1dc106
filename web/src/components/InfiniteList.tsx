// Renders a paged list and asks for the next page when its end scrolls into view
// (with a button as well, for keyboards and browsers without IntersectionObserver).
import { useEffect, useRef, type ReactNode } from 'react';
import { useI18n } from '../i18n/index.tsx';
import type { Paged } from '../lib/use-paged.ts';
import { ErrorMessage } from './errors.tsx';

export function InfiniteList<T>({ paged, render, keyOf, label, empty, feed = false }: { paged: Paged<T>; render: (item: T) => ReactNode; keyOf: (item: T) => string; label: string; empty: string; feed?: boolean }) {
  const { t } = useI18n();
  const sentinel = useRef<HTMLDivElement>(null);
  const { loadMore, hasMore, loading } = paged;

  useEffect(() => {
    const el = sentinel.current;
    if (!el || typeof IntersectionObserver === 'undefined' || !hasMore) return;
    const io = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) loadMore();
    }, { rootMargin: '600px' });
    io.observe(el);
    return () => io.disconnect();
  }, [loadMore, hasMore]);

  return (
    <>
      {paged.items.length > 0 && (
        <div role={feed ? 'feed' : 'list'} aria-label={label} aria-busy={loading} className="list">
          {paged.items.map((item) => (
            <div role={feed ? undefined : 'listitem'} key={keyOf(item)}>
              {render(item)}
            </div>
          ))}
        </div>
      )}
      {!loading && !paged.error && paged.items.length === 0 && <p className="empty">{empty}</p>}
      {paged.error !== null && <ErrorMessage error={paged.error} onRetry={paged.items.length ? loadMore : paged.reload} />}
      {loading && (
        <p className="meta loading" role="status">
          {t('common.loading')}
        </p>
      )}
      <div ref={sentinel} />
      {hasMore && !loading && !paged.error && (
        <button type="button" className="load-more" onClick={loadMore}>
          {t('action.loadMore')}
        </button>
      )}
    </>
  );
}
