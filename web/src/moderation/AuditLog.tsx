// The audit log: every moderator and admin action, newest first, filterable by action and target.
import { useState, type FormEvent } from 'react';
import type { AdminActionLogJson } from '../../../api/entities.ts';
import { useI18n } from '../i18n/index.tsx';
import { usePaged } from '../lib/use-paged.ts';
import { formatTime } from '../lib/time.ts';
import { Page } from '../components/Page.tsx';
import { ErrorMessage } from '../components/errors.tsx';
import type { ActionLogFilter } from './admin-api.ts';
import { useAdmin } from './use-admin.ts';
import { useModText } from './messages.ts';

const TARGET_TYPES = ['report', 'account', 'status', 'setting'] as const;
/** The actions the server records; shown as they are stored, since they are also the filter values. */
const ACTIONS = [
  'report.assign', 'report.unassign', 'report.note', 'report.update', 'report.resolve', 'report.reopen', 'report.escalate',
  'account.warn', 'account.sensitive', 'account.silence', 'account.suspend', 'account.disable',
  'account.unsensitive', 'account.unsilence', 'account.unsuspend', 'account.enable', 'account.approve', 'account.reject',
  'appeal.approve', 'appeal.reject',
  'app.store_safe', 'app.store_safe_off',
];

export function LogEntries({ filter, label }: { filter: ActionLogFilter; label: string }) {
  const admin = useAdmin();
  const { t, lang } = useI18n();
  const log = usePaged<AdminActionLogJson>((url) => admin.actionLogs(filter, url), JSON.stringify(filter));
  return (
    <>
      {log.error ? <ErrorMessage error={log.error} onRetry={log.reload} /> : null}
      {!log.loading && !log.error && log.items.length === 0 && <p className="empty">{t('mod.logEmpty')}</p>}
      <ul className="plain mod-list" aria-label={label}>
        {log.items.map((e) => (
          <li key={e.id} className="mod-item">
            <p className="meta">
              <time dateTime={e.created_at}>{formatTime(e.created_at, lang)}</time> · <code>{e.action}</code> · {e.account ? `@${e.account.acct}` : t('mod.system')}
            </p>
            <p>{e.summary}</p>
          </li>
        ))}
      </ul>
      {log.loading && <p role="status" className="meta">{t('common.loading')}</p>}
      {log.hasMore && !log.loading && (
        <button type="button" className="load-more" onClick={log.loadMore}>
          {t('action.loadMore')}
        </button>
      )}
    </>
  );
}

export function AuditLog() {
  const { t } = useI18n();
  const mt = useModText();
  const [action, setAction] = useState('');
  const [targetType, setTargetType] = useState('');
  const [targetId, setTargetId] = useState('');
  const [filter, setFilter] = useState<ActionLogFilter>({});
  const apply = (e: FormEvent) => {
    e.preventDefault();
    setFilter({ action: action || undefined, target_type: targetType || undefined, target_id: targetId.trim() || undefined });
  };
  return (
    <Page title={t('mod.log')}>
      <form className="inline-form" onSubmit={apply} aria-label={t('mod.logFilter')}>
        <label>
          {t('mod.logAction')}
          <select value={action} onChange={(e) => setAction(e.target.value)}>
            <option value="">{t('mod.logAny')}</option>
            {ACTIONS.map((x) => (
              <option key={x} value={x}>
                {x}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('mod.logTargetType')}
          <select value={targetType} onChange={(e) => setTargetType(e.target.value)}>
            <option value="">{t('mod.logAny')}</option>
            {TARGET_TYPES.map((x) => (
              <option key={x} value={x}>
                {t(`mod.target.${x}`)}
              </option>
            ))}
            <option value="application">{mt('log.targetApplication')}</option>
          </select>
        </label>
        <label>
          {t('mod.logTargetId')}
          <input value={targetId} onChange={(e) => setTargetId(e.target.value)} />
        </label>
        <button type="submit">{t('mod.logApply')}</button>
      </form>
      <LogEntries filter={filter} label={t('mod.log')} />
    </Page>
  );
}
