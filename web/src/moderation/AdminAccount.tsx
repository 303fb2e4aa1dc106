// An account as moderators see it: e-mail, role, state, undo buttons for active sanctions, an
// action form, and what the audit log says about it.
import { useCallback, useEffect, useState } from 'react';
import type { AdminAccountJson } from '../../../api/entities.ts';
import { useI18n } from '../i18n/index.tsx';
import { formatTime } from '../lib/time.ts';
import { Page } from '../components/Page.tsx';
import { Link } from '../components/Link.tsx';
import { ErrorMessage } from '../components/errors.tsx';
import type { UndoAction } from './admin-api.ts';
import { useAdmin } from './use-admin.ts';
import { useAction } from '../lib/use-action.ts';
import { ActionForm } from './ActionForm.tsx';
import { LogEntries } from './AuditLog.tsx';

/** The sanctions in force on an account, each with the call that lifts it. */
export function activeSanctions(a: AdminAccountJson): { state: 'suspended' | 'silenced' | 'disabled' | 'sensitized'; undo: UndoAction }[] {
  const out: { state: 'suspended' | 'silenced' | 'disabled' | 'sensitized'; undo: UndoAction }[] = [];
  if (a.suspended) out.push({ state: 'suspended', undo: 'unsuspend' });
  if (a.silenced) out.push({ state: 'silenced', undo: 'unsilence' });
  if (a.disabled) out.push({ state: 'disabled', undo: 'enable' });
  if (a.sensitized) out.push({ state: 'sensitized', undo: 'unsensitive' });
  return out;
}

export function AdminAccount({ id }: { id: string }) {
  const admin = useAdmin();
  const { t, lang } = useI18n();
  const [account, setAccount] = useState<AdminAccountJson | null>(null);
  const [error, setError] = useState<unknown>(null);
  const { busy, error: actionError, run } = useAction();
  // Bumped after every change so the audit log below shows it.
  const [generation, setGeneration] = useState(0);

  const load = useCallback(() => {
    setError(null);
    admin.account(id).then(setAccount, setError);
    setGeneration((g) => g + 1);
  }, [admin, id]);
  useEffect(load, [load]);

  const change = (call: () => Promise<AdminAccountJson>) =>
    run(async () => {
      setAccount(await call());
      setGeneration((g) => g + 1);
    });

  if (error) return <ErrorMessage error={error} onRetry={load} />;
  if (!account) return <p role="status" className="meta">{t('common.loading')}</p>;
  const sanctions = activeSanctions(account);
  return (
    <Page title={`@${account.account.acct}`}>
      <p className="meta">
        <Link href={`/accounts/${account.id}`}>{t('mod.publicProfile')}</Link>
      </p>
      <dl className="mod-facts">
        <div>
          <dt>{t('mod.email')}</dt>
          <dd>{account.email ?? '—'}</dd>
        </div>
        <div>
          <dt>{t('mod.role')}</dt>
          <dd>{account.role.name || t('mod.roleUser')}</dd>
        </div>
        <div>
          <dt>{t('mod.joined')}</dt>
          <dd>
            <time dateTime={account.created_at}>{formatTime(account.created_at, lang)}</time>
          </dd>
        </div>
        <div>
          <dt>{t('mod.stateLabel')}</dt>
          <dd>
            {sanctions.length === 0 && account.approved ? t('mod.state.active') : null}
            {!account.approved && <span className="flag">{t('mod.state.pending')}</span>}
            {sanctions.map((s) => (
              <span key={s.state} className="flag flag-overdue">
                {t(`mod.state.${s.state}`)}
              </span>
            ))}
          </dd>
        </div>
        {account.invite_request && (
          <div>
            <dt>{t('mod.signUpReason')}</dt>
            <dd className="mod-comment">{account.invite_request}</dd>
          </div>
        )}
      </dl>
      <div className="row-buttons">
        {sanctions.map((s) => (
          <button key={s.undo} type="button" disabled={busy} onClick={() => void change(() => admin.undo(account.id, s.undo))}>
            {t(`mod.undo.${s.undo}`)}
          </button>
        ))}
        {!account.approved && (
          <>
            <button type="button" className="primary" disabled={busy} onClick={() => void change(() => admin.review(account.id, 'approve'))}>
              {t('mod.approve')}
            </button>
            <button type="button" className="danger" disabled={busy} onClick={() => void change(() => admin.review(account.id, 'reject'))}>
              {t('mod.reject')}
            </button>
          </>
        )}
      </div>
      {actionError && (
        <p className="error" role="alert">
          {actionError}
        </p>
      )}
      <ActionForm accountId={account.id} onDone={load} />
      <section aria-labelledby="mod-history-h">
        <h2 id="mod-history-h">{t('mod.history')}</h2>
        <LogEntries key={generation} filter={{ target_type: 'account', target_id: account.id }} label={t('mod.history')} />
      </section>
    </Page>
  );
}
