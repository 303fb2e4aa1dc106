// Mastodon's Rule entity.
export interface RuleJson {
  id: string;
  text: string;
  hint: string;
  translations: Record<string, { text: string; hint: string }>;
}

export function serializeRule(r: { id: string; text: string; hint: string }): RuleJson {
  return { id: r.id, text: r.text, hint: r.hint, translations: {} };
}
