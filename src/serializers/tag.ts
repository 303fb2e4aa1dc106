// The short Tag shape embedded in statuses.
import type { Config } from '../config.ts';
import type { StatusTagJson } from '../../api/entities.ts';
export type { StatusTagJson };

export function serializeStatusTag(config: Config, name: string): StatusTagJson {
  return { name, url: `${config.baseUrl}/tags/${encodeURIComponent(name)}` };
}
