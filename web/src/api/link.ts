// Mastodon pages lists with a Link header: <url>; rel="next", <url>; rel="prev".
export interface PageLinks {
  next: string | null;
  prev: string | null;
}

export function parseLinkHeader(header: string | null | undefined): PageLinks {
  const links: PageLinks = { next: null, prev: null };
  if (!header) return links;
  for (const part of header.split(',')) {
    const m = /<([^>]+)>\s*;\s*rel="?([^";]+)"?/.exec(part.trim());
    if (!m) continue;
    const [, url, rel] = m;
    if (rel === 'next') links.next = url ?? null;
    else if (rel === 'prev') links.prev = url ?? null;
  }
  return links;
}
