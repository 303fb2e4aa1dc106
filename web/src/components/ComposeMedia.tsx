// The media part of the compose box: the attach button, each attached file with its upload
// progress, processing state, error, description and focal point, the "sensitive" switch, and
// the notice that hidden data (location, camera) is removed before anything is stored.
import { useRef, useState } from 'react';
import { useI18n } from '../i18n/index.tsx';
import { focusToPercent, objectPosition } from '../lib/media-focus.ts';
import { MediaEditDialog } from './MediaEditDialog.tsx';
import type { ComposeMedia, MediaItem } from './use-compose-media.ts';

export function AttachButton({ media, disabled, onFiles }: { media: ComposeMedia; disabled: boolean; onFiles: (files: File[]) => void }) {
  const { t } = useI18n();
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <button type="button" className="tool" disabled={disabled || media.full} title={t('media.attachHint')} onClick={() => input.current?.click()}>
        {t('media.attach')}
      </button>
      <input
        ref={input}
        type="file"
        multiple
        hidden
        accept={media.limits.mimeTypes?.join(',') ?? 'image/*,video/*,audio/*'}
        onChange={(e) => {
          onFiles([...(e.target.files ?? [])]);
          // Choosing the same file again (after removing it) must fire change again.
          e.target.value = '';
        }}
      />
    </>
  );
}

function Thumbnail({ item }: { item: MediaItem }) {
  const preview = item.attachment?.preview_url ?? null;
  const src = preview ?? item.localUrl;
  const position = objectPosition(item.focus);
  if (!src || item.kind === 'audio') {
    return (
      <span className="thumb-placeholder" aria-hidden="true">
        {item.kind === 'audio' ? '♪' : '▶'}
      </span>
    );
  }
  // The server's preview of a video is a picture; before it exists, the video itself shows its first frame.
  if (!preview && item.kind === 'video') return <video src={src} muted playsInline preload="metadata" aria-hidden="true" style={{ objectPosition: position }} />;
  return <img src={src} alt="" style={{ objectPosition: position }} />;
}

export function itemLabel(item: MediaItem, index: number, t: ReturnType<typeof useI18n>['t']): string {
  return item.name || t('media.attachedN', { n: index + 1 });
}

function AttachedItem({ item, label, onEdit, onRemove }: { item: MediaItem; label: string; onEdit: () => void; onRemove: () => void }) {
  const { t } = useI18n();
  const point = item.focus && item.kind !== 'audio' ? focusToPercent(item.focus) : null;
  return (
    <li className={`compose-media-item ${item.phase}`}>
      <div className="thumb">
        <Thumbnail item={item} />
        {point && <span className="focal-point" style={{ left: `${point.left}%`, top: `${point.top}%` }} aria-hidden="true" />}
      </div>
      <div className="compose-media-info">
        <span className="compose-media-name">{label}</span>
        {item.phase === 'uploading' && <progress max={100} value={Math.round(item.progress * 100)} aria-label={t('media.uploading', { name: label })} />}
        {item.phase === 'processing' && (
          <span className="meta" role="status">
            {t('media.processing')}
          </span>
        )}
        {item.phase === 'failed' && (
          <span className="error" role="alert">
            {item.error}
          </span>
        )}
        {item.phase !== 'failed' && item.description && <span className="meta alt-set">{t('media.altSet')}</span>}
        <div className="compose-media-actions">
          {item.phase !== 'failed' && (
            <button type="button" className="link-button" aria-label={t(item.description ? 'media.editAltOf' : 'media.addAltOf', { name: label })} onClick={onEdit}>
              {t(item.description ? 'media.editAlt' : 'media.addAlt')}
            </button>
          )}
          <button type="button" className="link-button" aria-label={t('media.removeOf', { name: label })} onClick={onRemove}>
            {t('media.remove')}
          </button>
        </div>
      </div>
    </li>
  );
}

export function ComposeMediaList({ media, sensitive, onSensitive }: { media: ComposeMedia; sensitive: boolean; onSensitive: (on: boolean) => void }) {
  const { t } = useI18n();
  const [editing, setEditing] = useState<string | null>(null);
  const editIndex = media.items.findIndex((i) => i.key === editing);
  const editItem = media.items[editIndex];
  if (!media.items.length && !media.problems.length) return null;
  return (
    <div className="compose-media">
      {media.problems.length > 0 && (
        <ul className="error media-problems" role="alert">
          {media.problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      )}
      {media.items.length > 0 && (
        <>
          <ul className="compose-media-list" aria-label={t('media.attached')}>
            {media.items.map((item, i) => (
              <AttachedItem key={item.key} item={item} label={itemLabel(item, i, t)} onEdit={() => setEditing(item.key)} onRemove={() => media.remove(item.key)} />
            ))}
          </ul>
          <label className="checkbox">
            <input type="checkbox" checked={sensitive} onChange={(e) => onSensitive(e.target.checked)} /> {t('media.markSensitive')}
          </label>
          <p className="media-privacy">{t('media.privacyNotice')}</p>
        </>
      )}
      {editItem && (
        <MediaEditDialog
          item={editItem}
          label={itemLabel(editItem, editIndex, t)}
          limit={media.limits.descriptionChars}
          onSave={(description, focus) => media.describe(editItem.key, description, focus)}
          onClose={() => setEditing(null)}
        />
      )}
    </div>
  );
}
