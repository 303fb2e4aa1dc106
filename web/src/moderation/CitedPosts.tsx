// The posts a report cites: as anyone may see them, plus the server's copies of the ones that
// are deleted or not public, labelled so the moderator knows what they are looking at.
import type { AdminReportJson, ReportSnapshotJson, StatusJson } from '../../../api/entities.ts';
import { useI18n, type Translate } from '../i18n/index.tsx';
import { formatTime } from '../lib/time.ts';
import { Link } from '../components/Link.tsx';

const VISIBILITIES = ['public', 'unlisted', 'private', 'direct'] as const;

function visibilityLabel(visibility: string, t: Translate): string {
  const known = VISIBILITIES.find((v) => v === visibility);
  return known ? t(`mod.visibility.${known}`) : visibility;
}

function PostBody({ spoiler, html }: { spoiler: string; html: string }) {
  const { t } = useI18n();
  return (
    <>
      {spoiler && (
        <p>
          <strong>{t('mod.contentWarning')}</strong> {spoiler}
        </p>
      )}
      {/* The server sanitises post HTML before serving it, as for every timeline. */}
      <div className="content" dangerouslySetInnerHTML={{ __html: html }} />
    </>
  );
}

function LivePost({ status }: { status: StatusJson }) {
  const { t, lang } = useI18n();
  return (
    <li className="status mod-post">
      <p className="meta">
        <Link href={`/statuses/${status.id}`}>
          <time dateTime={status.created_at}>{formatTime(status.created_at, lang)}</time>
        </Link>{' '}
        · {visibilityLabel(status.visibility, t)}
        {status.media_attachments.length > 0 && <> · {t('mod.mediaCount', { n: status.media_attachments.length })}</>}
      </p>
      <PostBody spoiler={status.spoiler_text} html={status.content} />
    </li>
  );
}

function SnapshotPost({ snapshot }: { snapshot: ReportSnapshotJson }) {
  const { t, lang } = useI18n();
  return (
    <li className="status mod-post mod-snapshot">
      <p className="meta">
        {snapshot.deleted && <strong className="flag flag-overdue">{t('mod.deleted')}</strong>} <span className="flag">{visibilityLabel(snapshot.visibility, t)}</span>{' '}
        <time dateTime={snapshot.created_at}>{formatTime(snapshot.created_at, lang)}</time> · {t('mod.snapshotNote')}
      </p>
      <PostBody spoiler={snapshot.spoiler_text} html={snapshot.content} />
    </li>
  );
}

export function CitedPosts({ report }: { report: AdminReportJson }) {
  const { t } = useI18n();
  const shown = new Set(report.statuses.map((s) => s.id));
  const copies = report.snapshots.filter((s) => !shown.has(s.status_id));
  if (report.statuses.length === 0 && copies.length === 0) return <p className="meta">{t('mod.noPosts')}</p>;
  return (
    <ul className="plain">
      {report.statuses.map((s) => (
        <LivePost key={s.id} status={s} />
      ))}
      {copies.map((s) => (
        <SnapshotPost key={s.status_id} snapshot={s} />
      ))}
    </ul>
  );
}
