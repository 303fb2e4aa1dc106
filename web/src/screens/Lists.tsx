import { useEffect, useState, type FormEvent } from 'react';
import type { ListJson } from '../../../api/entities.ts';
import { useSession } from '../session.tsx';
import { useI18n } from '../i18n/index.tsx';
import { Page } from '../components/Page.tsx';
import { Link } from '../components/Link.tsx';
import { ErrorMessage } from '../components/errors.tsx';

export default function Lists() {
  const { api } = useSession();
  const { t } = useI18n();
  const [lists, setLists] = useState<ListJson[] | null>(null);
  const [title, setTitle] = useState('');
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    api.lists().then(setLists, setError);
  }, [api]);

  const create = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      const list = await api.createList(title);
      setLists((l) => [...(l ?? []), list]);
      setTitle('');
    } catch (err) {
      setError(err);
    }
  };
  const remove = async (list: ListJson) => {
    if (!window.confirm(t('lists.confirmDelete', { title: list.title }))) return;
    try {
      await api.deleteList(list.id);
      setLists((l) => (l ?? []).filter((x) => x.id !== list.id));
    } catch (err) {
      setError(err);
    }
  };

  return (
    <Page title={t('nav.lists')}>
      <form onSubmit={create} className="inline-form">
        <input required aria-label={t('lists.newTitle')} placeholder={t('lists.newTitle')} value={title} maxLength={100} onChange={(e) => setTitle(e.target.value)} />
        <button type="submit">{t('lists.create')}</button>
      </form>
      {error !== null && <ErrorMessage error={error} />}
      {lists && lists.length === 0 && <p className="empty">{t('lists.empty')}</p>}
      <ul className="plain">
        {(lists ?? []).map((l) => (
          <li key={l.id} className="account-row">
            <Link href={`/lists/${l.id}`}>{l.title}</Link>
            <button type="button" className="link-button" onClick={() => void remove(l)} aria-label={t('lists.delete', { title: l.title })}>
              {t('action.delete')}
            </button>
          </li>
        ))}
      </ul>
    </Page>
  );
}
