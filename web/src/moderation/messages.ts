// Strings of the newer moderation screens (account search, apps, recategorising a report).
// They live in the moderation chunk, not in i18n/en.ts and de.ts, because the main catalogues
// are in every visitor's first download and these are for staff only (the older mod.* keys
// could move here too). Same rules as there: every English key has a German one, {name}
// placeholders are filled in.
import { useCallback } from 'react';
import { useI18n, type Lang, type Vars } from '../i18n/index.tsx';

const en = {
  'nav.accounts': 'Accounts',
  'nav.apps': 'Apps',

  'recat.title': 'Change the category',
  'recat.rules': 'Rules it breaks',
  'recat.needRule': 'Choose at least one rule for a rule violation.',
  'recat.save': 'Save category',
  'recat.saved': 'Category saved. The change is in the audit log.',

  'accounts.search': 'Search accounts',
  'accounts.username': 'Username',
  'accounts.displayName': 'Display name',
  'accounts.email': 'E-mail',
  'accounts.status': 'State',
  'accounts.anyStatus': 'Any',
  'accounts.staffOnly': 'Staff only (moderators and admins)',
  'accounts.submit': 'Search',
  'accounts.none': 'No accounts match.',

  'apps.explain': 'A store-safe app never shows its users other people’s posts labelled sensitive or held for review, as app stores require.',
  'apps.storeSafe': 'Store-safe',
  'apps.users': 'People using it: {n}',
  'apps.registered': 'Registered {time}',
  'apps.none': 'No apps are registered.',
  'apps.adminsOnly': 'Only admins can see and change the apps.',

  'log.targetApplication': 'App',
};

export type ModMessageKey = keyof typeof en;

const de: Record<ModMessageKey, string> = {
  'nav.accounts': 'Konten',
  'nav.apps': 'Apps',

  'recat.title': 'Kategorie ändern',
  'recat.rules': 'Verletzte Regeln',
  'recat.needRule': 'Wähle für einen Regelverstoß mindestens eine Regel.',
  'recat.save': 'Kategorie speichern',
  'recat.saved': 'Kategorie gespeichert. Die Änderung steht im Protokoll.',

  'accounts.search': 'Konten suchen',
  'accounts.username': 'Benutzername',
  'accounts.displayName': 'Anzeigename',
  'accounts.email': 'E-Mail',
  'accounts.status': 'Zustand',
  'accounts.anyStatus': 'Beliebig',
  'accounts.staffOnly': 'Nur das Team (Moderation und Administration)',
  'accounts.submit': 'Suchen',
  'accounts.none': 'Keine Konten gefunden.',

  'apps.explain': 'Eine store-taugliche App zeigt ihren Nutzenden nie Beiträge anderer, die als heikel markiert sind oder zur Prüfung zurückgehalten werden, wie es App-Stores verlangen.',
  'apps.storeSafe': 'Store-tauglich',
  'apps.users': 'Genutzt von: {n}',
  'apps.registered': 'Registriert {time}',
  'apps.none': 'Keine Apps registriert.',
  'apps.adminsOnly': 'Nur die Administration kann die Apps sehen und ändern.',

  'log.targetApplication': 'App',
};

export const modCatalogues: Record<Lang, Record<ModMessageKey, string>> = { en, de };

export function modText(lang: Lang, key: ModMessageKey, vars?: Vars): string {
  const template = modCatalogues[lang][key];
  return vars ? template.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m)) : template;
}

/** The moderation strings in the reader's language, like useI18n().t for the main catalogue. */
export function useModText(): (key: ModMessageKey, vars?: Vars) => string {
  const { lang } = useI18n();
  return useCallback((key: ModMessageKey, vars?: Vars) => modText(lang, key, vars), [lang]);
}
