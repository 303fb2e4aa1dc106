// In-app notices about statuses, so every list showing one stays in step after an action.
import type { StatusJson } from '../../../api/entities.ts';

export type StatusEvent = { kind: 'posted' | 'updated'; status: StatusJson } | { kind: 'deleted'; id: string };
type Listener = (e: StatusEvent) => void;

const listeners = new Set<Listener>();

export function emitStatus(e: StatusEvent): void {
  for (const l of listeners) l(e);
}

export function onStatus(l: Listener): () => void {
  listeners.add(l);
  return () => listeners.delete(l);
}
