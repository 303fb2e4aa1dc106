import type { ReactNode } from 'react';
import type { AccountJson } from '../../../api/entities.ts';
import { Link } from './Link.tsx';

export function displayName(a: AccountJson): string {
  return a.display_name.trim() || a.username;
}

export function Avatar({ account, size = 46 }: { account: AccountJson; size?: number }) {
  return <img className="avatar" src={account.avatar} alt="" width={size} height={size} loading="lazy" />;
}

/** Name and handle, linking to the profile. */
export function AccountName({ account }: { account: AccountJson }) {
  return (
    <Link href={`/accounts/${account.id}`} className="account-name">
      <bdi className="display-name">{displayName(account)}</bdi> <span className="acct">@{account.acct}</span>
    </Link>
  );
}

export function AccountRow({ account, children }: { account: AccountJson; children?: ReactNode }) {
  return (
    <div className="account-row">
      <Avatar account={account} />
      <AccountName account={account} />
      {children && <div className="row-actions">{children}</div>}
    </div>
  );
}
