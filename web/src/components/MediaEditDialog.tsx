// Describing an attached file (alt text, for people who cannot see it) and, for pictures and
// videos with a preview, choosing the focal point that crops keep in view.
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { createPortal } from 'react-dom';
import { useI18n } from '../i18n/index.tsx';
import type { Focus } from '../lib/media-focus.ts';
import { Dialog } from './Dialog.tsx';
import { FocalPointPicker } from './FocalPointPicker.tsx';
import type { MediaItem } from './use-compose-media.ts';

/** The picture to set a focal point on: the server's preview, or the chosen image itself (audio has none). */
function focalSource(item: MediaItem): string | null {
  if (item.kind === 'audio') return null;
  return item.attachment?.preview_url ?? (item.kind === 'image' ? item.localUrl : null);
}

export function MediaEditDialog({
  item,
  label,
  limit,
  onSave,
  onClose,
}: {
  item: MediaItem;
  label: string;
  limit: number;
  onSave: (description: string, focus: Focus | null) => void;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const [description, setDescription] = useState(item.description);
  const [focus, setFocus] = useState<Focus | null>(item.focus);
  const hintId = useId();
  const textarea = useRef<HTMLTextAreaElement>(null);
  // The description matters most; the dialog (a child, so already open by now) would focus the picture first.
  useEffect(() => textarea.current?.focus(), []);
  const src = focalSource(item);
  const left = limit - [...description].length;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    // React passes events up its own tree, through the portal: this form is not the post's.
    e.stopPropagation();
    if (left < 0) return;
    onSave(description.trim(), focus);
    onClose();
  };

  // Rendered at the end of the page: the compose box around it is a form, and forms do not nest.
  return createPortal(
    <Dialog title={t('media.editTitle', { name: label })} onClose={onClose}>
      <form onSubmit={submit}>
        {src && <FocalPointPicker src={src} focus={focus} onChange={setFocus} />}
        <label>
          {t('media.altLabel')}
          <textarea ref={textarea} value={description} rows={4} aria-describedby={hintId} onChange={(e) => setDescription(e.target.value)} />
        </label>
        <p className="meta" id={hintId}>
          {t('media.altHint')}
        </p>
        <span className={left < 0 ? 'counter over' : 'counter'} role="status" aria-label={t('compose.charactersLeft', { n: left })}>
          {left}
        </span>
        <div className="dialog-buttons">
          <button type="button" onClick={onClose}>
            {t('action.cancel')}
          </button>
          <button type="submit" className="primary" disabled={left < 0}>
            {t('media.apply')}
          </button>
        </div>
      </form>
    </Dialog>,
    document.body,
  );
}
