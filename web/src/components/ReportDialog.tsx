// Report an account (and optionally one of its posts) to the moderators: spam, illegal content,
// a breach of the instance rules (which ones, ticked), or something else.
import { useState, type FormEvent } from 'react';
import type { AccountJson, ReportCategory, StatusJson } from '../../../api/entities.ts';
import { useSession } from '../session.tsx';
import { useI18n } from '../i18n/index.tsx';
import { Dialog } from './Dialog.tsx';
import { errorText } from './errors.tsx';
import { RuleChoice } from './RuleChoice.tsx';

const CATEGORIES: ReportCategory[] = ['spam', 'legal', 'violation', 'other'];

export function ReportDialog({ account, status, onClose }: { account: AccountJson; status?: StatusJson; onClose: () => void }) {
  const { api, instance } = useSession();
  const { t } = useI18n();
  const [category, setCategory] = useState<ReportCategory>('spam');
  const [rules, setRules] = useState<string[]>([]);
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await api.report({ account_id: account.id, status_ids: status ? [status.id] : [], comment, category, rule_ids: category === 'violation' ? rules : [] });
      setDone(true);
    } catch (err) {
      setError(errorText(err, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog title={t('report.title', { name: `@${account.acct}` })} onClose={onClose}>
      {done ? (
        <>
          <p role="status">{t('report.thanks')}</p>
          <button type="button" onClick={onClose}>
            {t('action.close')}
          </button>
        </>
      ) : (
        <form onSubmit={submit}>
          <label>
            {t('report.category')}
            <select value={category} onChange={(e) => setCategory(e.target.value as ReportCategory)}>
              {CATEGORIES.map((c) => (
                <option key={c} value={c}>
                  {t(`report.${c}`)}
                </option>
              ))}
            </select>
          </label>
          {category === 'violation' && <RuleChoice legend={t('report.whichRules')} rules={instance?.rules ?? []} chosen={rules} onChange={setRules} />}
          <label>
            {t('report.comment')}
            <textarea value={comment} maxLength={1000} onChange={(e) => setComment(e.target.value)} rows={4} />
          </label>
          {error && (
            <p className="error" role="alert">
              {error}
            </p>
          )}
          <div className="dialog-buttons">
            <button type="button" onClick={onClose}>
              {t('action.cancel')}
            </button>
            <button type="submit" className="primary" disabled={busy || (category === 'violation' && rules.length === 0)}>
              {t('report.send')}
            </button>
          </div>
        </form>
      )}
    </Dialog>
  );
}
