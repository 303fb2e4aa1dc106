// A post with the conversation around it.
import { useEffect, useState } from 'react';
import type { StatusJson } from '../../../api/entities.ts';
import { useSession } from '../session.tsx';
import { useI18n } from '../i18n/index.tsx';
import { onStatus } from '../lib/events.ts';
import { Page } from '../components/Page.tsx';
import { Status } from '../components/Status.tsx';
import { ErrorMessage } from '../components/errors.tsx';

export default function Thread({ id }: { id: string }) {
  const { api } = useSession();
  const { t } = useI18n();
  const [status, setStatus] = useState<StatusJson | null>(null);
  const [context, setContext] = useState<{ ancestors: StatusJson[]; descendants: StatusJson[] }>({ ancestors: [], descendants: [] });
  const [error, setError] = useState<unknown>(null);
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    let live = true;
    setError(null);
    Promise.all([api.status(id), api.context(id)]).then(
      ([s, c]) => {
        if (!live) return;
        setStatus(s);
        setContext(c);
      },
      (err: unknown) => live && setError(err),
    );
    return () => {
      live = false;
    };
  }, [api, id, generation]);

  // A reply written here appears in the thread at once.
  useEffect(
    () =>
      onStatus((e) => {
        if (e.kind === 'posted' && e.status.in_reply_to_id && (e.status.in_reply_to_id === id || context.descendants.some((d) => d.id === e.status.in_reply_to_id))) {
          setContext((c) => ({ ...c, descendants: [...c.descendants, e.status] }));
        }
      }),
    [id, context.descendants],
  );

  useEffect(() => {
    document.querySelector<HTMLElement>('article.status.focused')?.scrollIntoView?.({ block: 'center' });
  }, [status]);

  return (
    <Page title={t('thread.title')}>
      {error !== null && <ErrorMessage error={error} onRetry={() => setGeneration((g) => g + 1)} />}
      {!status && error === null && <p role="status">{t('common.loading')}</p>}
      {status && (
        <div className="thread" role="feed" aria-label={t('thread.title')}>
          {context.ancestors.map((s) => (
            <Status key={s.id} status={s} />
          ))}
          <Status key={status.id} status={status} focused />
          {context.descendants.map((s) => (
            <Status key={s.id} status={s} />
          ))}
        </div>
      )}
    </Page>
  );
}
