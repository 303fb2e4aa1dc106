// Changing what a report is about: its category and, for a rule violation, the server rules it
// breaks. Reports arrive as the reporter filed them; moderators correct that for the statistics
// and for the strike the person will read. The server records every change in the audit log.
import { useState, type FormEvent } from 'react';
import type { AdminReportJson, ReportCategory } from '../../../api/entities.ts';
import { useSession } from '../session.tsx';
import { useI18n } from '../i18n/index.tsx';
import { RuleChoice } from '../components/RuleChoice.tsx';
import { useAdmin } from './use-admin.ts';
import { useAction } from '../lib/use-action.ts';
import { useModText } from './messages.ts';

const CATEGORIES: ReportCategory[] = ['spam', 'legal', 'violation', 'other'];

const sameRules = (a: string[], b: string[]) => a.length === b.length && a.every((id) => b.includes(id));

export function Recategorise({ report, onChange }: { report: AdminReportJson; onChange: (r: AdminReportJson) => void }) {
  const admin = useAdmin();
  const { instance } = useSession();
  const { t } = useI18n();
  const mt = useModText();
  const saved = report.rules.map((r) => r.id);
  const [category, setCategory] = useState<ReportCategory>(report.category);
  const [rules, setRules] = useState<string[]>(saved);
  const [done, setDone] = useState(false);
  const action = useAction();

  // The server keeps a violation's old rules when given none, so an empty choice is not sent.
  const missingRule = category === 'violation' && rules.length === 0;
  const unchanged = category === report.category && (category !== 'violation' || sameRules(rules, saved));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setDone(false);
    const ok = await action.run(async () => onChange(await admin.updateReport(report.id, { category, rule_ids: category === 'violation' ? rules : [] })));
    setDone(ok);
  };

  return (
    <form className="stack" onSubmit={submit} aria-labelledby="mod-recat-h">
      <h2 id="mod-recat-h">{mt('recat.title')}</h2>
      <fieldset>
        <legend>{t('mod.categoryLabel')}</legend>
        {CATEGORIES.map((c) => (
          <label key={c} className="checkbox">
            <input type="radio" name="mod-report-category" value={c} checked={category === c} onChange={() => setCategory(c)} /> {t(`mod.category.${c}`)}
          </label>
        ))}
      </fieldset>
      {category === 'violation' && <RuleChoice legend={mt('recat.rules')} rules={instance?.rules ?? []} chosen={rules} onChange={setRules} />}
      {missingRule && <p className="meta">{mt('recat.needRule')}</p>}
      {action.error && (
        <p className="error" role="alert">
          {action.error}
        </p>
      )}
      {done && unchanged && (
        <p className="success" role="status">
          {mt('recat.saved')}
        </p>
      )}
      <div>
        <button type="submit" disabled={action.busy || missingRule || unchanged}>
          {mt('recat.save')}
        </button>
      </div>
    </form>
  );
}
