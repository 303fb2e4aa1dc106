// Notifications; seeing them moves the read marker, which clears the unread count.
import { useEffect } from 'react';
import type { NotificationJson } from '../../../api/entities.ts';
import { useSession } from '../session.tsx';
import { useI18n, type MessageKey } from '../i18n/index.tsx';
import { usePaged } from '../lib/use-paged.ts';
import { Page } from '../components/Page.tsx';
import { InfiniteList } from '../components/InfiniteList.tsx';
import { Status } from '../components/Status.tsx';
import { AccountName, Avatar, displayName } from '../components/AccountName.tsx';
import { NOTIFICATIONS_READ } from '../components/Shell.tsx';
import { Link } from '../components/Link.tsx';

const TEXT: Record<string, MessageKey> = {
  mention: 'notification.mention',
  reblog: 'notification.reblog',
  favourite: 'notification.favourite',
  follow: 'notification.follow',
  follow_request: 'notification.followRequest',
  poll: 'notification.poll',
  status: 'notification.status',
  update: 'notification.update',
  quote: 'notification.quote',
  quoted_update: 'notification.update',
  moderation_warning: 'notification.moderationWarning',
  'admin.report': 'notification.adminReport',
};

function Notification({ n }: { n: NotificationJson }) {
  const { t } = useI18n();
  const key = TEXT[n.type] ?? 'notification.other';
  return (
    <article className="notification" aria-label={t(key, { name: displayName(n.account) })}>
      {n.type !== 'mention' && n.type !== 'status' && (
        <p className="notification-head">
          <Avatar account={n.account} size={32} /> <AccountName account={n.account} /> <span>{t(key, { name: '' }).trim()}</span>
        </p>
      )}
      {n.status && <Status status={n.status} />}
      {n.moderation_warning && (
        <p>
          <Link href={`/preferences/strikes/${n.moderation_warning.id}`}>{t('notification.openStrike')}</Link>
        </p>
      )}
      {n.report && (
        <p>
          <Link href={`/moderation/reports/${n.report.id}`}>{t('notification.openReport')}</Link>
        </p>
      )}
    </article>
  );
}

export default function Notifications() {
  const { api } = useSession();
  const { t } = useI18n();
  const paged = usePaged(api.notifications, 'notifications');
  const newest = paged.items[0]?.id;
  useEffect(() => {
    if (!newest) return;
    api.markRead(newest).then(() => window.dispatchEvent(new Event(NOTIFICATIONS_READ)), () => {});
  }, [api, newest]);
  return (
    <Page title={t('nav.notifications')}>
      <InfiniteList paged={paged} feed label={t('nav.notifications')} empty={t('notifications.empty')} keyOf={(n) => n.id} render={(n) => <Notification n={n} />} />
    </Page>
  );
}
