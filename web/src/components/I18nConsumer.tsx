import type { ReactNode } from 'react';
import { useI18n, type Translate } from '../i18n/index.tsx';

export function I18nConsumer({ children }: { children: (t: Translate) => ReactNode }) {
  const { t } = useI18n();
  return <>{children(t)}</>;
}
