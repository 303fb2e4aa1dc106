// Admins only: the registered client apps, each with its "store-safe" switch. A store-safe app
// never shows its users other people's posts labelled sensitive or held for review (app-store
// builds need that). While a change is on its way the switch shows the choice; after it, what
// the server answered, so a refused change never looks applied.
import { useState } from 'react';
import type { AdminAppJson } from '../../../api/entities.ts';
import { useSession } from '../session.tsx';
import { useI18n } from '../i18n/index.tsx';
import { usePaged } from '../lib/use-paged.ts';
import { formatTime } from '../lib/time.ts';
import { Page } from '../components/Page.tsx';
import { PagedList } from '../components/PagedList.tsx';
import { useAdmin } from './use-admin.ts';
import { useAction } from '../lib/use-action.ts';
import { useModText } from './messages.ts';
import { isAdmin } from '../lib/staff.ts';

/** Only web addresses become links: the website is whatever the app's author registered. */
function webUrl(website: string | null): string | null {
  if (!website) return null;
  try {
    const url = new URL(website);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
  } catch {
    return null;
  }
}

function AppItem({ app, onChange }: { app: AdminAppJson; onChange: (a: AdminAppJson) => void }) {
  const admin = useAdmin();
  const { lang } = useI18n();
  const mt = useModText();
  const { busy, error, run } = useAction();
  const [pending, setPending] = useState<boolean | null>(null);
  const headingId = `app-${app.id}`;
  const href = webUrl(app.website);
  const toggle = async (storeSafe: boolean) => {
    setPending(storeSafe);
    await run(async () => onChange(await admin.updateApp(app.id, { store_safe: storeSafe })));
    setPending(null);
  };
  return (
    <li className="mod-item">
      <article aria-labelledby={headingId}>
        <h2 id={headingId} className="mod-item-title">
          {app.name}
        </h2>
        {/* Registered websites can be long single words; they must not widen a phone's page. */}
        <p className="meta" style={{ overflowWrap: 'anywhere' }}>
          {href ? (
            <a href={href} rel="noopener noreferrer nofollow" target="_blank">
              {app.website}
            </a>
          ) : (
            app.website
          )}
          {app.website && ' · '}
          {mt('apps.users', { n: app.users_count })} · <time dateTime={app.created_at}>{mt('apps.registered', { time: formatTime(app.created_at, lang) })}</time>
        </p>
        <label className="checkbox">
          <input type="checkbox" role="switch" checked={pending ?? app.store_safe} disabled={busy} onChange={(e) => void toggle(e.target.checked)} /> {mt('apps.storeSafe')}
        </label>
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
      </article>
    </li>
  );
}

export function Apps() {
  const { me } = useSession();
  const mt = useModText();
  if (!isAdmin(me)) {
    return (
      <Page title={mt('nav.apps')}>
        <p>{mt('apps.adminsOnly')}</p>
      </Page>
    );
  }
  return <AppList />;
}

function AppList() {
  const admin = useAdmin();
  const mt = useModText();
  const list = usePaged((url) => admin.apps(url), 'apps');
  const replace = (a: AdminAppJson) => list.setItems((items) => items.map((x) => (x.id === a.id ? a : x)));
  return (
    <Page title={mt('nav.apps')}>
      <p>{mt('apps.explain')}</p>
      <PagedList list={list} empty={mt('apps.none')} className="plain mod-list">
        {(a) => <AppItem key={a.id} app={a} onChange={replace} />}
      </PagedList>
    </Page>
  );
}
