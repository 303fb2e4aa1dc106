// Finding a local account to moderate: by username, display name or e-mail (parts match), by
// state, or only the staff. Each result opens the account's moderation screen. The server has no
// IP search, so none is offered.
import { useState, type FormEvent } from 'react';
import type { AdminAccountJson } from '../../../api/entities.ts';
import { useI18n } from '../i18n/index.tsx';
import { usePaged } from '../lib/use-paged.ts';
import { Page } from '../components/Page.tsx';
import { PagedList } from '../components/PagedList.tsx';
import { Link } from '../components/Link.tsx';
import type { AccountSearch as Filter, AccountStatusFilter } from './admin-api.ts';
import { useAdmin } from './use-admin.ts';
import { activeSanctions } from './AdminAccount.tsx';
import { useModText } from './messages.ts';

const STATUSES: AccountStatusFilter[] = ['active', 'pending', 'disabled', 'silenced', 'suspended'];

function Result({ account }: { account: AdminAccountJson }) {
  const { t } = useI18n();
  return (
    <li className="mod-item">
      <Link href={`/moderation/accounts/${account.id}`} className="mod-item-title">
        @{account.account.acct}
      </Link>
      <span className="meta" style={{ overflowWrap: 'anywhere' }}>
        {' '}
        {account.account.display_name && <>{account.account.display_name} · </>}
        {account.email ?? '—'}
        {account.role.name && <> · {account.role.name}</>}
      </span>
      {!account.approved && <span className="flag">{t('mod.state.pending')}</span>}
      {activeSanctions(account).map((s) => (
        <span key={s.state} className="flag flag-overdue">
          {t(`mod.state.${s.state}`)}
        </span>
      ))}
    </li>
  );
}

export function AccountSearch() {
  const admin = useAdmin();
  const { t } = useI18n();
  const mt = useModText();
  const [draft, setDraft] = useState<Filter>({});
  const [filter, setFilter] = useState<Filter>({});
  const list = usePaged((url) => admin.searchAccounts(filter, url), `accounts:${JSON.stringify(filter)}`);
  const set = (patch: Filter) => setDraft((d) => ({ ...d, ...patch }));
  const apply = (e: FormEvent) => {
    e.preventDefault();
    setFilter({ ...draft, username: draft.username?.trim(), display_name: draft.display_name?.trim(), email: draft.email?.trim() });
  };
  return (
    <Page title={mt('nav.accounts')}>
      <form className="inline-form" onSubmit={apply} aria-label={mt('accounts.search')}>
        <label>
          {mt('accounts.username')}
          <input value={draft.username ?? ''} maxLength={100} onChange={(e) => set({ username: e.target.value })} />
        </label>
        <label>
          {mt('accounts.displayName')}
          <input value={draft.display_name ?? ''} maxLength={100} onChange={(e) => set({ display_name: e.target.value })} />
        </label>
        <label>
          {mt('accounts.email')}
          <input value={draft.email ?? ''} maxLength={254} onChange={(e) => set({ email: e.target.value })} />
        </label>
        <label>
          {mt('accounts.status')}
          <select value={draft.status ?? ''} onChange={(e) => set({ status: STATUSES.find((s) => s === e.target.value) })}>
            <option value="">{mt('accounts.anyStatus')}</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`mod.state.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="checkbox">
          <input type="checkbox" checked={draft.staff ?? false} onChange={(e) => set({ staff: e.target.checked })} /> {mt('accounts.staffOnly')}
        </label>
        <button type="submit">{mt('accounts.submit')}</button>
      </form>
      <PagedList list={list} empty={mt('accounts.none')} className="plain mod-list">
        {(a) => <Result key={a.id} account={a} />}
      </PagedList>
    </Page>
  );
}
