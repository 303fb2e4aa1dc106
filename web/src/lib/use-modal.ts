// Opens a <dialog> as a modal once it is on the page (the rest of the page becomes inert) and
// gives focus back to where it was when the dialog goes.
import { useEffect, type RefObject } from 'react';

export function useModal(dialog: RefObject<HTMLDialogElement | null>, initialFocus?: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const d = dialog.current;
    const previous = document.activeElement as HTMLElement | null;
    if (d && !d.open) {
      if (typeof d.showModal === 'function') d.showModal();
      else d.setAttribute('open', '');
    }
    initialFocus?.current?.focus();
    return () => previous?.focus?.();
  }, [dialog, initialFocus]);
}
