// The scanners the XSS tests rely on must see script when it is there: a scanner that finds
// nothing would make every XSS assertion pass.
import { afterAll, describe, expect, it } from 'vitest';
import { allowListProblems, closeHtmlParser, executableHtml, fragmentText, visibleText } from './html-scan.ts';

afterAll(() => closeHtmlParser());

const RENDERED =
  '<p>hi <span class="h-card" translate="no"><a href="https://parley.test/@alice" class="u-url mention">@<span>alice</span></a></span> &lt;b&gt; &amp; &quot;q&quot; &#39;s<br />' +
  '<a href="https://parley.test/tags/x" class="mention hashtag" rel="tag">#<span>x</span></a></p><p><a href="https://example.com" target="_blank" rel="nofollow noopener" translate="no"><span class="invisible">https://</span><span class="">example.com</span><span class="invisible"></span></a></p>';

describe('allowListProblems', () => {
  it('accepts what the renderer writes, and reads its text back', () => {
    expect(allowListProblems(RENDERED)).toEqual([]);
    expect(fragmentText(RENDERED)).toBe('hi @alice <b> & "q" \'s\n#x\n\nhttps://example.com');
  });

  it.each([
    ['<script>alert(1)</script>', 'tag <script> is not allowed'],
    ['<p onclick="x">a</p>', '<p onclick> is not allowed'],
    ['<a href="javascript:alert(1)">a</a>', 'href "javascript:alert(1)" is not an http(s) URL'],
    ['<p>a <img src=x onerror=alert(1)></p>', 'unexpected "<img src=x onerror=a" at 5'],
    ['<p>unclosed', 'unclosed <p>'],
    ['<p>a</span></p>', '</span> closes nothing open'],
    ['<p>"quoted"</p>', 'unexpected "\\"quoted\\"</p>" at 3'],
    ['<p>&nbsp;</p>', 'unexpected "&nbsp;</p>" at 3'],
    ['<br>', '<br> must be written <br />'],
  ])('finds %s', (html, problem) => {
    expect(allowListProblems(html)).toContain(problem);
  });
});

describe('executableHtml', () => {
  it('finds nothing in escaped text and a plain page', () => {
    expect(executableHtml('<!doctype html><html><head><title>t</title></head><body><p>&lt;script&gt;alert(1)&lt;/script&gt; <a href="/x">x</a></p></body></html>')).toEqual([]);
  });

  it('allows the one same-origin script a form page loads, and nothing like it', () => {
    expect(executableHtml('<head><script src="/auth/pow.js" defer></script></head>')).toEqual([]);
    expect(executableHtml('<head><script src="//evil.example/x.js" defer></script></head>')).not.toEqual([]);
    expect(executableHtml('<script src="/a.js" defer>alert(1)</script>')).not.toEqual([]);
  });

  it.each([
    '<script>alert(1)</script>',
    '<img src=x onerror=alert(1)>',
    '<a href=" jav&#x09;ascript:alert(1)">x</a>',
    '<a href="JaVaScRiPt&colon;alert(1)">x</a>',
    '<svg onload=alert(1)>',
    '<iframe src="https://evil.example"></iframe>',
    '<form action="javascript:alert(1)"><button>x</button></form>',
    '<div style="background:url(javascript:alert(1))">x</div>',
    '<meta http-equiv="refresh" content="0;url=https://evil.example">',
    '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></p></noscript>',
    '<template><img src=x onerror=alert(1)></template>',
    '<object data="data:text/html,x"></object>',
  ])('finds script in %s', (html) => {
    expect(executableHtml(`<html><body>${html}</body></html>`)).not.toEqual([]);
  });

  it('reads the text a browser shows', () => {
    expect(visibleText('<p>a &lt;b&gt; <a href="/x">c</a></p>')).toBe('a <b> c');
  });
});
