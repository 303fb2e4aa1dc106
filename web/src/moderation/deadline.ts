// How much time a report has left before its deadline, in the moderator's language.
export interface TimeLeft {
  overdue: boolean;
  /** "in 5 hours" / "2 days ago", from Intl.RelativeTimeFormat. */
  relative: string;
}

export function timeLeft(deadlineIso: string, lang: string, now = Date.now()): TimeLeft | null {
  const deadline = Date.parse(deadlineIso);
  if (Number.isNaN(deadline)) return null;
  const minutes = Math.round((deadline - now) / 60_000);
  const rtf = new Intl.RelativeTimeFormat(lang, { numeric: 'always' });
  const abs = Math.abs(minutes);
  const relative = abs < 60 ? rtf.format(minutes, 'minute') : abs < 48 * 60 ? rtf.format(Math.round(minutes / 60), 'hour') : rtf.format(Math.round(minutes / 1440), 'day');
  return { overdue: deadline <= now, relative };
}
