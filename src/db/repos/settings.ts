// Typed instance settings in the settings table: JSON values, with defaults from the
// configuration. The admin changes them (CLI, later the admin UI); everyone reads them here.
import type { Config } from '../../config.ts';
import type { Executor } from '../../jobs/queue.ts';

type Parse<T> = (value: unknown) => T | undefined;

interface SettingDef<T> {
  description: string;
  parse: Parse<T>;
  /** Turns what an admin typed on the command line into the value. */
  fromText: (text: string) => T | undefined;
  defaultValue: (config: Config) => T;
}

const str = (max: number): Parse<string> => (v) => (typeof v === 'string' && v.length <= max ? v : undefined);
const bool: Parse<boolean> = (v) => (typeof v === 'boolean' ? v : undefined);
const boolText = (t: string) => (['true', '1', 'yes', 'on'].includes(t.toLowerCase()) ? true : ['false', '0', 'no', 'off'].includes(t.toLowerCase()) ? false : undefined);
export const REGISTRATION_MODES = ['open', 'approval', 'invite', 'closed'] as const;
export type RegistrationsMode = (typeof REGISTRATION_MODES)[number];
const INVITERS = ['staff', 'users'] as const;
type Inviters = (typeof INVITERS)[number];
const inviters: Parse<Inviters> = (v) => ((INVITERS as readonly unknown[]).includes(v) ? (v as Inviters) : undefined);
const mode: Parse<RegistrationsMode> = (v) => ((REGISTRATION_MODES as readonly unknown[]).includes(v) ? (v as RegistrationsMode) : undefined);
const difficulty: Parse<number> = (v) => (typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= 28 ? v : undefined);
const ACCESS = ['public', 'none'] as const;
type Access = (typeof ACCESS)[number];
const access: Parse<Access> = (v) => (ACCESS as readonly unknown[]).includes(v) ? (v as Access) : undefined;
const strList: Parse<string[]> = (v) => (Array.isArray(v) && v.every((x) => typeof x === 'string' && /^[a-z]{2,3}$/.test(x)) ? (v as string[]) : undefined);
/** The shape only; src/services/moderation/content-check.ts validates the rules themselves. */
const policies: Parse<unknown[]> = (v) => (Array.isArray(v) && v.every((p) => p !== null && typeof p === 'object' && typeof (p as { policy?: unknown }).policy === 'string') ? v : undefined);
const hours: Parse<number> = (v) => (typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= 720 ? v : undefined);
const nonNegInt: Parse<number | null> = (v) => (v === null || (typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= 150) ? v : undefined);

function def<T>(d: SettingDef<T>): SettingDef<T> {
  return d;
}

export const SETTINGS = {
  password_grant: def({ description: 'Allow the OAuth password grant (true/false)', parse: bool, fromText: boolText, defaultValue: (c) => c.passwordGrant }),
  registrations_mode: def({
    description: 'Who may sign up: open, approval, invite or closed (approval: a moderator reviews new accounts; invite: only with an invite link)',
    parse: mode,
    fromText: (t) => mode(t),
    defaultValue: (c) => c.registrations,
  }),
  invites_allowed_by: def({
    description: 'Who may create invite links: staff (moderators and admins) or users (every confirmed, approved account in good standing)',
    parse: inviters,
    fromText: (t) => inviters(t),
    defaultValue: (): Inviters => 'staff',
  }),
  registrations_message: def({ description: 'Message shown when registrations are closed or by invite only', parse: str(2000), fromText: (t) => str(2000)(t), defaultValue: () => '' }),
  site_title: def({ description: 'Name of this server', parse: str(200), fromText: (t) => str(200)(t.trim()) || undefined, defaultValue: () => 'Parley' }),
  site_short_description: def({ description: 'One-paragraph description of this server', parse: str(2000), fromText: (t) => str(2000)(t), defaultValue: () => '' }),
  site_extended_description: def({ description: 'About page text (HTML)', parse: str(100_000), fromText: (t) => str(100_000)(t), defaultValue: () => '' }),
  site_contact_email: def({
    description: 'Public contact e-mail address',
    parse: str(254),
    fromText: (t) => (t === '' || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(t) ? t : undefined),
    defaultValue: () => '',
  }),
  site_languages: def({
    description: 'Languages of this server, comma-separated ISO 639 codes (e.g. en,de)',
    parse: strList,
    fromText: (t) => strList(t.split(',').map((x) => x.trim().toLowerCase()).filter(Boolean)),
    defaultValue: () => ['en'],
  }),
  privacy_policy: def({ description: 'Privacy policy (HTML)', parse: str(100_000), fromText: (t) => str(100_000)(t), defaultValue: () => '' }),
  terms_of_service: def({ description: 'Terms of service (HTML)', parse: str(100_000), fromText: (t) => str(100_000)(t), defaultValue: () => '' }),
  min_age: def({
    description: 'Minimum age to sign up (a whole number, or "none")',
    parse: nonNegInt,
    fromText: (t) => (t === 'none' ? null : /^\d+$/.test(t) ? nonNegInt(Number(t)) : undefined),
    defaultValue: () => null,
  }),
  child_safety_contact: def({
    description: 'E-mail address for reports of child sexual abuse and exploitation (defaults to the contact e-mail)',
    parse: str(254),
    fromText: (t) => (t === '' || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(t) ? t : undefined),
    defaultValue: () => '',
  }),
  content_policies: def({
    description: 'The automated content policies, in order, as JSON (see docs/moderation-policies.md)',
    parse: policies,
    fromText: (t) => {
      try {
        return policies(JSON.parse(t));
      } catch {
        return undefined;
      }
    },
    // None until the admin chooses: a community decides what its server refuses or holds.
    defaultValue: (): unknown[] => [],
  }),
  report_response_hours: def({
    description: 'Hours within which every report must get a first response before it is escalated to the admins (1-720)',
    parse: hours,
    fromText: (t) => (/^\d+$/.test(t) ? hours(Number(t)) : undefined),
    defaultValue: () => 24,
  }),
  trends_enabled: def({ description: 'Compute trending tags and posts and show the ones moderators approved (true/false)', parse: bool, fromText: boolText, defaultValue: () => true }),
  pow_difficulty: def({
    description: 'Proof of work asked of the sign-in and sign-up forms and of anonymous clients past their soft quota: leading zero bits of SHA-256 (0 turns it off; 20 takes a browser about a second)',
    parse: difficulty,
    fromText: (t) => (/^\d+$/.test(t) ? difficulty(Number(t)) : undefined),
    defaultValue: (c) => c.rateLimits.proofDifficulty,
  }),
  logged_out_access: def({
    description: 'What people who are not signed in may read: public (public profiles and posts, like the web) or none (the API and pages need a login)',
    parse: access,
    fromText: (t) => access(t),
    defaultValue: (): Access => 'public',
  }),
} as const;

export type SettingKey = keyof typeof SETTINGS;
export type SettingValue<K extends SettingKey> = ReturnType<(typeof SETTINGS)[K]['defaultValue']>;

export function isSettingKey(key: string): key is SettingKey {
  return Object.hasOwn(SETTINGS, key);
}

/** The stored value, or the default when unset or unreadable (a bad row never breaks the server). */
export async function getSetting<K extends SettingKey>(db: Executor, config: Config, key: K): Promise<SettingValue<K>> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst();
  const definition = SETTINGS[key] as unknown as SettingDef<SettingValue<K>>;
  if (row) {
    try {
      const parsed = definition.parse(JSON.parse(row.value));
      if (parsed !== undefined) return parsed;
    } catch {
      // fall through to the default
    }
  }
  return definition.defaultValue(config);
}

export async function setSetting<K extends SettingKey>(db: Executor, key: K, value: SettingValue<K>, now: Date): Promise<void> {
  const definition = SETTINGS[key] as unknown as SettingDef<SettingValue<K>>;
  if (definition.parse(value) === undefined) throw new Error(`invalid value for ${key}`);
  const row = { key, value: JSON.stringify(value), updated_at: now.toISOString() };
  await db
    .insertInto('settings')
    .values(row)
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: row.value, updated_at: row.updated_at }))
    .execute();
  generation++;
}

/**
 * Settings read on every request of a kind (who may read logged out, the proof-of-work
 * difficulty): cached for a few seconds per database, so an anonymous flood does not cost a
 * database round trip per request. A change through setSetting in this process is seen at once;
 * one made by another process (the CLI, another server) within HOT_TTL_MS.
 */
const HOT_TTL_MS = 5_000;
let generation = 0;
const hot = new WeakMap<object, Map<string, { value: unknown; at: number; generation: number }>>();

export async function getHotSetting<K extends SettingKey>(db: Executor, config: Config, key: K): Promise<SettingValue<K>> {
  let cache = hot.get(db);
  if (!cache) hot.set(db, (cache = new Map()));
  const now = performance.now();
  const hit = cache.get(key);
  if (hit && hit.generation === generation && now - hit.at < HOT_TTL_MS) return hit.value as SettingValue<K>;
  const value = await getSetting(db, config, key);
  cache.set(key, { value, at: now, generation });
  return value;
}

/** Parses a value typed by an admin; undefined when it does not fit the setting. */
export function settingFromText<K extends SettingKey>(key: K, text: string): SettingValue<K> | undefined {
  return (SETTINGS[key] as unknown as SettingDef<SettingValue<K>>).fromText(text);
}
