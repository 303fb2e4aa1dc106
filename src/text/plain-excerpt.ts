// Text of our own rendered HTML, for descriptions and push bodies: tags dropped, entities
// decoded, whitespace collapsed, shortened with an ellipsis.
export function plainExcerpt(html: string, max = 200): string {
  const text = html
    .replace(/<br\s*\/?>|<\/p><p>/g, ' ')
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
