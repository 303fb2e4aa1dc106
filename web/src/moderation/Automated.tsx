// The review queue of automated content-policy decisions: each with the verdicts of the policies
// that spoke, the post as it is (held ones included), and approve (a held post is delivered
// then) or reject (the post is deleted).
import { useState } from 'react';
import type { PolicyDecisionJson } from '../../../api/entities.ts';
import { useI18n } from '../i18n/index.tsx';
import { usePaged } from '../lib/use-paged.ts';
import { formatTime } from '../lib/time.ts';
import { Page } from '../components/Page.tsx';
import { PagedList } from '../components/PagedList.tsx';
import { Link } from '../components/Link.tsx';
import { useAdmin } from './use-admin.ts';
import { useAction } from '../lib/use-action.ts';

function DecisionItem({ decision, onReviewed }: { decision: PolicyDecisionJson; onReviewed: (d: PolicyDecisionJson) => void }) {
  const admin = useAdmin();
  const { t, lang } = useI18n();
  const { busy, error, run } = useAction();
  const review = (verdict: 'approve' | 'reject') =>
    run(async () => {
      await admin.reviewPolicyDecision(decision.id, verdict);
      onReviewed({ ...decision, reviewed_at: new Date().toISOString(), outcome: verdict === 'approve' ? 'approved' : 'rejected' });
    });
  const headingId = `decision-${decision.id}`;
  const acct = `@${decision.account.acct}`;
  return (
    <li className="mod-item">
      <article aria-labelledby={headingId}>
        <h2 id={headingId} className="mod-item-title">
          {decision.subject_type === 'status' ? t('mod.decisionAbout', { acct }) : t('mod.decisionProfile', { acct })}
        </h2>
        <p className="meta">
          <Link href={`/moderation/accounts/${decision.account.id}`}>{t('mod.openAccount')}</Link> · <time dateTime={decision.created_at}>{formatTime(decision.created_at, lang)}</time>
        </p>
        <ul>
          {decision.verdicts.map((v, i) => (
            <li key={i}>
              <strong>{v.policy}</strong>: {v.action}
              {v.reason ? ` (${v.reason})` : ''}
            </li>
          ))}
        </ul>
        {decision.status && (
          <>
            {decision.status.held && <p className="flag">{t('mod.decisionHeld')}</p>}
            {decision.status.spoiler_text && <p>{decision.status.spoiler_text}</p>}
            {/* The server sanitises post HTML before serving it, as for every timeline. */}
            <div className="content" dangerouslySetInnerHTML={{ __html: decision.status.content }} />
          </>
        )}
        {decision.reviewed_at ? (
          <p role="status">{t('mod.reviewed', { outcome: decision.outcome ?? '' })}</p>
        ) : (
          <div className="row-buttons">
            <button type="button" className="primary" disabled={busy} onClick={() => void review('approve')}>
              {t('mod.approvePost')}
            </button>
            <button type="button" disabled={busy} onClick={() => void review('reject')}>
              {t('mod.rejectPost')}
            </button>
          </div>
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

export function Automated() {
  const admin = useAdmin();
  const { t } = useI18n();
  const [reviewed, setReviewed] = useState(false);
  const list = usePaged((url) => admin.policyDecisions(reviewed, url), `decisions:${reviewed}`);
  const replace = (d: PolicyDecisionJson) => list.setItems((items) => items.map((x) => (x.id === d.id ? d : x)));
  return (
    <Page title={t('mod.automatedTitle')}>
      <p>{t('mod.automatedIntro')}</p>
      <label className="checkbox">
        <input type="checkbox" checked={reviewed} onChange={(e) => setReviewed(e.target.checked)} /> {t('mod.showReviewed')}
      </label>
      <PagedList list={list} empty={t('mod.noDecisions')} className="plain mod-list">
        {(d) => <DecisionItem key={d.id} decision={d} onReviewed={replace} />}
      </PagedList>
    </Page>
  );
}
