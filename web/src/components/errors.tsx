// API failures shown in words: the server's own message, or a plain explanation.
import { ApiError, NetworkError } from '../api/http.ts';
import { useI18n, type Translate } from '../i18n/index.tsx';

export function errorText(err: unknown, t: Translate): string {
  if (err instanceof NetworkError) return t('error.offline');
  if (err instanceof ApiError) {
    if (err.status === 401) return t('error.unauthorized');
    if (err.status === 429) return t('error.rateLimited');
    // A proxy in front of the server may refuse a big upload before Parley sees it, without a message.
    if (err.status === 413) return t('error.tooLarge');
    if (err.status >= 500) return t('error.server');
    if (err.status === 404 && (!err.message || err.message === 'Not Found')) return t('error.notFound');
    return err.message || t('error.generic');
  }
  return t('error.generic');
}

export function ErrorMessage({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useI18n();
  return (
    <div className="error" role="alert">
      <p>{errorText(error, t)}</p>
      {onRetry && (
        <button type="button" onClick={onRetry}>
          {t('action.retry')}
        </button>
      )}
    </div>
  );
}
