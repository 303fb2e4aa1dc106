// Properties of post and profile rendering, for any text, against a real database with the
// accounts alice and bob: it never throws, it writes only allow-listed, well-formed HTML, it
// shows exactly what was typed (only mentions of local accounts change, to "@username"), the
// mentions and hashtags it reports are ones in the text, and rendering what a reader sees
// gives the same HTML again.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../../test/helpers/server.ts';
import { allowListProblems, asRendered, fragmentText } from '../../test/hostile/html-scan.ts';
import { postText } from '../../test/hostile/text-arbitraries.ts';
import { renderFieldValue, renderProfileText } from './render-profile-text.ts';
import { renderStatusText } from './render-status-text.ts';
import { normalizeTagName, tokenize } from './tokenize.ts';

let s: TestServer;
beforeAll(async () => {
  s = await createTestServer();
  await s.createUser('alice');
  await s.createUser('bob');
});
afterAll(() => s.close());


describe('renderStatusText and renderProfileText', () => {
  it('write only allow-listed, well-formed HTML that shows the text as typed', async () => {
    await fc.assert(
      fc.asyncProperty(postText, fc.boolean(), async (text, profile) => {
        const r = profile ? await renderProfileText(s.ctx, text) : await renderStatusText(s.ctx, text);
        expect(allowListProblems(r.html), r.html).toEqual([]);
        if (r.html !== '') expect(r.html).toMatch(/^<p>.*<\/p>$/s);
        // Only a resolved mention changes what is shown (to the account's own "@username").
        if (r.mentions.length === 0) expect(fragmentText(r.html)).toBe(asRendered(text));
        for (const account of r.mentions) expect(fragmentText(r.html)).toContain(`@${account.username}`);
      }),
      { numRuns: 600 },
    );
  });

  it('report only mentions and hashtags that are in the text, once each', async () => {
    await fc.assert(
      fc.asyncProperty(postText, async (text) => {
        const r = await renderStatusText(s.ctx, text);
        const tokens = tokenize(asRendered(text));
        const mentioned = new Set(tokens.flatMap((t) => (t.kind === 'mention' ? [t.username.toLowerCase()] : [])));
        const tagged = new Set(tokens.flatMap((t) => (t.kind === 'hashtag' ? [t.name] : [])));
        expect(r.mentions.every((a) => mentioned.has(a.username.toLowerCase()))).toBe(true);
        expect(new Set(r.mentions.map((a) => a.id)).size).toBe(r.mentions.length);
        for (const tag of r.tags) {
          expect(tagged.has(tag.display)).toBe(true);
          expect(tag.name).toBe(normalizeTagName(tag.display));
        }
        expect(new Set(r.tags.map((t) => t.name)).size).toBe(r.tags.length);
      }),
      { numRuns: 600 },
    );
  });

  it('render what a reader sees to the same HTML (idempotent)', async () => {
    await fc.assert(
      fc.asyncProperty(postText, async (text) => {
        const first = await renderStatusText(s.ctx, text);
        const again = await renderStatusText(s.ctx, fragmentText(first.html));
        expect(again.html).toBe(first.html);
      }),
      { numRuns: 600 },
    );
  });
});

describe('renderFieldValue', () => {
  it('writes inline, allow-listed HTML with no paragraphs', async () => {
    await fc.assert(
      fc.asyncProperty(postText, async (text) => {
        const { html, mentions } = await renderFieldValue(s.ctx, text);
        expect(allowListProblems(html), html).toEqual([]);
        expect(html).not.toContain('<p>');
        if (mentions.length === 0) expect(fragmentText(html)).toBe(text.replace(/\r\n?/g, '\n').trim());
      }),
      { numRuns: 400 },
    );
  });
});
