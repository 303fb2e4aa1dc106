// A modal built on <dialog>: focus moves in, Escape closes, focus returns to where it was.
import { useRef, type ReactNode } from 'react';
import { useModal } from '../lib/use-modal.ts';

export function Dialog({ title, onClose, children }: { title: string; onClose: () => void; children: ReactNode }) {
  const ref = useRef<HTMLDialogElement>(null);
  useModal(ref);
  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-label={title}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          onClose();
        }
      }}
    >
      <h2>{title}</h2>
      {children}
    </dialog>
  );
}
