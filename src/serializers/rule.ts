import type { RuleJson } from '../../api/entities.ts';
export type { RuleJson };
export function serializeRule(r: { id: string; text: string; hint: string }): RuleJson {
  return { id: r.id, text: r.text, hint: r.hint, translations: {} };
}
