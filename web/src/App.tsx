// Chooses the screen for the current path; screens after the first are loaded on demand.
import { lazy, Suspense, type ReactNode } from 'react';
import { matchRoute, useLocation } from './router.ts';
import { useSession } from './session.tsx';
import { useI18n } from './i18n/index.tsx';
import { Shell } from './components/Shell.tsx';
import { Page } from './components/Page.tsx';
import { Timeline } from './components/Timeline.tsx';
import { Welcome } from './screens/Welcome.tsx';
import { Callback } from './screens/Callback.tsx';

const SignUp = lazy(() => import('./screens/SignUp.tsx'));
const TagTimeline = lazy(() => import('./screens/TagTimeline.tsx'));
const Thread = lazy(() => import('./screens/Thread.tsx'));
const Profile = lazy(() => import('./screens/Profile.tsx'));
const Notifications = lazy(() => import('./screens/Notifications.tsx'));
const Search = lazy(() => import('./screens/Search.tsx'));
const Lists = lazy(() => import('./screens/Lists.tsx'));
const ListTimeline = lazy(() => import('./screens/ListTimeline.tsx'));
const FollowRequests = lazy(() => import('./screens/FollowRequests.tsx'));
const ProfileSettings = lazy(() => import('./screens/ProfileSettings.tsx'));
const AccountSettings = lazy(() => import('./screens/AccountSettings.tsx'));
const Strikes = lazy(() => import('./screens/Strikes.tsx'));
const DataSettings = lazy(() => import('./screens/DataSettings.tsx'));
const SecuritySettings = lazy(() => import('./screens/SecuritySettings.tsx'));
const Invites = lazy(() => import('./screens/Invites.tsx'));
// Staff only: ordinary people never download the moderation screens.
const Moderation = lazy(() => import('./moderation/Moderation.tsx'));

function NeedsSignIn({ children }: { children: ReactNode }) {
  const { me } = useSession();
  return me ? <>{children}</> : <Welcome />;
}

function Home() {
  const { api } = useSession();
  const { t } = useI18n();
  return (
    <Page title={t('nav.home')}>
      <Timeline id="home" label={t('nav.home')} load={api.homeTimeline} stream={{ name: 'user' }} showOwnPosts />
    </Page>
  );
}

function Local() {
  const { api } = useSession();
  const { t } = useI18n();
  return (
    <Page title={t('nav.local')}>
      <Timeline id="local" label={t('nav.local')} load={api.localTimeline} stream={{ name: 'public:local' }} />
    </Page>
  );
}

function Screen() {
  const { path } = useLocation();
  const { t } = useI18n();
  const route = matchRoute(path);
  switch (route.name) {
    case 'home':
      return (
        <NeedsSignIn>
          <Home />
        </NeedsSignIn>
      );
    case 'callback':
      return <Callback />;
    case 'signup':
      return <SignUp />;
    case 'local':
      return <Local />;
    case 'tag':
      return <TagTimeline tag={route.tag} />;
    case 'status':
      return <Thread id={route.id} />;
    case 'account':
      return <Profile id={route.id} tab={route.tab} />;
    case 'notifications':
      return (
        <NeedsSignIn>
          <Notifications />
        </NeedsSignIn>
      );
    case 'search':
      return <Search />;
    case 'lists':
      return (
        <NeedsSignIn>
          <Lists />
        </NeedsSignIn>
      );
    case 'list':
      return (
        <NeedsSignIn>
          <ListTimeline id={route.id} />
        </NeedsSignIn>
      );
    case 'followRequests':
      return (
        <NeedsSignIn>
          <FollowRequests />
        </NeedsSignIn>
      );
    case 'settingsProfile':
      return (
        <NeedsSignIn>
          <ProfileSettings />
        </NeedsSignIn>
      );
    case 'settingsAccount':
      return (
        <NeedsSignIn>
          <AccountSettings />
        </NeedsSignIn>
      );
    case 'settingsData':
      return (
        <NeedsSignIn>
          <DataSettings />
        </NeedsSignIn>
      );
    case 'settingsSecurity':
      return (
        <NeedsSignIn>
          <SecuritySettings />
        </NeedsSignIn>
      );
    case 'settingsInvites':
      return (
        <NeedsSignIn>
          <Invites />
        </NeedsSignIn>
      );
    case 'strikes':
      return (
        <NeedsSignIn>
          <Strikes id={route.id} />
        </NeedsSignIn>
      );
    case 'moderation':
      return (
        <NeedsSignIn>
          <Moderation screen={route.screen} />
        </NeedsSignIn>
      );
    case 'notFound':
      return (
        <Page title={t('error.pageNotFound')}>
          <p>{t('error.pageNotFoundText')}</p>
        </Page>
      );
  }
}

export function App() {
  const { loading } = useSession();
  const { t } = useI18n();
  return (
    <Shell>
      {loading ? (
        <p className="meta" role="status">
          {t('common.loading')}
        </p>
      ) : (
        <Suspense
          fallback={
            <p className="meta" role="status">
              {t('common.loading')}
            </p>
          }
        >
          <Screen />
        </Suspense>
      )}
    </Shell>
  );
}
