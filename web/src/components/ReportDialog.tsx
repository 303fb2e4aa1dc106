// Report an account (and optionally one of its posts) to the moderators.
import { useState, type FormEvent } from 'react';
import type { AccountJson, StatusJson } from '../../../api/entities.ts';
import { useSession } from '../session.tsx';
import { useI18n } from '../i18n/index.tsx';
import { Dialog } from './Dialog.tsx';
import { errorText } from './errors.tsx';

export function ReportDialog({ account, status, onClose }: { account: AccountJson; status?: StatusJson; onClose: () => void }) {
  const { api } = useSession();
  const { t } = useI18n();
  const [category, setCategory] = useState('spam');
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await api.report({ account_id: account.id, status_ids: status ? [status.id] : [], comment, category });
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
            <select value={category} onChange={(e) => setCategory(e.target.value)}>
              <option value="spam">{t('report.spam')}</option>
              <option value="legal">{t('report.legal')}</option>
              <option value="other">{t('report.other')}</option>
            </select>
          </label>
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
            <button type="submit" className="primary" disabled={busy}>
              {t('report.send')}
            </button>
          </div>
        </form>
      )}
    </Dialog>
  );
}
