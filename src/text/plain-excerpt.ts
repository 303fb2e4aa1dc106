// Text of our own rendered HTML, for descriptions and push bodies: tags dropped, entities
// decoded, whitespace collapsed, shortened with an ellipsis.
export function plainExcerpt(html: string, max = 200): string {
  const text = html
    .replace(/<br\s*\/?>|<\/p><p>/g, ' ')
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
  // Counted and cut by code points: slicing UTF-16 units could split an emoji into a lone
  // surrogate half (sent as U+FFFD), and would count it as two characters.
  const chars = [...text];
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : text;
}
