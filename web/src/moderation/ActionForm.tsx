// What a moderator does about an account: warn, mark its media sensitive, limit, suspend or
// disable the login, with the reason the person will read, the rules broken and whether to
// e-mail them. Acting from a report resolves it.
import { useState, type FormEvent } from 'react';
import { useSession } from '../session.tsx';
import { useI18n } from '../i18n/index.tsx';
import { RuleChoice } from '../components/RuleChoice.tsx';
import { ACCOUNT_ACTION_TYPES, type AccountActionType } from './admin-api.ts';
import { useAdmin } from './use-admin.ts';
import { useAction } from '../lib/use-action.ts';

export function ActionForm({ accountId, reportId, initialRules = [], onDone }: { accountId: string; reportId?: string; initialRules?: string[]; onDone: () => void }) {
  const admin = useAdmin();
  const { instance } = useSession();
  const { t } = useI18n();
  const [type, setType] = useState<AccountActionType>('none');
  const [text, setText] = useState('');
  const [rules, setRules] = useState<string[]>(initialRules);
  const [notify, setNotify] = useState(true);
  const { busy, error, run } = useAction();
  const [done, setDone] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setDone(false);
    if (!(await run(() => admin.act(accountId, { type, text, report_id: reportId, rule_ids: rules, send_email_notification: notify })))) return;
    setDone(true);
    onDone();
  };

  return (
    <form className="stack mod-action" onSubmit={submit} aria-labelledby="mod-action-h">
      <h2 id="mod-action-h">{reportId ? t('mod.actOnReport') : t('mod.actOnAccount')}</h2>
      <fieldset>
        <legend>{t('mod.actionType')}</legend>
        {ACCOUNT_ACTION_TYPES.map((a) => (
          <label key={a} className="checkbox">
            <input type="radio" name="mod-action-type" value={a} checked={type === a} onChange={() => setType(a)} />
            <span>
              {t(`mod.action.${a}`)} <span className="meta">{t(`mod.actionHint.${a}`)}</span>
            </span>
          </label>
        ))}
      </fieldset>
      <label>
        {t('mod.reason')}
        <textarea value={text} rows={3} maxLength={10_000} onChange={(e) => setText(e.target.value)} />
      </label>
      <RuleChoice legend={t('mod.rulesBroken')} rules={instance?.rules ?? []} chosen={rules} onChange={setRules} />
      <label className="checkbox">
        <input type="checkbox" checked={notify} onChange={(e) => setNotify(e.target.checked)} /> {t('mod.notifyByEmail')}
      </label>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {done && (
        <p className="success" role="status">
          {t('mod.actionDone')}
        </p>
      )}
      <div>
        <button type="submit" className={type === 'none' ? 'primary' : 'primary danger-action'} disabled={busy}>
          {t('mod.apply', { action: t(`mod.action.${type}`) })}
        </button>
      </div>
    </form>
  );
}
