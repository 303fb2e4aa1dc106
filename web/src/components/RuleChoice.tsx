// Checkboxes for the instance rules, shared by the report dialog and the moderators' action form.
import { useI18n } from '../i18n/index.tsx';

export interface RuleOption {
  id: string;
  text: string;
  hint?: string;
}

export function RuleChoice({ rules, chosen, onChange, legend }: { rules: RuleOption[]; chosen: string[]; onChange: (ids: string[]) => void; legend: string }) {
  const { t } = useI18n();
  const toggle = (id: string, on: boolean) => onChange(on ? [...chosen, id] : chosen.filter((x) => x !== id));
  return (
    <fieldset className="rule-choice">
      <legend>{legend}</legend>
      {rules.length === 0 ? (
        <p className="meta">{t('report.noRules')}</p>
      ) : (
        rules.map((rule) => (
          <label key={rule.id} className="checkbox">
            <input type="checkbox" checked={chosen.includes(rule.id)} onChange={(e) => toggle(rule.id, e.target.checked)} />
            <span>
              {rule.text}
              {rule.hint && <span className="meta"> {rule.hint}</span>}
            </span>
          </label>
        ))
      )}
    </fieldset>
  );
}
