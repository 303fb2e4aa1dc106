// A small router over the History API: useLocation() re-renders on navigation.
import { useSyncExternalStore } from 'react';

const EVENT = 'parley:navigate';

export function navigate(to: string, opts: { replace?: boolean } = {}): void {
  if (to === location.pathname + location.search) return;
  if (opts.replace) history.replaceState(null, '', to);
  else history.pushState(null, '', to);
  window.dispatchEvent(new Event(EVENT));
  window.scrollTo?.(0, 0);
}

function subscribe(cb: () => void): () => void {
  window.addEventListener('popstate', cb);
  window.addEventListener(EVENT, cb);
  return () => {
    window.removeEventListener('popstate', cb);
    window.removeEventListener(EVENT, cb);
  };
}

const snapshot = () => location.pathname + location.search;

export function useLocation(): { path: string; search: URLSearchParams } {
  const full = useSyncExternalStore(subscribe, snapshot, snapshot);
  const [path = '/', search = ''] = full.split('?');
  return { path, search: new URLSearchParams(search) };
}

/** The screens under /moderation (staff only; loaded on demand). */
export type ModerationScreen =
  | { kind: 'dashboard' }
  | { kind: 'report'; id: string }
  | { kind: 'account'; id: string }
  | { kind: 'appeals' }
  | { kind: 'automated' }
  | { kind: 'signUps' }
  | { kind: 'log' }
  | { kind: 'accountSearch' }
  | { kind: 'apps' };

export type Route =
  | { name: 'home' }
  | { name: 'local' }
  | { name: 'tag'; tag: string }
  | { name: 'status'; id: string }
  | { name: 'account'; id: string; tab: 'posts' | 'replies' | 'followers' | 'following' }
  | { name: 'notifications' }
  | { name: 'search' }
  | { name: 'lists' }
  | { name: 'list'; id: string }
  | { name: 'followRequests' }
  | { name: 'settingsProfile' }
  | { name: 'settingsAccount' }
  | { name: 'settingsData' }
  | { name: 'settingsSecurity' }
  | { name: 'settingsInvites' }
  | { name: 'strikes'; id?: string }
  | { name: 'moderation'; screen: ModerationScreen }
  | { name: 'signup' }
  | { name: 'callback' }
  | { name: 'notFound' };

export function matchRoute(path: string): Route {
  const parts = path.split('/').filter(Boolean).map((p) => decodeURIComponent(p));
  const [a, b, c] = parts;
  if (parts.length === 0 || a === 'home') return { name: 'home' };
  if (a === 'local' && !b) return { name: 'local' };
  if (a === 'tags' && b) return { name: 'tag', tag: b };
  if (a === 'statuses' && b) return { name: 'status', id: b };
  if (a === 'accounts' && b) {
    const tab = c === 'with_replies' ? 'replies' : c === 'followers' ? 'followers' : c === 'following' ? 'following' : 'posts';
    return { name: 'account', id: b, tab };
  }
  if (a === 'notifications') return { name: 'notifications' };
  if (a === 'search') return { name: 'search' };
  if (a === 'lists' && b) return { name: 'list', id: b };
  if (a === 'lists') return { name: 'lists' };
  if (a === 'follow_requests') return { name: 'followRequests' };
  if (a === 'preferences' && b === 'profile') return { name: 'settingsProfile' };
  if (a === 'preferences' && b === 'data') return { name: 'settingsData' };
  if (a === 'preferences' && b === 'security') return { name: 'settingsSecurity' };
  if (a === 'preferences' && b === 'invites') return { name: 'settingsInvites' };
  if (a === 'preferences' && b === 'strikes') return c ? { name: 'strikes', id: c } : { name: 'strikes' };
  if (a === 'moderation') return { name: 'moderation', screen: moderationScreen(b, c) };
  if (a === 'preferences') return { name: 'settingsAccount' };
  if (a === 'signup') return { name: 'signup' };
  if (a === 'oauth' && b === 'callback') return { name: 'callback' };
  return { name: 'notFound' };
}

function moderationScreen(section: string | undefined, id: string | undefined): ModerationScreen {
  if (section === 'reports' && id) return { kind: 'report', id };
  if (section === 'accounts' && id) return { kind: 'account', id };
  if (section === 'accounts') return { kind: 'accountSearch' };
  if (section === 'apps') return { kind: 'apps' };
  if (section === 'appeals') return { kind: 'appeals' };
  if (section === 'automated') return { kind: 'automated' };
  if (section === 'sign_ups') return { kind: 'signUps' };
  if (section === 'log') return { kind: 'log' };
  return { kind: 'dashboard' };
}
