// Checks and renders the text of a post being created or edited (shared by both use cases).
import type { AppContext } from '../../context.ts';
import type { Executor } from '../../jobs/queue.ts';
import { ensureTags, linkStatusTags } from '../../db/repos/tags.ts';
import { insertMentions, writeSearchDocument } from '../../db/repos/statuses.ts';
import { unprocessable } from '../../domain/errors.ts';
import { renderStatusText } from '../../text/render-status-text.ts';
import type { RenderedText } from '../../text/render-text.ts';
import { statusLength } from '../../text/status-length.ts';

export const POLL_LIMITS = { maxOptions: 4, maxOptionChars: 50, minExpiration: 300, maxExpiration: 2629746 } as const;

export interface PollInput {
  options: string[];
  expiresIn: number;
  multiple: boolean;
  hideTotals: boolean;
}

export function checkPoll(poll: PollInput): void {
  const options = poll.options.map((o) => o.trim());
  if (options.length < 2) throw unprocessable('Poll must have at least 2 options');
  if (options.length > POLL_LIMITS.maxOptions) throw unprocessable(`Poll can't have more than ${POLL_LIMITS.maxOptions} options`);
  if (options.some((o) => o === '')) throw unprocessable("Poll options can't be blank");
  if (options.some((o) => [...o].length > POLL_LIMITS.maxOptionChars)) throw unprocessable(`Poll options can't be longer than ${POLL_LIMITS.maxOptionChars} characters`);
  if (new Set(options).size !== options.length) throw unprocessable('Poll options must be unique');
  if (poll.expiresIn < POLL_LIMITS.minExpiration) throw unprocessable('Poll duration is too short');
  if (poll.expiresIn > POLL_LIMITS.maxExpiration) throw unprocessable('Poll duration is too long');
}

/** Validates length and emptiness, then renders. Spoiler text counts towards the limit, as in Mastodon. */
/** `hasPollOrMedia`: a post with a poll or media may have no text. */
export async function prepareStatusText(ctx: AppContext, text: string, spoilerText: string, hasPollOrMedia: boolean): Promise<RenderedText> {
  if (text.trim() === '' && !hasPollOrMedia) throw unprocessable("Text can't be blank");
  const length = statusLength(text) + [...spoilerText].length;
  if (length > ctx.config.maxStatusChars) throw unprocessable(`Text character limit of ${ctx.config.maxStatusChars} exceeded`);
  return renderStatusText(ctx, text);
}

/** Mentions, hashtags and search text of a status, written in the caller's transaction. */
export async function writeStatusLinks(exec: Executor, s: { id: string; account_id: string; text: string; spoiler_text: string }, rendered: RenderedText, now: string): Promise<void> {
  await insertMentions(exec, s.id, rendered.mentions.map((m) => m.id));
  const tagIds = await ensureTags(exec, rendered.tags, now);
  await linkStatusTags(exec, s.id, [...tagIds.values()]);
  await writeSearchDocument(exec, { status_id: s.id, account_id: s.account_id, body: [s.spoiler_text, s.text].filter(Boolean).join('\n') });
}
