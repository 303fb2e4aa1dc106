// The short Tag shape embedded in statuses.
import type { Config } from '../config.ts';

export interface StatusTagJson {
  name: string;
  url: string;
}

export function serializeStatusTag(config: Config, name: string): StatusTagJson {
  return { name, url: `${config.baseUrl}/tags/${encodeURIComponent(name)}` };
}
