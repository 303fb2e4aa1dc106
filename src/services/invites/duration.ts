// "30m", "1h", "1d", "1w" (or "never") as the CLI takes an invite's lifetime: seconds, or null.
const UNIT_SECONDS: Record<string, number> = { m: 60, h: 3600, d: 86_400, w: 604_800 };

/** Seconds, null for "never", undefined when the text is not a duration. */
export function parseDuration(text: string): number | null | undefined {
  const t = text.trim().toLowerCase();
  if (t === 'never') return null;
  const m = /^(\d{1,6})([mhdw])$/.exec(t);
  return m ? Number(m[1]) * UNIT_SECONDS[m[2]!]! : undefined;
}
