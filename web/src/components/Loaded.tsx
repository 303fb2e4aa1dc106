// The states of a list loaded once: its error (with a retry), still loading, empty, or its items.
import type { ReactNode } from 'react';
import { useI18n } from '../i18n/index.tsx';
import { ErrorMessage } from './errors.tsx';

export function Loaded<T>({ items, error, onRetry, empty, children }: { items: readonly T[] | null; error: unknown; onRetry: () => void; empty: string; children: (items: readonly T[]) => ReactNode }) {
  const { t } = useI18n();
  if (error) return <ErrorMessage error={error} onRetry={onRetry} />;
  if (!items) return <p className="meta">{t('common.loading')}</p>;
  if (items.length === 0) return <p>{empty}</p>;
  return <>{children(items)}</>;
}
