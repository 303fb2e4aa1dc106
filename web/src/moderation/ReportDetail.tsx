// One report: who reported whom and why, the cited posts (with the server's copies of deleted or
// private ones), notes, assignment, correcting its category, and the action that answers it, or
// dismissing it.
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import type { AdminReportJson } from '../../../api/entities.ts';
import { useSession } from '../session.tsx';
import { useI18n } from '../i18n/index.tsx';
import { formatTime } from '../lib/time.ts';
import { Page } from '../components/Page.tsx';
import { Link } from '../components/Link.tsx';
import { ErrorMessage } from '../components/errors.tsx';
import { useAdmin } from './use-admin.ts';
import { ActionForm } from './ActionForm.tsx';
import { CitedPosts } from './CitedPosts.tsx';
import { DeadlineFlag } from './DeadlineFlag.tsx';
import { Recategorise } from './Recategorise.tsx';
import { useAction } from '../lib/use-action.ts';

function Notes({ report, onChange }: { report: AdminReportJson; onChange: (r: AdminReportJson) => void }) {
  const admin = useAdmin();
  const { t, lang } = useI18n();
  const [text, setText] = useState('');
  const { busy, error, run } = useAction();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!text.trim()) return;
    if (await run(async () => onChange(await admin.addNote(report.id, text.trim())))) setText('');
  };
  return (
    <section aria-labelledby="mod-notes-h">
      <h2 id="mod-notes-h">{t('mod.notes')}</h2>
      {report.notes.length === 0 ? (
        <p className="meta">{t('mod.noNotes')}</p>
      ) : (
        <ul className="plain mod-notes">
          {report.notes.map((n) => (
            <li key={n.id}>
              <p className="meta">
                @{n.account.acct} · <time dateTime={n.created_at}>{formatTime(n.created_at, lang)}</time>
              </p>
              <p className="mod-comment">{n.content}</p>
            </li>
          ))}
        </ul>
      )}
      <form className="stack" onSubmit={submit}>
        <label>
          {t('mod.addNoteLabel')}
          <textarea value={text} rows={2} maxLength={10_000} onChange={(e) => setText(e.target.value)} />
        </label>
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        <div>
          <button type="submit" disabled={busy || !text.trim()}>
            {t('mod.addNote')}
          </button>
        </div>
      </form>
    </section>
  );
}

function Facts({ report }: { report: AdminReportJson }) {
  const { t, lang } = useI18n();
  const target = report.target_account;
  return (
    <dl className="mod-facts">
      <div>
        <dt>{t('mod.reportedAccount')}</dt>
        <dd>
          <Link href={`/moderation/accounts/${target.id}`}>@{target.account.acct}</Link>
          {target.suspended && <span className="flag">{t('mod.state.suspended')}</span>}
          {target.silenced && <span className="flag">{t('mod.state.silenced')}</span>}
        </dd>
      </div>
      <div>
        <dt>{t('mod.reporter')}</dt>
        <dd>
          <Link href={`/moderation/accounts/${report.account.id}`}>@{report.account.account.acct}</Link>
        </dd>
      </div>
      <div>
        <dt>{t('mod.categoryLabel')}</dt>
        <dd>{t(`mod.category.${report.category}`)}</dd>
      </div>
      {report.rules.length > 0 && (
        <div>
          <dt>{t('mod.rulesCited')}</dt>
          <dd>
            <ul className="plain">
              {report.rules.map((r) => (
                <li key={r.id}>{r.text}</li>
              ))}
            </ul>
          </dd>
        </div>
      )}
      <div>
        <dt>{t('mod.comment')}</dt>
        <dd className="mod-comment">{report.comment || <span className="meta">{t('mod.noComment')}</span>}</dd>
      </div>
      <div>
        <dt>{t('mod.filed')}</dt>
        <dd>
          <time dateTime={report.created_at}>{formatTime(report.created_at, lang)}</time>
        </dd>
      </div>
      <div>
        <dt>{t('mod.assignee')}</dt>
        <dd>{report.assigned_account ? `@${report.assigned_account.account.acct}` : t('mod.nobody')}</dd>
      </div>
      {report.action_taken && (
        <div>
          <dt>{t('mod.resolvedBy')}</dt>
          <dd>
            {report.action_taken_by_account ? `@${report.action_taken_by_account.account.acct}` : t('mod.nobody')}
            {report.action_taken_at && (
              <>
                {' '}
                · <time dateTime={report.action_taken_at}>{formatTime(report.action_taken_at, lang)}</time>
              </>
            )}
          </dd>
        </div>
      )}
    </dl>
  );
}

export function ReportDetail({ id }: { id: string }) {
  const admin = useAdmin();
  const { me } = useSession();
  const { t } = useI18n();
  const [report, setReport] = useState<AdminReportJson | null>(null);
  const [error, setError] = useState<unknown>(null);
  const { busy, error: actionError, run: runAction } = useAction();

  const load = useCallback(() => {
    setError(null);
    admin.report(id).then(setReport, setError);
  }, [admin, id]);
  useEffect(load, [load]);

  const run = (action: 'assign_to_self' | 'unassign' | 'resolve' | 'reopen') => runAction(async () => setReport(await admin.reportAction(id, action)));

  if (error) return <ErrorMessage error={error} onRetry={load} />;
  if (!report) return <p role="status" className="meta">{t('common.loading')}</p>;
  const mine = me !== null && report.assigned_account?.id === me.id;
  return (
    <Page title={t('mod.reportOn', { acct: `@${report.target_account.account.acct}` })}>
      <p className="meta">
        <Link href="/moderation">{t('mod.backToQueue')}</Link>
      </p>
      {report.action_taken ? <p className="success" role="status">{t('mod.resolved')}</p> : <DeadlineFlag report={report} />}
      <Facts report={report} />
      <div className="row-buttons">
        {!report.action_taken &&
          (mine ? (
            <button type="button" disabled={busy} onClick={() => void run('unassign')}>
              {t('mod.release')}
            </button>
          ) : (
            <button type="button" disabled={busy} onClick={() => void run('assign_to_self')}>
              {t('mod.assignToMe')}
            </button>
          ))}
        {report.action_taken ? (
          <button type="button" disabled={busy} onClick={() => void run('reopen')}>
            {t('mod.reopen')}
          </button>
        ) : (
          <button type="button" disabled={busy} onClick={() => void run('resolve')}>
            {t('mod.dismiss')}
          </button>
        )}
      </div>
      {actionError && (
        <p className="error" role="alert">
          {actionError}
        </p>
      )}
      <section aria-labelledby="mod-posts-h">
        <h2 id="mod-posts-h">{t('mod.citedPosts')}</h2>
        <CitedPosts report={report} />
      </section>
      <Notes report={report} onChange={setReport} />
      <Recategorise report={report} onChange={setReport} />
      {/* Keyed by the cited rules, so a recategorised report's new rules are the ones preselected. */}
      {!report.action_taken && <ActionForm key={report.rules.map((r) => r.id).join()} accountId={report.target_account.id} reportId={report.id} initialRules={report.rules.map((r) => r.id)} onDone={load} />}
    </Page>
  );
}
