// The pictures of a post at full size, one at a time, in a modal dialog: Escape closes, the
// arrow keys move between pictures, Tab stays inside, and focus returns to where it was.
import { useRef, useState, type KeyboardEvent } from 'react';
import type { MediaAttachmentJson } from '../../../api/entities.ts';
import { useI18n } from '../i18n/index.tsx';
import { useModal } from '../lib/use-modal.ts';

export function Lightbox({ items, start, onClose }: { items: MediaAttachmentJson[]; start: number; onClose: () => void }) {
  const { t } = useI18n();
  const [index, setIndex] = useState(start);
  const dialog = useRef<HTMLDialogElement>(null);
  const closeButton = useRef<HTMLButtonElement>(null);
  const item = items[index];
  const many = items.length > 1;

  useModal(dialog, closeButton);

  const move = (step: number) => setIndex((i) => (i + step + items.length) % items.length);

  const onKeyDown = (e: KeyboardEvent<HTMLDialogElement>) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      onClose();
    } else if (e.key === 'ArrowRight' && many) {
      e.preventDefault();
      move(1);
    } else if (e.key === 'ArrowLeft' && many) {
      e.preventDefault();
      move(-1);
    } else if (e.key === 'Tab') {
      // A modal <dialog> already keeps the page behind inert; this also keeps Tab from leaving for the browser's own controls.
      const focusable = [...(dialog.current?.querySelectorAll<HTMLElement>('button:not([disabled])') ?? [])];
      const first = focusable[0];
      const last = focusable.at(-1);
      if (e.shiftKey && document.activeElement === first) {
        e.preventDefault();
        last?.focus();
      } else if (!e.shiftKey && document.activeElement === last) {
        e.preventDefault();
        first?.focus();
      }
    }
  };

  if (!item) return null;
  return (
    <dialog
      ref={dialog}
      className="lightbox"
      aria-label={many ? t('media.lightboxOf', { n: index + 1, total: items.length }) : t('media.lightbox')}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
      onKeyDown={onKeyDown}
      onClick={(e) => {
        // A click on the dark space around the picture (not on it or a button) closes it.
        const target = e.target as HTMLElement;
        if (target === e.currentTarget || target.tagName === 'FIGURE') onClose();
      }}
    >
      <figure>
        <img src={item.url ?? item.preview_url ?? ''} alt={item.description ?? ''} />
        {item.description && <figcaption>{item.description}</figcaption>}
      </figure>
      <div className="lightbox-controls">
        {many && (
          <button type="button" onClick={() => move(-1)} aria-label={t('media.previous')}>
            <span aria-hidden="true">‹</span>
          </button>
        )}
        {many && (
          <span className="lightbox-count" aria-hidden="true">
            {index + 1} / {items.length}
          </span>
        )}
        {many && (
          <button type="button" onClick={() => move(1)} aria-label={t('media.next')}>
            <span aria-hidden="true">›</span>
          </button>
        )}
        <button type="button" ref={closeButton} onClick={onClose} aria-label={t('action.close')}>
          <span aria-hidden="true">×</span>
        </button>
      </div>
    </dialog>
  );
}
