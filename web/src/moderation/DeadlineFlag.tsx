// The deadline of an open report: time left, or a prominent "overdue" / "escalated" flag.
import type { AdminReportJson } from '../../../api/entities.ts';
import { useI18n } from '../i18n/index.tsx';
import { timeLeft } from './deadline.ts';

export function DeadlineFlag({ report }: { report: AdminReportJson }) {
  const { t, lang } = useI18n();
  const left = report.deadline_at ? timeLeft(report.deadline_at, lang) : null;
  return (
    <p className="mod-flags">
      {report.escalated_at && <strong className="flag flag-escalated">{t('mod.escalated')}</strong>}
      {left && (
        <span className={left.overdue ? 'flag flag-overdue' : 'flag'}>
          <time dateTime={report.deadline_at ?? undefined}>{left.overdue ? t('mod.overdueSince', { time: left.relative }) : t('mod.dueIn', { time: left.relative })}</time>
        </span>
      )}
    </p>
  );
}
