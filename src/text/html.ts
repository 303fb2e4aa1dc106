// HTML building blocks for rendered text. Everything a person wrote passes through escapeHtml;
// the only tags we emit are the ones built here, so no sanitiser is needed for local posts.
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** Mastodon's link shape: scheme hidden, long URLs shortened to 30 visible characters with an ellipsis. */
export function linkHtml(url: string): string {
  const m = /^(https?:\/\/(?:www\.)?)(.*)$/i.exec(url);
  const prefix = m?.[1] ?? '';
  const rest = m?.[2] ?? url;
  const visible = rest.slice(0, 30);
  const hidden = rest.slice(30);
  // Mastodon always emits the three spans, the last one possibly empty.
  const display = `<span class="invisible">${escapeHtml(prefix)}</span><span class="${hidden ? 'ellipsis' : ''}">${escapeHtml(visible)}</span><span class="invisible">${escapeHtml(hidden)}</span>`;
  return `<a href="${escapeHtml(url)}" target="_blank" rel="nofollow noopener" translate="no">${display}</a>`;
}

export function mentionHtml(profileUrl: string, username: string): string {
  return `<span class="h-card" translate="no"><a href="${escapeHtml(profileUrl)}" class="u-url mention">@<span>${escapeHtml(username)}</span></a></span>`;
}

export function hashtagHtml(tagUrl: string, display: string): string {
  return `<a href="${escapeHtml(tagUrl)}" class="mention hashtag" rel="tag">#<span>${escapeHtml(display)}</span></a>`;
}
