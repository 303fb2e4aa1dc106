// Validation of what a client says about an upload: alt text and focal point.
import { unprocessable } from '../../domain/errors.ts';

export const DESCRIPTION_LIMIT = 1500;

export function checkDescription(value: string | null | undefined): string | null | undefined {
  if (value === undefined || value === null) return value;
  if ([...value].length > DESCRIPTION_LIMIT) throw unprocessable(`Description is too long (maximum is ${DESCRIPTION_LIMIT} characters)`);
  return value.trim() === '' ? null : value;
}

/** Mastodon's focus parameter: "x,y" with each between -1.0 and 1.0. */
export function parseFocus(value: string | null | undefined): { x: number; y: number } | null | undefined {
  if (value === undefined || value === null || value === '') return value === '' ? null : value;
  const m = /^\s*(-?\d+(?:\.\d+)?)\s*,\s*(-?\d+(?:\.\d+)?)\s*$/.exec(value);
  const x = m ? Number(m[1]) : NaN;
  const y = m ? Number(m[2]) : NaN;
  if (!(Math.abs(x) <= 1 && Math.abs(y) <= 1)) throw unprocessable('Focus must be two numbers between -1.0 and 1.0, as "x,y"');
  return { x, y };
}
