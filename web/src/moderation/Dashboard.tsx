// The moderation dashboard: counts of what waits, and the report queue ordered by deadline with
// overdue and escalated reports flagged (resolved reports on a second tab).
import { useEffect, useRef, useState } from 'react';
import type { AdminReportJson } from '../../../api/entities.ts';
import type { Page as ApiPage } from '../api/http.ts';
import { useI18n } from '../i18n/index.tsx';
import { useLocation } from '../router.ts';
import { usePaged } from '../lib/use-paged.ts';
import { formatTime } from '../lib/time.ts';
import { Page } from '../components/Page.tsx';
import { Link } from '../components/Link.tsx';
import { ErrorMessage } from '../components/errors.tsx';
import { useAdmin } from './use-admin.ts';
import { DeadlineFlag } from './DeadlineFlag.tsx';

/** The dashboard counts up to this many of each queue (the largest page every queue allows). */
const COUNT_LIMIT = 100;

/** "100+" for a full page: the server's Link header names a next page even for a short one. */
function countOf(n: number): string {
  return n >= COUNT_LIMIT ? `${COUNT_LIMIT}+` : String(n);
}

/** Counts a queue once, when the dashboard opens. */
function useCount<T>(load: () => Promise<ApiPage<T>>): string {
  const [count, setCount] = useState('…');
  const loadRef = useRef(load);
  useEffect(() => {
    let live = true;
    loadRef.current().then(
      (page) => live && setCount(countOf(page.items.length)),
      () => live && setCount('?'),
    );
    return () => {
      live = false;
    };
  }, []);
  return count;
}

function QueueItem({ report }: { report: AdminReportJson }) {
  const { t, lang } = useI18n();
  return (
    <li className={report.overdue || report.escalated_at ? 'mod-item urgent' : 'mod-item'}>
      <Link href={`/moderation/reports/${report.id}`} className="mod-item-title">
        {t('mod.reportOn', { acct: `@${report.target_account.account.acct}` })}
      </Link>
      <span className="meta">
        {' '}
        {t(`mod.category.${report.category}`)} · {t('mod.reportedBy', { acct: `@${report.account.account.acct}` })} · <time dateTime={report.created_at}>{formatTime(report.created_at, lang)}</time>
      </span>
      {!report.action_taken && <DeadlineFlag report={report} />}
      {report.assigned_account && <p className="meta">{t('mod.assignedTo', { acct: `@${report.assigned_account.account.acct}` })}</p>}
      {report.comment && <p className="mod-comment">{report.comment}</p>}
    </li>
  );
}

export function Dashboard() {
  const admin = useAdmin();
  const { t } = useI18n();
  const { search } = useLocation();
  const resolved = search.get('resolved') === '1';
  const queue = usePaged((url) => admin.reports(resolved, url, COUNT_LIMIT), `reports:${resolved}`);
  const [openWhileResolved, setOpenWhileResolved] = useState<ApiPage<AdminReportJson> | null>(null);
  const appeals = useCount(() => admin.appeals(false, undefined, COUNT_LIMIT));
  const signUps = useCount(() => admin.accounts('pending', undefined, undefined, COUNT_LIMIT));

  // The counts describe the open queue, also while the resolved tab is shown.
  useEffect(() => {
    if (!resolved) return;
    admin.reports(false, undefined, COUNT_LIMIT).then(setOpenWhileResolved, () => setOpenWhileResolved(null));
  }, [admin, resolved]);
  // The first page of the open queue (later pages loaded with "Load more" would skew the count).
  const openReports = resolved ? openWhileResolved?.items : queue.loading && queue.items.length === 0 ? undefined : queue.items.slice(0, COUNT_LIMIT);
  const overdue = openReports?.filter((r) => r.overdue).length;
  return (
    <Page title={t('mod.title')}>
      <section aria-labelledby="mod-counts-h">
        <h2 id="mod-counts-h" className="visually-hidden">
          {t('mod.counts')}
        </h2>
        <dl className="mod-counts">
          <div>
            <dt>{t('mod.countOpen')}</dt>
            <dd>{openReports ? countOf(openReports.length) : '…'}</dd>
          </div>
          <div className={overdue ? 'urgent' : undefined}>
            <dt>{t('mod.countOverdue')}</dt>
            <dd>{overdue ?? '…'}</dd>
          </div>
          <div>
            <dt>
              <Link href="/moderation/appeals">{t('mod.countAppeals')}</Link>
            </dt>
            <dd>{appeals}</dd>
          </div>
          <div>
            <dt>
              <Link href="/moderation/sign_ups">{t('mod.countSignUps')}</Link>
            </dt>
            <dd>{signUps}</dd>
          </div>
        </dl>
      </section>
      <section aria-labelledby="mod-queue-h">
        <h2 id="mod-queue-h">{resolved ? t('mod.resolvedReports') : t('mod.queue')}</h2>
        <p>
          {resolved ? <Link href="/moderation">{t('mod.showOpen')}</Link> : <Link href="/moderation?resolved=1">{t('mod.showResolved')}</Link>}
        </p>
        {queue.error ? <ErrorMessage error={queue.error} onRetry={queue.reload} /> : null}
        {!queue.loading && !queue.error && queue.items.length === 0 && <p className="empty">{resolved ? t('mod.noResolved') : t('mod.queueEmpty')}</p>}
        <ul className="plain mod-list">
          {queue.items.map((r) => (
            <QueueItem key={r.id} report={r} />
          ))}
        </ul>
        {queue.loading && <p role="status" className="meta">{t('common.loading')}</p>}
        {queue.hasMore && !queue.loading && (
          <button type="button" className="load-more" onClick={queue.loadMore}>
            {t('action.loadMore')}
          </button>
        )}
      </section>
    </Page>
  );
}
