// Compose drafts live in localStorage so nothing typed is lost on a reload or a crash.
export interface Draft {
  text: string;
  spoiler: string;
  visibility: string;
  pollOptions: string[] | null;
  pollExpiresIn: number;
  pollMultiple: boolean;
}

const PREFIX = 'parley.draft.';

export function draftKey(context: string): string {
  return PREFIX + context;
}

export function loadDraft(context: string): Draft | null {
  try {
    const raw = localStorage.getItem(draftKey(context));
    if (!raw) return null;
    const d = JSON.parse(raw) as Partial<Draft>;
    if (typeof d.text !== 'string') return null;
    return {
      text: d.text,
      spoiler: typeof d.spoiler === 'string' ? d.spoiler : '',
      visibility: typeof d.visibility === 'string' ? d.visibility : 'public',
      pollOptions: Array.isArray(d.pollOptions) ? d.pollOptions.map(String) : null,
      pollExpiresIn: typeof d.pollExpiresIn === 'number' ? d.pollExpiresIn : 86400,
      pollMultiple: d.pollMultiple === true,
    };
  } catch {
    return null;
  }
}

export function isEmptyDraft(d: Draft): boolean {
  return !d.text.trim() && !d.spoiler.trim() && !(d.pollOptions ?? []).some((o) => o.trim());
}

export function saveDraft(context: string, draft: Draft): void {
  try {
    if (isEmptyDraft(draft)) localStorage.removeItem(draftKey(context));
    else localStorage.setItem(draftKey(context), JSON.stringify(draft));
  } catch {
    // Storage full or disabled: the draft still lives in memory.
  }
}

export function clearDraft(context: string): void {
  try {
    localStorage.removeItem(draftKey(context));
  } catch {
    // Nothing to clear.
  }
}
