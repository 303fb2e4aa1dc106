// A list's timeline, and who is on the list (add people by searching among those followed).
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import type { AccountJson, ListJson } from '../../../api/entities.ts';
import { useSession } from '../session.tsx';
import { useI18n } from '../i18n/index.tsx';
import { Page } from '../components/Page.tsx';
import { Timeline } from '../components/Timeline.tsx';
import { AccountRow } from '../components/AccountName.tsx';
import { ErrorMessage } from '../components/errors.tsx';

export default function ListTimeline({ id }: { id: string }) {
  const { api } = useSession();
  const { t } = useI18n();
  const [list, setList] = useState<ListJson | null>(null);
  const [members, setMembers] = useState<AccountJson[]>([]);
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<AccountJson[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [generation, setGeneration] = useState(0);
  const load = useCallback((url?: string) => api.listTimeline(id, url), [api, id]);

  useEffect(() => {
    api.list(id).then(setList, setError);
    api.listAccounts(id).then((p) => setMembers(p.items), setError);
  }, [api, id, generation]);

  const search = (e: FormEvent) => {
    e.preventDefault();
    api.search(query, 'accounts', 10).then((r) => setFound(r.accounts), setError);
  };
  const change = (p: Promise<unknown>) => p.then(() => setGeneration((g) => g + 1), setError);

  if (error && !list) return <ErrorMessage error={error} />;
  return (
    <Page title={list?.title ?? t('common.loading')}>
      <details className="list-members">
        <summary>{t('lists.members', { n: members.length })}</summary>
        <ul>
          {members.map((a) => (
            <li key={a.id}>
              <AccountRow account={a}>
                <button type="button" onClick={() => change(api.removeFromList(id, [a.id]))}>
                  {t('lists.remove')}
                </button>
              </AccountRow>
            </li>
          ))}
        </ul>
        <form onSubmit={search} className="inline-form">
          <input type="search" aria-label={t('lists.findPeople')} placeholder={t('lists.findPeople')} value={query} onChange={(e) => setQuery(e.target.value)} />
          <button type="submit">{t('nav.search')}</button>
        </form>
        <ul>
          {found
            .filter((a) => !members.some((m) => m.id === a.id))
            .map((a) => (
              <li key={a.id}>
                <AccountRow account={a}>
                  <button type="button" onClick={() => change(api.addToList(id, [a.id]))}>
                    {t('lists.add')}
                  </button>
                </AccountRow>
              </li>
            ))}
        </ul>
        {error !== null && <ErrorMessage error={error} />}
      </details>
      <Timeline id={`list:${id}:${generation}`} label={list?.title ?? ''} load={load} stream={{ name: 'list', params: { list: id } }} />
    </Page>
  );
}
