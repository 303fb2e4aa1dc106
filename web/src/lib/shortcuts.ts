// Keyboard shortcuts: n compose, g h home, g n notifications, / search, j/k next/previous post, ? help.
export interface ShortcutActions {
  compose: () => void;
  home: () => void;
  notifications: () => void;
  search: () => void;
  help: () => void;
}

function typing(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  if (!el || !el.tagName) return false;
  return el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName);
}

/** Moves focus to the next (1) or previous (-1) post in the main column. */
export function moveFocus(dir: 1 | -1): void {
  const posts = [...document.querySelectorAll<HTMLElement>('main article.status')];
  if (!posts.length) return;
  const current = posts.findIndex((p) => p.contains(document.activeElement));
  const next = posts[current === -1 ? (dir === 1 ? 0 : posts.length - 1) : Math.min(posts.length - 1, Math.max(0, current + dir))];
  next?.focus();
  next?.scrollIntoView?.({ block: 'nearest' });
}

export function installShortcuts(actions: ShortcutActions): () => void {
  let pendingG = 0;
  const onKey = (e: KeyboardEvent) => {
    if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || typing(e.target)) return;
    if (document.querySelector('dialog[open]')) return;
    const gRecent = Date.now() - pendingG < 1500;
    pendingG = 0;
    if (gRecent && e.key === 'h') actions.home();
    else if (gRecent && e.key === 'n') actions.notifications();
    else if (e.key === 'g') {
      pendingG = Date.now();
      return;
    } else if (e.key === 'n') actions.compose();
    else if (e.key === '/') actions.search();
    else if (e.key === '?') actions.help();
    else if (e.key === 'j') moveFocus(1);
    else if (e.key === 'k') moveFocus(-1);
    else return;
    e.preventDefault();
  };
  document.addEventListener('keydown', onKey);
  return () => document.removeEventListener('keydown', onKey);
}
