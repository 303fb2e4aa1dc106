// Upload, replace or remove the profile picture or the header image. The chosen picture shows
// at once while it uploads; the server's processed copy (hidden data removed) replaces it.
import { useEffect, useRef, useState } from 'react';
import { useSession } from '../session.tsx';
import { useI18n, type MessageKey } from '../i18n/index.tsx';
import { kindOfFile } from '../lib/media-limits.ts';
import { errorText } from './errors.tsx';

type Kind = 'avatar' | 'header';

// The server publishes no limits for these; it answers with a clear error when a file is refused.
const ACCEPT = 'image/png,image/jpeg,image/gif,image/webp';

const TEXT: Record<Kind, Record<'legend' | 'hint' | 'current' | 'upload' | 'replace' | 'remove' | 'confirmRemove' | 'saved' | 'removed', MessageKey>> = {
  avatar: {
    legend: 'settings.avatar',
    hint: 'settings.avatarHint',
    current: 'settings.currentAvatar',
    upload: 'settings.uploadAvatar',
    replace: 'settings.replaceAvatar',
    remove: 'settings.removeAvatar',
    confirmRemove: 'settings.confirmRemoveAvatar',
    saved: 'settings.avatarSaved',
    removed: 'settings.avatarRemoved',
  },
  header: {
    legend: 'settings.header',
    hint: 'settings.headerHint',
    current: 'settings.currentHeader',
    upload: 'settings.uploadHeader',
    replace: 'settings.replaceHeader',
    remove: 'settings.removeHeader',
    confirmRemove: 'settings.confirmRemoveHeader',
    saved: 'settings.headerSaved',
    removed: 'settings.headerRemoved',
  },
};

/** The server's stand-in pictures for people who have not chosen one. */
export function isDefaultImage(url: string | undefined): boolean {
  return !url || /\/(avatars|headers)\/original\/missing\.png$/.test(url);
}

export function ProfileImageField({ kind }: { kind: Kind }) {
  const { api, me, refreshMe } = useSession();
  const { t } = useI18n();
  const text = TEXT[kind];
  const input = useRef<HTMLInputElement>(null);
  const [preview, setPreview] = useState<{ url: string; name: string } | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const current = kind === 'avatar' ? me?.avatar : me?.header;
  const isDefault = isDefaultImage(current);

  useEffect(
    () => () => {
      if (preview) URL.revokeObjectURL(preview.url);
    },
    [preview],
  );

  const upload = async (file: File) => {
    setMessage(null);
    if (kindOfFile(file) !== 'image') {
      setMessage({ ok: false, text: t('media.unsupported', { name: file.name }) });
      return;
    }
    setBusy(true);
    setPreview({ url: URL.createObjectURL(file), name: file.name });
    setProgress(0);
    try {
      await api.updateProfileImage(kind, file, { onProgress: setProgress });
      await refreshMe();
      setMessage({ ok: true, text: t(text.saved) });
    } catch (err) {
      setMessage({ ok: false, text: errorText(err, t) });
    } finally {
      setBusy(false);
      setProgress(null);
      setPreview(null);
    }
  };

  const remove = async () => {
    if (!window.confirm(t(text.confirmRemove))) return;
    setBusy(true);
    setMessage(null);
    try {
      await api.deleteProfileImage(kind);
      await refreshMe();
      setMessage({ ok: true, text: t(text.removed) });
    } catch (err) {
      setMessage({ ok: false, text: errorText(err, t) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <fieldset className={`profile-image profile-image-${kind}`}>
      <legend>{t(text.legend)}</legend>
      {(preview || current) && (
        <img className={kind === 'avatar' ? 'avatar large' : 'header-preview'} src={preview?.url ?? current} alt={preview ? t('settings.newImagePreview') : t(text.current)} />
      )}
      <p className="meta">
        {t(text.hint)} {t('media.privacyNotice')}
      </p>
      <div className="row-buttons">
        <button type="button" disabled={busy} onClick={() => input.current?.click()}>
          {t(isDefault ? text.upload : text.replace)}
        </button>
        {!isDefault && (
          <button type="button" className="danger" disabled={busy} onClick={() => void remove()}>
            {t(text.remove)}
          </button>
        )}
      </div>
      <input
        ref={input}
        type="file"
        hidden
        accept={ACCEPT}
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) void upload(file);
        }}
      />
      {progress !== null && preview && <progress max={100} value={Math.round(progress * 100)} aria-label={t('media.uploading', { name: preview.name })} />}
      {message && (
        <p className={message.ok ? 'success' : 'error'} role={message.ok ? 'status' : 'alert'}>
          {message.text}
        </p>
      )}
    </fieldset>
  );
}
