// Which post the compose box is working on (new, reply, quote, edit) and whether it is open on phones.
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import type { StatusJson } from '../../api/entities.ts';

export type ComposeMode =
  | { kind: 'new' }
  | { kind: 'reply'; status: StatusJson }
  | { kind: 'quote'; status: StatusJson }
  | { kind: 'edit'; status: StatusJson };

interface ComposeState {
  mode: ComposeMode;
  open: boolean;
  /** Bumped to ask the compose box to take focus. */
  focusTick: number;
  start: (mode: ComposeMode) => void;
  close: () => void;
}

const Ctx = createContext<ComposeState | null>(null);

export function ComposeProvider({ children }: { children: ReactNode }) {
  const [mode, setMode] = useState<ComposeMode>({ kind: 'new' });
  const [open, setOpen] = useState(false);
  const [focusTick, setFocusTick] = useState(0);
  const start = useCallback((m: ComposeMode) => {
    setMode(m);
    setOpen(true);
    setFocusTick((n) => n + 1);
  }, []);
  const close = useCallback(() => {
    setOpen(false);
    setMode({ kind: 'new' });
  }, []);
  const value = useMemo(() => ({ mode, open, focusTick, start, close }), [mode, open, focusTick, start, close]);
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export function useCompose(): ComposeState {
  const c = useContext(Ctx);
  if (!c) throw new Error('useCompose outside ComposeProvider');
  return c;
}

export function draftContext(mode: ComposeMode): string {
  return mode.kind === 'new' ? 'new' : `${mode.kind}:${mode.status.id}`;
}
