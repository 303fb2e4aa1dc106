// Mastodon pagination: max_id / since_id / min_id / limit in, a Link header out.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../config.ts';
import { badRequest } from '../domain/errors.ts';
import { idFloorForSnowflake, isId } from '../domain/ids.ts';

export interface Page {
  /** Return items with id < maxId. */
  maxId?: string;
  /** Return items with id > sinceId (newest first). */
  sinceId?: string;
  /** Return items with id > minId, the ones right after it (oldest first, then reversed). */
  minId?: string;
  limit: number;
}

export function parsePage(query: unknown, defaults = { limit: 20, max: 40 }): Page {
  const q = (query ?? {}) as Record<string, unknown>;
  const page: Page = { limit: defaults.limit };
  for (const key of ['max_id', 'since_id', 'min_id'] as const) {
    const v = q[key];
    if (v === undefined || v === '') continue;
    const id = isId(v) ? v : typeof v === 'string' ? idFloorForSnowflake(v) : null;
    if (!id) throw badRequest(`Invalid ${key}`);
    if (key === 'max_id') page.maxId = id;
    else if (key === 'since_id') page.sinceId = id;
    else page.minId = id;
  }
  const limit = q.limit;
  if (limit !== undefined && limit !== '') {
    if (typeof limit !== 'string' || !/^\d+$/.test(limit) || Number(limit) < 1) throw badRequest('Invalid limit: must be a positive whole number');
    // Like Mastodon, a limit above the maximum is clamped rather than refused.
    page.limit = Math.min(Number(limit), defaults.max);
  }
  return page;
}

/**
 * Sets the Link header from the page's item ids (newest first). `cursor` lets endpoints whose
 * pagination key is not the item id (e.g. favourites) pass their own keys.
 */
export function setLinkHeader(request: FastifyRequest, reply: FastifyReply, config: Config, cursors: { next?: string; prev?: string }): void {
  if (!cursors.next && !cursors.prev) return;
  const url = new URL(request.url, config.baseUrl);
  const link = (key: 'max_id' | 'min_id', value: string) => {
    const u = new URL(url);
    for (const k of ['max_id', 'min_id', 'since_id']) u.searchParams.delete(k);
    u.searchParams.set(key, value);
    return u.toString();
  };
  const parts: string[] = [];
  if (cursors.next) parts.push(`<${link('max_id', cursors.next)}>; rel="next"`);
  if (cursors.prev) parts.push(`<${link('min_id', cursors.prev)}>; rel="prev"`);
  reply.header('link', parts.join(', '));
}

/** For lists ordered newest first whose cursor is their own id. */
export function linkFromIds(request: FastifyRequest, reply: FastifyReply, config: Config, ids: string[]): void {
  if (ids.length === 0) return;
  setLinkHeader(request, reply, config, { next: ids[ids.length - 1], prev: ids[0] });
}
