// The appeals queue: the strike, the person's appeal, approve (overrules the strike and lifts its
// sanction) or reject. The server refuses a verdict on one's own strike; its words are shown.
import { useState } from 'react';
import type { AdminAppealJson } from '../../../api/entities.ts';
import { useI18n } from '../i18n/index.tsx';
import { usePaged } from '../lib/use-paged.ts';
import { formatTime } from '../lib/time.ts';
import { Page } from '../components/Page.tsx';
import { PagedList } from '../components/PagedList.tsx';
import { Link } from '../components/Link.tsx';
import { useAdmin } from './use-admin.ts';
import { useAction } from '../lib/use-action.ts';

function AppealItem({ appeal, onDecided }: { appeal: AdminAppealJson; onDecided: (a: AdminAppealJson) => void }) {
  const admin = useAdmin();
  const { t, lang } = useI18n();
  const { busy, error, run } = useAction();
  const decide = (verdict: 'approve' | 'reject') => run(async () => onDecided(await admin.decideAppeal(appeal.id, verdict)));
  const headingId = `appeal-${appeal.id}`;
  return (
    <li className="mod-item">
      <article aria-labelledby={headingId}>
        <h2 id={headingId} className="mod-item-title">
          {t('mod.appealBy', { acct: `@${appeal.account.acct}` })}
        </h2>
        <p className="meta">
          <Link href={`/moderation/accounts/${appeal.account.id}`}>{t('mod.openAccount')}</Link> · <time dateTime={appeal.created_at}>{formatTime(appeal.created_at, lang)}</time>
        </p>
        <p>
          <strong>{t('mod.strike')}</strong> {t(`strikes.action.${appeal.strike.action}`)}
          {appeal.strike.text && <> — {appeal.strike.text}</>}
        </p>
        <p>
          <strong>{t('mod.appealText')}</strong> <span className="mod-comment">{appeal.text}</span>
        </p>
        {appeal.state === 'pending' ? (
          <div className="row-buttons">
            <button type="button" className="primary" disabled={busy} onClick={() => void decide('approve')}>
              {t('mod.approveAppeal')}
            </button>
            <button type="button" disabled={busy} onClick={() => void decide('reject')}>
              {t('mod.rejectAppeal')}
            </button>
          </div>
        ) : (
          <p role="status" className={appeal.state === 'approved' ? 'success' : undefined}>
            {t(`strikes.appeal.${appeal.state}`)}
          </p>
        )}
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
      </article>
    </li>
  );
}

export function Appeals() {
  const admin = useAdmin();
  const { t } = useI18n();
  const [decided, setDecided] = useState(false);
  const list = usePaged((url) => admin.appeals(decided, url), `appeals:${decided}`);
  const replace = (a: AdminAppealJson) => list.setItems((items) => items.map((x) => (x.id === a.id ? a : x)));
  return (
    <Page title={t('mod.appeals')}>
      <label className="checkbox">
        <input type="checkbox" checked={decided} onChange={(e) => setDecided(e.target.checked)} /> {t('mod.showDecided')}
      </label>
      <PagedList list={list} empty={t('mod.appealsEmpty')} className="plain mod-list">
        {(a) => <AppealItem key={a.id} appeal={a} onDecided={replace} />}
      </PagedList>
    </Page>
  );
}
