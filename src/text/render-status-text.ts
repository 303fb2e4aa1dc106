import type { AppContext } from '../context.ts';
import { renderText, type RenderedText } from './render-text.ts';

/** The HTML content of a post, with its local mentions and hashtags. */
export function renderStatusText(ctx: AppContext, text: string): Promise<RenderedText> {
  return renderText(ctx, text, { paragraphs: true });
}
