// Settings → Strikes: what moderators did about this account and why, with one appeal per strike.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { AccountWarningJson } from '../../../api/entities.ts';
import { useSession } from '../session.tsx';
import { useI18n } from '../i18n/index.tsx';
import { usePaged } from '../lib/use-paged.ts';
import { formatTime } from '../lib/time.ts';
import { Page } from '../components/Page.tsx';
import { PagedList } from '../components/PagedList.tsx';
import { Link } from '../components/Link.tsx';
import { useAction } from '../lib/use-action.ts';

function AppealForm({ strike, onAppealed }: { strike: AccountWarningJson; onAppealed: (s: AccountWarningJson) => void }) {
  const { api } = useSession();
  const { t } = useI18n();
  const [text, setText] = useState('');
  const { busy, error, run } = useAction();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => onAppealed(await api.appealStrike(strike.id, text.trim())));
  };
  return (
    <form className="stack" onSubmit={submit}>
      <label>
        {t('strikes.appealLabel')}
        <textarea value={text} rows={3} maxLength={10_000} required onChange={(e) => setText(e.target.value)} />
      </label>
      <p className="meta">{t('strikes.appealOnce')}</p>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <div>
        <button type="submit" className="primary" disabled={busy || !text.trim()}>
          {t('strikes.appeal')}
        </button>
      </div>
    </form>
  );
}

function Strike({ strike, rules, focused, onChange }: { strike: AccountWarningJson; rules: Map<string, string>; focused: boolean; onChange: (s: AccountWarningJson) => void }) {
  const { t, lang } = useI18n();
  const ref = useRef<HTMLElement>(null);
  useEffect(() => {
    if (focused) ref.current?.focus();
  }, [focused]);
  const headingId = `strike-${strike.id}`;
  return (
    <li>
      <article ref={ref} tabIndex={focused ? -1 : undefined} className={focused ? 'status focused' : 'status'} aria-labelledby={headingId}>
        <h2 id={headingId} className="mod-item-title">
          {t(`strikes.action.${strike.action}`)}
        </h2>
        <p className="meta">
          <time dateTime={strike.created_at}>{formatTime(strike.created_at, lang)}</time>
          {strike.overruled && (
            <>
              {' '}
              <strong className="flag flag-good">{t('strikes.overruled')}</strong>
            </>
          )}
        </p>
        <p>
          <strong>{t('strikes.reason')}</strong> {strike.text || <span className="meta">{t('strikes.noReason')}</span>}
        </p>
        {strike.rule_ids.length > 0 && (
          <div>
            <strong>{t('strikes.rules')}</strong>
            <ul>
              {strike.rule_ids.map((id) => (
                <li key={id}>{rules.get(id) ?? id}</li>
              ))}
            </ul>
          </div>
        )}
        {strike.status_ids && strike.status_ids.length > 0 && (
          <p>
            <strong>{t('strikes.posts')}</strong>{' '}
            {strike.status_ids.map((id, i) => (
              <span key={id}>
                {i > 0 && ', '}
                <Link href={`/statuses/${id}`}>{t('strikes.post', { n: i + 1 })}</Link>
              </span>
            ))}
          </p>
        )}
        {strike.appeal ? (
          <div className="strike-appeal">
            <p role="status" className={strike.appeal.state === 'approved' ? 'success' : undefined}>
              <strong>{t(`strikes.appeal.${strike.appeal.state}`)}</strong>
            </p>
            <p className="mod-comment">{strike.appeal.text}</p>
          </div>
        ) : strike.overruled ? null : (
          <AppealForm strike={strike} onAppealed={onChange} />
        )}
      </article>
    </li>
  );
}

export default function Strikes({ id }: { id?: string }) {
  const { api, instance } = useSession();
  const { t } = useI18n();
  const list = usePaged((url) => api.strikes(url), 'strikes');
  const rules = new Map((instance?.rules ?? []).map((r) => [r.id, r.text]));
  const replace = (s: AccountWarningJson) => list.setItems((items) => items.map((x) => (x.id === s.id ? s : x)));
  return (
    <Page title={t('strikes.title')}>
      <p>{t('strikes.intro')}</p>
      <PagedList list={list} empty={t('strikes.none')}>
        {(s) => <Strike key={s.id} strike={s} rules={rules} focused={s.id === id} onChange={replace} />}
      </PagedList>
    </Page>
  );
}
