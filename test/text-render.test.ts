import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderStatusText } from '../src/text/render-status-text.ts';
import { renderFieldValue } from '../src/text/render-profile-text.ts';
import { createTestServer, type TestServer } from './helpers/server.ts';

let s: TestServer;
beforeAll(async () => {
  s = await createTestServer();
  await s.createUser('alice');
});
afterAll(() => s.close());

describe('renderStatusText', () => {
  it('renders plain text exactly as Mastodon does', async () => {
    expect((await renderStatusText(s.ctx, 'hello')).html).toBe('<p>hello</p>');
    expect((await renderStatusText(s.ctx, 'one\ntwo\n\nthree')).html).toBe('<p>one<br />two</p><p>three</p>');
  });

  it('escapes HTML a person typed', async () => {
    const { html } = await renderStatusText(s.ctx, '<script>alert("x")</script> & <b>');
    expect(html).toBe('<p>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;b&gt;</p>');
  });

  it('links local mentions, leaves unknown ones as text, and collects hashtags', async () => {
    const r = await renderStatusText(s.ctx, 'hi @Alice and @nobody #Parley #parley');
    expect(r.mentions.map((a) => a.username)).toEqual(['alice']);
    expect(r.tags).toEqual([{ name: 'parley', display: 'Parley' }]);
    expect(r.html).toBe(
      '<p>hi <span class="h-card" translate="no"><a href="https://parley.test/@alice" class="u-url mention">@<span>alice</span></a></span> and @nobody ' +
        '<a href="https://parley.test/tags/parley" class="mention hashtag" rel="tag">#<span>Parley</span></a> ' +
        '<a href="https://parley.test/tags/parley" class="mention hashtag" rel="tag">#<span>parley</span></a></p>',
    );
  });

  it('treats @alice@<our domain> as local and other domains as text', async () => {
    expect((await renderStatusText(s.ctx, '@alice@parley.test')).mentions).toHaveLength(1);
    expect((await renderStatusText(s.ctx, '@alice@elsewhere.example')).mentions).toHaveLength(0);
  });

  it('shortens long links and never lets a javascript: URL through', async () => {
    const { html } = await renderStatusText(s.ctx, 'https://example.com/abcdefghijklmnopqrstuvwxyz0123456789 javascript:alert(1)');
    expect(html).toContain('<a href="https://example.com/abcdefghijklmnopqrstuvwxyz0123456789" target="_blank" rel="nofollow noopener" translate="no">');
    expect(html).toContain('<span class="ellipsis">example.com/abcdefghijklmnopqr</span>');
    expect(html).not.toContain('href="javascript');
  });
});

describe('renderFieldValue', () => {
  it('renders inline, without paragraphs', async () => {
    expect((await renderFieldValue(s.ctx, 'https://example.com')).html).toBe(
      '<a href="https://example.com" target="_blank" rel="nofollow noopener" translate="no"><span class="invisible">https://</span><span class="">example.com</span><span class="invisible"></span></a>',
    );
  });
});
