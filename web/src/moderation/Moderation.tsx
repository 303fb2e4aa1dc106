// /moderation/*: the moderators' screens, one lazily loaded chunk that ordinary people never
// download. Staff whose token lacks the admin scopes are asked to grant them first.
import { useState, type ReactNode } from 'react';
import { useSession } from '../session.tsx';
import { useI18n } from '../i18n/index.tsx';
import { hasStaffScopes, STAFF_SCOPES } from '../api/oauth.ts';
import { useLocation, type ModerationScreen } from '../router.ts';
import { isAdmin, isStaff } from '../lib/staff.ts';
import { Page } from '../components/Page.tsx';
import { Link } from '../components/Link.tsx';
import { errorText } from '../components/errors.tsx';
import { Dashboard } from './Dashboard.tsx';
import { ReportDetail } from './ReportDetail.tsx';
import { AdminAccount } from './AdminAccount.tsx';
import { Appeals } from './Appeals.tsx';
import { Automated } from './Automated.tsx';
import { SignUps } from './SignUps.tsx';
import { AuditLog } from './AuditLog.tsx';
import { AccountSearch } from './AccountSearch.tsx';
import { Apps } from './Apps.tsx';
import { useModText } from './messages.ts';

function ModerationNav() {
  const { t } = useI18n();
  const mt = useModText();
  const { me } = useSession();
  const { path } = useLocation();
  const items: [string, string, boolean][] = [
    ['/moderation', t('mod.reports'), path === '/moderation' || path.startsWith('/moderation/reports')],
    ['/moderation/accounts', mt('nav.accounts'), path.startsWith('/moderation/accounts')],
    ['/moderation/appeals', t('mod.appeals'), path === '/moderation/appeals'],
    ['/moderation/automated', t('mod.automated'), path === '/moderation/automated'],
    ['/moderation/sign_ups', t('mod.signUps'), path === '/moderation/sign_ups'],
    ['/moderation/log', t('mod.log'), path === '/moderation/log'],
  ];
  // Only admins may use the apps API; moderators are not shown a screen that would refuse them.
  if (isAdmin(me)) items.push(['/moderation/apps', mt('nav.apps'), path.startsWith('/moderation/apps')]);
  return (
    <nav aria-label={t('mod.sections')} className="tabs">
      {items.map(([href, label, current]) => (
        <Link key={href} href={href} aria-current={current ? 'page' : undefined}>
          {label}
        </Link>
      ))}
    </nav>
  );
}

/** Staff sign in with the ordinary scopes; the admin API needs a second, wider authorization. */
function GrantAccess() {
  const { signIn } = useSession();
  const { t } = useI18n();
  const { path } = useLocation();
  const [error, setError] = useState<string | null>(null);
  return (
    <Page title={t('mod.title')}>
      <p>{t('mod.grantExplain')}</p>
      <button type="button" className="primary" onClick={() => signIn(path, STAFF_SCOPES).catch((err: unknown) => setError(errorText(err, t)))}>
        {t('mod.grant')}
      </button>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </Page>
  );
}

function Screen({ screen }: { screen: ModerationScreen }): ReactNode {
  switch (screen.kind) {
    case 'dashboard':
      return <Dashboard />;
    case 'report':
      return <ReportDetail id={screen.id} />;
    case 'account':
      return <AdminAccount id={screen.id} />;
    case 'accountSearch':
      return <AccountSearch />;
    case 'appeals':
      return <Appeals />;
    case 'automated':
      return <Automated />;
    case 'signUps':
      return <SignUps />;
    case 'log':
      return <AuditLog />;
    case 'apps':
      return <Apps />;
  }
}

export default function Moderation({ screen }: { screen: ModerationScreen }) {
  const { me, loading } = useSession();
  const { t } = useI18n();
  if (loading) {
    return (
      <p role="status" className="meta">
        {t('common.loading')}
      </p>
    );
  }
  if (!isStaff(me)) {
    return (
      <Page title={t('mod.title')}>
        <p>{t('mod.staffOnly')}</p>
      </Page>
    );
  }
  if (!hasStaffScopes()) return <GrantAccess />;
  return (
    <div className="moderation">
      <ModerationNav />
      <Screen screen={screen} />
    </div>
  );
}
