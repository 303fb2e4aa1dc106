// Edit the profile: picture and header image, display name, bio, up to four fields, whether
// follows need approval, and whether people who are not signed in may read the posts.
import { useState, type FormEvent } from 'react';
import { useSession } from '../session.tsx';
import { useI18n } from '../i18n/index.tsx';
import { Page } from '../components/Page.tsx';
import { Link } from '../components/Link.tsx';
import { errorText } from '../components/errors.tsx';
import { ProfileImageField } from '../components/ProfileImageField.tsx';

const MAX_FIELDS = 4;

export default function ProfileSettings() {
  const { api, me, refreshMe } = useSession();
  const { t } = useI18n();
  const [displayName, setDisplayName] = useState(me?.display_name ?? '');
  const [note, setNote] = useState(me?.source.note ?? '');
  const [locked, setLocked] = useState(me?.locked ?? false);
  const [hideFromLoggedOut, setHideFromLoggedOut] = useState(me?.source.hide_from_logged_out ?? false);
  const [fields, setFields] = useState(() => {
    const f = (me?.source.fields ?? []).map(({ name, value }) => ({ name, value }));
    while (f.length < MAX_FIELDS) f.push({ name: '', value: '' });
    return f;
  });
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setMessage(null);
    try {
      const fields_attributes: Record<string, { name: string; value: string }> = {};
      fields.forEach((f, i) => {
        fields_attributes[String(i)] = f;
      });
      await api.updateCredentials({ display_name: displayName, note, locked, hide_from_logged_out: hideFromLoggedOut, fields_attributes });
      await refreshMe();
      setMessage({ ok: true, text: t('settings.saved') });
    } catch (err) {
      setMessage({ ok: false, text: errorText(err, t) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Page title={t('settings.profileTitle')}>
      <p>
        <Link href="/preferences">{t('settings.accountTitle')}</Link>
      </p>
      <div className="profile-images">
        <ProfileImageField kind="avatar" />
        <ProfileImageField kind="header" />
      </div>
      <form onSubmit={submit} className="stack">
        <label>
          {t('settings.displayName')}
          <input value={displayName} maxLength={30} onChange={(e) => setDisplayName(e.target.value)} />
        </label>
        <label>
          {t('settings.bio')}
          <textarea value={note} maxLength={500} rows={4} onChange={(e) => setNote(e.target.value)} />
        </label>
        <fieldset>
          <legend>{t('settings.fields')}</legend>
          {fields.map((f, i) => (
            <div key={i} className="field-pair">
              <input aria-label={t('settings.fieldLabel', { n: i + 1 })} placeholder={t('settings.fieldLabel', { n: i + 1 })} value={f.name} maxLength={255} onChange={(e) => setFields(fields.map((x, j) => (j === i ? { ...x, name: e.target.value } : x)))} />
              <input aria-label={t('settings.fieldContent', { n: i + 1 })} placeholder={t('settings.fieldContent', { n: i + 1 })} value={f.value} maxLength={255} onChange={(e) => setFields(fields.map((x, j) => (j === i ? { ...x, value: e.target.value } : x)))} />
            </div>
          ))}
        </fieldset>
        <label className="checkbox">
          <input type="checkbox" checked={locked} onChange={(e) => setLocked(e.target.checked)} /> {t('settings.locked')}
        </label>
        <label className="checkbox">
          <input type="checkbox" checked={hideFromLoggedOut} onChange={(e) => setHideFromLoggedOut(e.target.checked)} /> {t('settings.hideFromLoggedOut')}
        </label>
        {message && (
          <p className={message.ok ? 'success' : 'error'} role={message.ok ? 'status' : 'alert'}>
            {message.text}
          </p>
        )}
        <button type="submit" className="primary" disabled={busy}>
          {t('settings.save')}
        </button>
      </form>
    </Page>
  );
}
