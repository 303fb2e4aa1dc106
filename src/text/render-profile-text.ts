import type { AppContext } from '../context.ts';
import { renderText, type RenderedText } from './render-text.ts';

/** A profile bio: rendered like a post (paragraphs, links, mentions, hashtags). */
export function renderProfileText(ctx: AppContext, text: string): Promise<RenderedText> {
  return renderText(ctx, text, { paragraphs: true });
}

/** A profile field value: inline (no paragraphs), with links and mentions. */
export function renderFieldValue(ctx: AppContext, text: string): Promise<RenderedText> {
  return renderText(ctx, text, { paragraphs: false });
}
