// The state every button that calls the server shares: busy while its call runs (so a double click cannot
// send it twice), and the server's refusal in words when it fails.
import { useCallback, useRef, useState } from 'react';
import { useI18n } from '../i18n/index.tsx';
import { errorText } from '../components/errors.tsx';

export interface Action {
  busy: boolean;
  /** The last failure, as text to show; cleared when the next call starts. */
  error: string | null;
  /** Runs the call unless one is already running; true when it succeeded. */
  run: (call: () => Promise<unknown>) => Promise<boolean>;
}

export function useAction(): Action {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // State updates land after the render; the ref stops a second click before that.
  const running = useRef(false);

  const run = useCallback(
    async (call: () => Promise<unknown>) => {
      if (running.current) return false;
      running.current = true;
      setBusy(true);
      setError(null);
      try {
        await call();
        return true;
      } catch (err) {
        setError(errorText(err, t));
        return false;
      } finally {
        running.current = false;
        setBusy(false);
      }
    },
    [t],
  );
  return { busy, error, run };
}
