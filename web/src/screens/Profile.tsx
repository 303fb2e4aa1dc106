// A profile: header, relationship actions (follow, mute, block, report) and tabs for posts,
// posts and replies, followers and following.
import { useCallback, useEffect, useState } from 'react';
import type { AccountJson, RelationshipJson } from '../../../api/entities.ts';
import { useSession } from '../session.tsx';
import { useI18n } from '../i18n/index.tsx';
import { Page } from '../components/Page.tsx';
import { Link } from '../components/Link.tsx';
import { Menu, type MenuItem } from '../components/Menu.tsx';
import { Timeline } from '../components/Timeline.tsx';
import { InfiniteList } from '../components/InfiniteList.tsx';
import { AccountRow, displayName } from '../components/AccountName.tsx';
import { ErrorMessage, errorText } from '../components/errors.tsx';
import { ReportDialog } from '../components/ReportDialog.tsx';
import { usePaged } from '../lib/use-paged.ts';

type Tab = 'posts' | 'replies' | 'followers' | 'following';

function AccountList({ id, kind }: { id: string; kind: 'followers' | 'following' }) {
  const { api } = useSession();
  const { t } = useI18n();
  const load = useCallback((url?: string) => (kind === 'followers' ? api.followers(id, url) : api.following(id, url)), [api, id, kind]);
  const paged = usePaged(load, `${kind}:${id}`);
  return <InfiniteList paged={paged} label={t(`profile.${kind}`)} empty={t('profile.nobody')} keyOf={(a) => a.id} render={(a) => <AccountRow account={a} />} />;
}

export default function Profile({ id, tab }: { id: string; tab: Tab }) {
  const { api, me } = useSession();
  const { t } = useI18n();
  const [account, setAccount] = useState<AccountJson | null>(null);
  const [rel, setRel] = useState<RelationshipJson | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const [reporting, setReporting] = useState(false);

  useEffect(() => {
    setError(null);
    setAccount(null);
    api.account(id).then(setAccount, setError);
    if (me && me.id !== id) api.relationships([id]).then((r) => setRel(r[0] ?? null), () => {});
  }, [api, id, me]);

  const loadPosts = useCallback((url?: string) => api.accountStatuses(id, tab === 'replies', url), [api, id, tab]);

  const act = async (action: 'follow' | 'unfollow' | 'block' | 'unblock' | 'mute' | 'unmute') => {
    if ((action === 'block' || action === 'mute') && account && !window.confirm(t(action === 'block' ? 'account.confirmBlock' : 'account.confirmMute', { name: `@${account.acct}` }))) return;
    setActionError(null);
    try {
      setRel(await api.accountAction(id, action));
      setAccount(await api.account(id));
    } catch (err) {
      setActionError(errorText(err, t));
    }
  };

  if (error) return <ErrorMessage error={error} />;
  if (!account) return <p role="status">{t('common.loading')}</p>;

  const own = me?.id === account.id;
  const items: MenuItem[] = rel
    ? [
        { label: rel.muting ? t('account.unmuteName', { name: `@${account.acct}` }) : t('account.muteName', { name: `@${account.acct}` }), onSelect: () => void act(rel.muting ? 'unmute' : 'mute') },
        { label: rel.blocking ? t('account.unblockName', { name: `@${account.acct}` }) : t('account.blockName', { name: `@${account.acct}` }), onSelect: () => void act(rel.blocking ? 'unblock' : 'block'), danger: !rel.blocking },
        { label: t('account.report', { name: `@${account.acct}` }), onSelect: () => setReporting(true), danger: true },
      ]
    : [];
  const followLabel = rel?.following ? t('account.unfollow') : rel?.requested ? t('account.cancelRequest') : account.locked ? t('account.requestFollow') : t('account.follow');
  const tabs: [Tab, string, string][] = [
    ['posts', t('profile.posts'), `/accounts/${id}`],
    ['replies', t('profile.postsAndReplies'), `/accounts/${id}/with_replies`],
    ['followers', t('profile.followersCount', { n: account.followers_count }), `/accounts/${id}/followers`],
    ['following', t('profile.followingCount', { n: account.following_count }), `/accounts/${id}/following`],
  ];

  return (
    <Page title={displayName(account)}>
      <section className="profile-header" aria-label={t('profile.about')}>
        <img className="avatar large" src={account.avatar} alt="" width={96} height={96} />
        <p className="acct">
          @{account.acct} {account.locked && <span aria-label={t('profile.locked')}>🔒</span>}
        </p>
        {rel?.followed_by && <p className="meta">{t('profile.followsYou')}</p>}
        <div className="content" dangerouslySetInnerHTML={{ __html: account.note }} />
        {account.fields.length > 0 && (
          <dl className="fields">
            {account.fields.map((f, i) => (
              <div key={i}>
                <dt>{f.name}</dt>
                <dd dangerouslySetInnerHTML={{ __html: f.value }} />
              </div>
            ))}
          </dl>
        )}
        <p className="meta">{t('profile.postsCount', { n: account.statuses_count })}</p>
        <div className="profile-actions">
          {own ? (
            <Link href="/preferences/profile" className="button">
              {t('profile.edit')}
            </Link>
          ) : (
            me &&
            rel && (
              <>
                {!rel.blocking && (
                  <button type="button" className={rel.following || rel.requested ? '' : 'primary'} onClick={() => void act(rel.following || rel.requested ? 'unfollow' : 'follow')}>
                    {followLabel}
                  </button>
                )}
                <Menu label={t('profile.more')} items={items} />
              </>
            )
          )}
        </div>
        {actionError && (
          <p className="error" role="alert">
            {actionError}
          </p>
        )}
      </section>
      <nav aria-label={t('profile.sections')} className="tabs">
        {tabs.map(([key, label, href]) => (
          <Link key={key} href={href} aria-current={tab === key ? 'page' : undefined}>
            {label}
          </Link>
        ))}
      </nav>
      {tab === 'followers' || tab === 'following' ? (
        <AccountList id={id} kind={tab} />
      ) : (
        <Timeline id={`account:${id}:${tab}`} label={tabs.find(([k]) => k === tab)?.[1] ?? ''} load={loadPosts} showOwnPosts={own && tab === 'posts'} />
      )}
      {reporting && <ReportDialog account={account} onClose={() => setReporting(false)} />}
    </Page>
  );
}
