// Account settings: interface language, push notifications, sign-out, deleting the account.
import { useEffect, useState } from 'react';
import { useSession } from '../session.tsx';
import { useI18n, LANGUAGES, type Lang } from '../i18n/index.tsx';
import { navigate } from '../router.ts';
import { Page } from '../components/Page.tsx';
import { Link } from '../components/Link.tsx';
import { errorText } from '../components/errors.tsx';
import { DeleteAccount } from '../components/DeleteAccount.tsx';
import { pushSupported, currentPushSubscription, subscribePush, unsubscribePush } from '../lib/push.ts';

const LANGUAGE_NAMES: Record<Lang, string> = { en: 'English', de: 'Deutsch' };

export default function AccountSettings() {
  const { api, instance, signOut } = useSession();
  const { t, lang, setLang } = useI18n();
  const [pushOn, setPushOn] = useState(false);
  const [pushMessage, setPushMessage] = useState<string | null>(null);
  const vapidKey = instance?.configuration.vapid.public_key ?? '';

  useEffect(() => {
    currentPushSubscription().then((s) => setPushOn(Boolean(s)), () => {});
  }, []);

  const togglePush = async () => {
    setPushMessage(null);
    try {
      if (pushOn) {
        await unsubscribePush(api);
        setPushOn(false);
        setPushMessage(t('settings.pushOff'));
      } else {
        await subscribePush(api, vapidKey);
        setPushOn(true);
        setPushMessage(t('settings.pushOn'));
      }
    } catch (err) {
      setPushMessage(err instanceof Error && err.name === 'NotAllowedError' ? t('settings.pushDenied') : errorText(err, t));
    }
  };

  return (
    <Page title={t('settings.accountTitle')}>
      <ul className="plain row-buttons">
        <li>
          <Link href="/preferences/profile">{t('settings.profileTitle')}</Link>
        </li>
        <li>
          <Link href="/preferences/strikes">{t('strikes.title')}</Link>
        </li>
        <li>
          <Link href="/preferences/security">{t('security.title')}</Link>
        </li>
        <li>
          <Link href="/preferences/data">{t('settings.dataLink')}</Link>
        </li>
        <li>
          <Link href="/preferences/invites">{t('invites.title')}</Link>
        </li>
      </ul>
      <section aria-labelledby="lang-h" className="stack">
        <h2 id="lang-h">{t('settings.language')}</h2>
        <label>
          {t('settings.interfaceLanguage')}
          <select value={lang} onChange={(e) => setLang(e.target.value as Lang)}>
            {LANGUAGES.map((l) => (
              <option key={l} value={l} lang={l}>
                {LANGUAGE_NAMES[l]}
              </option>
            ))}
          </select>
        </label>
      </section>
      <section aria-labelledby="push-h" className="stack">
        <h2 id="push-h">{t('settings.push')}</h2>
        {!pushSupported() || !vapidKey ? (
          <p>{t('settings.pushUnavailable')}</p>
        ) : (
          <label className="checkbox">
            <input type="checkbox" checked={pushOn} onChange={() => void togglePush()} /> {t('settings.pushToggle')}
          </label>
        )}
        {pushMessage && <p role="status">{pushMessage}</p>}
      </section>
      <section aria-labelledby="session-h" className="stack">
        <h2 id="session-h">{t('settings.session')}</h2>
        <p>
          <a href="/auth/password/new">{t('auth.forgotPassword')}</a>
        </p>
        <button type="button" onClick={() => void signOut().then(() => navigate('/'))}>
          {t('nav.signOut')}
        </button>
      </section>
      <DeleteAccount />
    </Page>
  );
}
