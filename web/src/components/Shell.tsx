// The frame around every screen: skip link, navigation, search, compose panel, connection
// state, keyboard shortcuts and their help.
import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useSession } from '../session.tsx';
import { useI18n } from '../i18n/index.tsx';
import { draftContext, useCompose } from '../compose-state.tsx';
import { navigate, useLocation } from '../router.ts';
import { installShortcuts } from '../lib/shortcuts.ts';
import { openStream } from '../api/streaming.ts';
import { isStaff } from '../lib/staff.ts';
import { Link } from './Link.tsx';
import { Compose } from './Compose.tsx';
import { ConnectionBanner } from './ConnectionBanner.tsx';
import { Dialog } from './Dialog.tsx';

export const NOTIFICATIONS_READ = 'parley:notifications-read';

function useUnreadCount(): number {
  const { api, token, me, instance } = useSession();
  const [count, setCount] = useState(0);
  useEffect(() => {
    if (!me) return;
    api.unreadCount().then((r) => setCount(r.count), () => {});
    const read = () => setCount(0);
    window.addEventListener(NOTIFICATIONS_READ, read);
    const close = token
      ? openStream(instance?.configuration.urls.streaming ?? '', token, 'user:notification', {}, (m) => {
          if (m.event === 'notification') setCount((c) => c + 1);
        })
      : () => {};
    return () => {
      window.removeEventListener(NOTIFICATIONS_READ, read);
      close();
    };
  }, [api, me, token, instance]);
  return count;
}

function NavLink({ href, children, current }: { href: string; children: ReactNode; current: boolean }) {
  return (
    <li>
      <Link href={href} aria-current={current ? 'page' : undefined}>
        {children}
      </Link>
    </li>
  );
}

export function Shell({ children }: { children: ReactNode }) {
  const { me, signIn, signOut } = useSession();
  const { t } = useI18n();
  const compose = useCompose();
  const { path, search } = useLocation();
  const [helpOpen, setHelpOpen] = useState(false);
  const [query, setQuery] = useState(search.get('q') ?? '');
  const searchInput = useRef<HTMLInputElement>(null);
  const unread = useUnreadCount();

  useEffect(
    () =>
      installShortcuts({
        compose: () => me && compose.start(compose.mode),
        home: () => navigate('/'),
        notifications: () => navigate('/notifications'),
        search: () => searchInput.current?.focus(),
        help: () => setHelpOpen(true),
      }),
    [me, compose],
  );

  // Move focus to the new screen's content so screen readers announce it.
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    document.getElementById('main')?.focus({ preventScroll: true });
  }, [path]);

  const submitSearch = (e: FormEvent) => {
    e.preventDefault();
    if (query.trim()) navigate(`/search?q=${encodeURIComponent(query.trim())}`);
  };

  const is = (p: string) => path === p;
  return (
    <>
      <a className="skip-link" href="#main">
        {t('nav.skip')}
      </a>
      <ConnectionBanner />
      <div className={compose.open ? 'layout compose-open' : 'layout'}>
        <header className="sidebar">
          <Link href="/" className="brand">
            Parley
          </Link>
          <form role="search" onSubmit={submitSearch} className="search-form">
            <input ref={searchInput} type="search" aria-label={t('nav.search')} placeholder={t('nav.searchPlaceholder')} value={query} onChange={(e) => setQuery(e.target.value)} />
          </form>
          <nav aria-label={t('nav.main')}>
            <ul>
              {me ? (
                <>
                  <NavLink href="/" current={is('/') || is('/home')}>
                    {t('nav.home')}
                  </NavLink>
                  <NavLink href="/notifications" current={is('/notifications')}>
                    {t('nav.notifications')}
                    {unread > 0 && (
                      <span className="badge" aria-label={t('nav.unread', { n: unread })}>
                        {unread}
                      </span>
                    )}
                  </NavLink>
                  <NavLink href="/local" current={is('/local')}>
                    {t('nav.local')}
                  </NavLink>
                  <NavLink href="/lists" current={path.startsWith('/lists')}>
                    {t('nav.lists')}
                  </NavLink>
                  <NavLink href="/follow_requests" current={is('/follow_requests')}>
                    {t('nav.followRequests')}
                  </NavLink>
                  <NavLink href={`/accounts/${me.id}`} current={path.startsWith(`/accounts/${me.id}`)}>
                    {t('nav.profile')}
                  </NavLink>
                  <NavLink href="/preferences" current={path.startsWith('/preferences')}>
                    {t('nav.settings')}
                  </NavLink>
                  {isStaff(me) && (
                    <NavLink href="/moderation" current={path.startsWith('/moderation')}>
                      {t('nav.moderation')}
                    </NavLink>
                  )}
                </>
              ) : (
                <>
                  <NavLink href="/" current={is('/')}>
                    {t('nav.welcome')}
                  </NavLink>
                  <NavLink href="/local" current={is('/local')}>
                    {t('nav.local')}
                  </NavLink>
                </>
              )}
            </ul>
          </nav>
          <div className="sidebar-actions">
            {me ? (
              <>
                <button type="button" className="primary" onClick={() => compose.start({ kind: 'new' })}>
                  {t('nav.newPost')}
                </button>
                <button type="button" className="link-button" onClick={() => void signOut().then(() => navigate('/'))}>
                  {t('nav.signOut')}
                </button>
              </>
            ) : (
              <button type="button" className="primary" onClick={() => void signIn('/')}>
                {t('auth.signIn')}
              </button>
            )}
            <button type="button" className="link-button" onClick={() => setHelpOpen(true)}>
              {t('nav.shortcuts')}
            </button>
          </div>
        </header>
        <main id="main" tabIndex={-1}>
          {children}
        </main>
        {me && (
          <aside className="compose-panel" aria-label={t('compose.title')}>
            <div className="compose-panel-head">
              <h2>{t('compose.title')}</h2>
              <button type="button" className="link-button close-compose" onClick={compose.close}>
                {t('action.close')}
              </button>
            </div>
            <Compose key={draftContext(compose.mode)} />
          </aside>
        )}
      </div>
      {helpOpen && (
        <Dialog title={t('help.title')} onClose={() => setHelpOpen(false)}>
          <dl className="shortcuts">
            {(
              [
                ['n', 'help.compose'],
                ['g h', 'help.home'],
                ['g n', 'help.notifications'],
                ['/', 'help.search'],
                ['j / k', 'help.nextPrev'],
                ['?', 'help.help'],
                ['Ctrl+Enter', 'help.send'],
              ] as const
            ).map(([key, label]) => (
              <div key={key}>
                <dt>
                  <kbd>{key}</kbd>
                </dt>
                <dd>{t(label)}</dd>
              </div>
            ))}
          </dl>
          <button type="button" onClick={() => setHelpOpen(false)}>
            {t('action.close')}
          </button>
        </Dialog>
      )}
    </>
  );
}
