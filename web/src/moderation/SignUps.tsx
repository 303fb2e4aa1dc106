// Sign-ups waiting for approval (when the server requires it): the reason given, approve or reject.
import { useState } from 'react';
import type { AdminAccountJson } from '../../../api/entities.ts';
import { useI18n } from '../i18n/index.tsx';
import { usePaged } from '../lib/use-paged.ts';
import { formatTime } from '../lib/time.ts';
import { Page } from '../components/Page.tsx';
import { PagedList } from '../components/PagedList.tsx';
import { useAdmin } from './use-admin.ts';
import { useAction } from '../lib/use-action.ts';

function PendingAccount({ account, onDone }: { account: AdminAccountJson; onDone: (verdict: 'approve' | 'reject') => void }) {
  const admin = useAdmin();
  const { t, lang } = useI18n();
  const { busy, error, run } = useAction();
  const review = async (verdict: 'approve' | 'reject') => {
    if (await run(() => admin.review(account.id, verdict))) onDone(verdict);
  };
  return (
    <li className="mod-item">
      <p>
        <strong>@{account.username}</strong> <span className="meta">{account.email}</span> · <time dateTime={account.created_at}>{formatTime(account.created_at, lang)}</time>
      </p>
      <p className="mod-comment">{account.invite_request || <span className="meta">{t('mod.noReason')}</span>}</p>
      <div className="row-buttons">
        <button type="button" className="primary" disabled={busy} onClick={() => void review('approve')} aria-label={t('mod.approveNamed', { acct: `@${account.username}` })}>
          {t('mod.approve')}
        </button>
        <button type="button" className="danger" disabled={busy} onClick={() => void review('reject')} aria-label={t('mod.rejectNamed', { acct: `@${account.username}` })}>
          {t('mod.reject')}
        </button>
      </div>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </li>
  );
}

export function SignUps() {
  const admin = useAdmin();
  const { t } = useI18n();
  const list = usePaged((url) => admin.accounts('pending', undefined, url), 'pending');
  const [message, setMessage] = useState<string | null>(null);
  const done = (a: AdminAccountJson, verdict: 'approve' | 'reject') => {
    list.setItems((items) => items.filter((x) => x.id !== a.id));
    setMessage(t(verdict === 'approve' ? 'mod.approvedNamed' : 'mod.rejectedNamed', { acct: `@${a.username}` }));
  };
  return (
    <Page title={t('mod.signUps')}>
      <p role="status" className="success">
        {message}
      </p>
      <PagedList list={list} empty={t('mod.signUpsEmpty')} className="plain mod-list">
        {(a) => <PendingAccount key={a.id} account={a} onDone={(v) => done(a, v)} />}
      </PagedList>
    </Page>
  );
}
