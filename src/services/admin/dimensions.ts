// Mastodon's admin dimensions: breakdowns of a period. What Parley cannot know yet (sign-up
// sources, anything about remote servers) comes back with empty data rather than made-up numbers.
import process from 'node:process';
import type { AppContext } from '../../context.ts';
import { databaseBytes, databaseVersion, languagesOfActiveUsers, mediaBytes, statusesByServer, tagLanguages, tagServers, type KeyCount } from '../../db/repos/admin-metrics.ts';
import type { AdminDimensionJson } from '../../../api/entities.ts';
import { MASTODON_COMPAT_VERSION } from '../../serializers/instance.ts';
import { humanBytes, parsePeriod } from './period.ts';

export interface DimensionRequest {
  keys: string[];
  startAt: string;
  endAt: string;
  limit: number;
  tagIds: Partial<Record<'tag_servers' | 'tag_languages', string>>;
}

type Item = AdminDimensionJson['data'][number];

const languageNames = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'code' });
function languageName(code: string): string {
  try {
    return languageNames.of(code) ?? code;
  } catch {
    return code;
  }
}

const PARLEY_VERSION = /Parley ([^)\s]+)/.exec(MASTODON_COMPAT_VERSION)?.[1] ?? '';

export async function dimensions(ctx: AppContext, req: DimensionRequest): Promise<AdminDimensionJson[]> {
  const { range } = parsePeriod(req.startAt, req.endAt);
  const local = ctx.config.domain;
  const counted = (rows: KeyCount[], human: (key: string) => string): Item[] => rows.map((r) => ({ key: r.key, human_key: human(r.key), value: String(r.n) }));
  const servers = (rows: KeyCount[]) => counted(rows.map((r) => ({ key: r.key || local, n: r.n })), (k) => k);

  const builders: Record<string, () => Promise<Item[]>> = {
    languages: async () => counted(await languagesOfActiveUsers(ctx.db, range, req.limit), languageName),
    // Mastodon groups sign-ups by the application that made them; Parley does not record that.
    sources: async () => [],
    servers: async () => servers(await statusesByServer(ctx.db, range, req.limit)),
    software_versions: async () => [
      { key: 'parley', human_key: 'Parley', value: PARLEY_VERSION },
      { key: 'node', human_key: 'Node.js', value: process.versions.node },
      { key: ctx.dialect, human_key: ctx.dialect === 'postgres' ? 'PostgreSQL' : 'SQLite', value: await databaseVersion(ctx.db, ctx.dialect) },
      ...(ctx.media.ffmpeg ? [{ key: 'ffmpeg', human_key: 'FFmpeg', value: /version (\S+)/.exec(ctx.media.ffmpeg)?.[1] ?? ctx.media.ffmpeg }] : []),
    ],
    space_usage: async () => {
      const sizes = [
        { key: ctx.dialect, human_key: ctx.dialect === 'postgres' ? 'PostgreSQL' : 'SQLite', n: await databaseBytes(ctx.db, ctx.dialect) },
        { key: 'media', human_key: 'Media files', n: await mediaBytes(ctx.db) },
      ];
      return sizes.map((s) => ({ key: s.key, human_key: s.human_key, value: String(s.n), unit: 'bytes', human_value: humanBytes(s.n) }));
    },
    tag_servers: async () => (req.tagIds.tag_servers ? servers(await tagServers(ctx.db, req.tagIds.tag_servers, range, req.limit)) : []),
    tag_languages: async () => (req.tagIds.tag_languages ? counted((await tagLanguages(ctx.db, req.tagIds.tag_languages, range, req.limit)).filter((r) => r.key), languageName) : []),
    // About one remote server: nothing is known of any until federation comes.
    instance_accounts: async () => [],
    instance_languages: async () => [],
  };

  const out: AdminDimensionJson[] = [];
  for (const key of new Set(req.keys)) {
    const build = builders[key];
    if (build) out.push({ key, data: await build() });
  }
  return out;
}
