// Script written into every field people can write, read back through the API and the
// server-rendered pages. HTML fields (content, note, field values) must be exactly the
// allow-listed markup src/text/ renders, with the script shown as text; plain-text fields must
// come back verbatim (clients escape them); and no page may carry anything a browser would run.
// Pages are read by a real HTML parser and a lexical tag scan (html-scan.ts).
import type { LightMyRequestResponse } from 'fastify';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { multipart } from '../media/multipart.ts';
import { browser as newBrowser, csrfOf, signedIn, type Browser } from '../api/oauth-browser.ts';
import { createTestServer, type TestServer, type TestUser } from '../helpers/server.ts';
import { allowListProblems, asRendered, closeHtmlParser, executableHtml, fragmentText, visibleText } from './html-scan.ts';
import { FIELD_NAMES, XSS } from './payloads.ts';

let s: TestServer;
let alice: TestUser;
let bob: TestUser;
let png: Buffer;
beforeAll(async () => {
  s = await createTestServer();
  alice = await s.createUser('alice', { role: 'admin', scopes: ['read', 'write', 'follow', 'push', 'admin:read', 'admin:write'] });
  bob = await s.createUser('bob');
  png = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#cc3366' } }).png().toBuffer();
});
afterAll(async () => {
  await closeHtmlParser();
  await s.close();
});

/** Findings, collected across a test so one run shows all of them. */
let findings: string[] = [];
const note = (where: string, problems: string[]) => findings.push(...problems.map((p) => `${where}: ${p}`));

function ok(res: LightMyRequestResponse, what: string) {
  expect(res.statusCode, `${what}: ${res.body.slice(0, 300)}`).toBeLessThan(300);
  return res.json();
}


/** An HTML field: allow-listed markup whose text is exactly what was typed. */
function checkHtmlField(where: string, html: string, typed: string) {
  note(where, allowListProblems(html));
  if (fragmentText(html) !== asRendered(typed)) findings.push(`${where}: reads ${JSON.stringify(fragmentText(html))}, typed ${JSON.stringify(typed)}`);
}

/** A plain-text field: verbatim (clients escape it). */
function checkPlainField(where: string, value: unknown, typed: string) {
  if (value !== typed) findings.push(`${where}: came back as ${JSON.stringify(value)}, sent ${JSON.stringify(typed)}`);
}

/** A served page: nothing executable, and the payload shown as text (not dropped, not parsed). */
function checkPage(where: string, res: LightMyRequestResponse, mustShow: string[] = []) {
  if (res.statusCode !== 200) findings.push(`${where}: answered ${res.statusCode}`);
  note(where, executableHtml(res.body));
  const text = visibleText(res.body);
  for (const shown of mustShow) if (!text.includes(shown)) findings.push(`${where}: does not show ${JSON.stringify(shown)} as text`);
}

describe('script written into posts', () => {
  it('is text in content, verbatim in spoiler text, poll options, sources, edits and scheduled posts, and inert on the post page', async () => {
    findings = [];
    for (const [i, payload] of XSS.entries()) {
      const text = `${payload} @bob #tag${i} https://example.com/${i}?q=1`;
      const option = payload.slice(0, 50);
      const created = ok(await alice.post('/api/v1/statuses', { status: text, spoiler_text: payload, poll: { options: [option, 'safe'], expires_in: 3600 } }), `post ${i}`);
      const status = ok(await alice.get(`/api/v1/statuses/${created.id}`), 'status');
      checkHtmlField(`status ${i} content`, status.content, text);
      checkPlainField(`status ${i} spoiler_text`, status.spoiler_text, payload);
      checkPlainField(`status ${i} poll option`, status.poll.options[0].title, option);
      checkPage(`/@alice/${created.id} (payload ${i})`, await s.inject({ method: 'GET', url: `/@alice/${created.id}` }), [payload, `#tag${i}`]);

      const edited = `${payload}\n\n\nedited ${i} #tag${i}`;
      ok(await alice.put(`/api/v1/statuses/${created.id}`, { status: edited, spoiler_text: payload }), 'edit');
      const history = ok(await alice.get(`/api/v1/statuses/${created.id}/history`), 'history') as { content: string }[];
      checkHtmlField(`status ${i} history[0]`, history[0]!.content, text);
      checkHtmlField(`status ${i} history[last]`, history.at(-1)!.content, edited);
      checkPlainField(`status ${i} source`, ok(await alice.get(`/api/v1/statuses/${created.id}/source`), 'source').text, edited);

      const scheduled = ok(await alice.post('/api/v1/statuses', { status: payload, scheduled_at: new Date(Date.now() + 86400_000).toISOString() }), 'scheduled');
      checkPlainField(`scheduled ${i} text`, ok(await alice.get(`/api/v1/scheduled_statuses/${scheduled.id}`), 'scheduled').params.text, payload);
    }
    expect(findings).toEqual([]);
  });

  it('stays inert wherever statuses are listed: timelines, search, the profile page', async () => {
    findings = [];
    await s.drainJobs();
    const lists = [
      ['public timeline', '/api/v1/timelines/public?limit=40'],
      ['home timeline', '/api/v1/timelines/home?limit=40'],
      ['account statuses', `/api/v1/accounts/${alice.id}/statuses?limit=40`],
      ['tag timeline', '/api/v1/timelines/tag/tag3'],
    ] as const;
    for (const [name, url] of lists) {
      const statuses = ok(await alice.get(url), name) as { id: string; content: string }[];
      expect(statuses.length, name).toBeGreaterThan(0);
      for (const st of statuses) note(`${name} ${st.id}`, allowListProblems(st.content));
    }
    const found = ok(await alice.get('/api/v2/search?q=script&type=statuses'), 'search') as { statuses: { content: string }[] };
    for (const st of found.statuses) note('search', allowListProblems(st.content));
    checkPage('/@alice', await s.inject({ method: 'GET', url: '/@alice' }));
    expect(findings).toEqual([]);
  });
});

describe('script written into profiles', () => {
  it('is text in the note and field values, verbatim in names, and inert on the profile page', async () => {
    findings = [];
    for (const [i, payload] of XSS.entries()) {
      const displayName = payload.slice(0, 30);
      const noteText = `${payload} @alice #about https://example.com/${i}`;
      const field = { name: payload.slice(0, 255), value: `${payload.slice(0, 200)} https://example.com` };
      ok(await bob.patch('/api/v1/accounts/update_credentials', { display_name: displayName, note: noteText, fields_attributes: [field] }), `profile ${i}`);
      const account = ok(await bob.get(`/api/v1/accounts/${bob.id}`), 'account');
      checkPlainField(`display_name ${i}`, account.display_name, displayName);
      checkHtmlField(`note ${i}`, account.note, noteText);
      checkPlainField(`field name ${i}`, account.fields[0].name, field.name);
      checkHtmlField(`field value ${i}`, account.fields[0].value, field.value);
      // Bob echoes one of alice's posts, so his name also appears in the "echoed" line.
      if (i === 0) {
        const post = ok(await alice.post('/api/v1/statuses', { status: 'echo me' }), 'post');
        ok(await bob.post(`/api/v1/statuses/${post.id}/reblog`), 'reblog');
      }
      checkPage(`/@bob (payload ${i})`, await s.inject({ method: 'GET', url: '/@bob' }), [displayName]);
    }
    expect(findings).toEqual([]);
  });
});

describe('script written into the other text people store', () => {
  it('comes back verbatim from lists, filters, private notes, reports, strikes, appeals, media and admin blocks', async () => {
    findings = [];
    for (const [i, payload] of XSS.entries()) {
      const list = ok(await alice.post('/api/v1/lists', { title: payload }), 'list');
      checkPlainField(`list ${i}`, ok(await alice.get(`/api/v1/lists/${list.id}`), 'list').title, payload);

      const filter = ok(await alice.post('/api/v2/filters', { title: payload, context: ['home'], keywords_attributes: [{ keyword: payload }] }), 'filter');
      const readFilter = ok(await alice.get(`/api/v2/filters/${filter.id}`), 'filter');
      checkPlainField(`filter ${i} title`, readFilter.title, payload);
      checkPlainField(`filter ${i} keyword`, readFilter.keywords[0].keyword, payload);

      ok(await alice.post(`/api/v1/accounts/${bob.id}/note`, { comment: payload }), 'private note');
      checkPlainField(`private note ${i}`, ok(await alice.get(`/api/v1/accounts/relationships?id[]=${bob.id}`), 'relationships')[0].note, payload);

      const report = ok(await bob.post('/api/v1/reports', { account_id: alice.id, comment: payload }), 'report');
      checkPlainField(`report ${i}`, ok(await alice.get(`/api/v1/admin/reports/${report.id}`), 'admin report').comment, payload);

      const form = multipart([{ name: 'file', value: png, filename: 'x.png', contentType: 'image/png' }, { name: 'description', value: payload }]);
      const media = ok(await alice.post('/api/v2/media', form.payload, { headers: form.headers }), 'media');
      checkPlainField(`media ${i} description`, ok(await alice.get(`/api/v1/media/${media.id}`), 'media').description, payload);
      const withMedia = ok(await alice.post('/api/v1/statuses', { status: `picture ${i}`, media_ids: [media.id] }), 'post with media');
      checkPage(`/@alice/${withMedia.id} (alt text ${i})`, await s.inject({ method: 'GET', url: `/@alice/${withMedia.id}` }));

      const block = ok(await alice.post('/api/v1/admin/domain_blocks', { domain: `evil${i}.example`, public_comment: payload, private_comment: payload }), 'domain block');
      checkPlainField(`domain block ${i}`, ok(await alice.get(`/api/v1/admin/domain_blocks/${block.id}`), 'domain block').public_comment, payload);
      const ip = ok(await alice.post('/api/v1/admin/ip_blocks', { ip: `198.51.100.${i}`, severity: 'sign_up_block', comment: payload }), 'ip block');
      checkPlainField(`ip block ${i}`, ok(await alice.get(`/api/v1/admin/ip_blocks/${ip.id}`), 'ip block').comment, payload);

      ok(await alice.post(`/api/v1/admin/accounts/${bob.id}/action`, { type: 'none', text: payload }), 'warning');
      const strike = (ok(await bob.get('/api/v1/strikes'), 'strikes') as { id: string; text: string }[])[0]!;
      checkPlainField(`strike ${i}`, strike.text, payload);
      ok(await bob.post(`/api/v1/strikes/${strike.id}/appeal`, { text: payload }), 'appeal');
      checkPlainField(`appeal ${i}`, ok(await bob.get(`/api/v1/strikes/${strike.id}`), 'strike').appeal.text, payload);
    }
    expect(findings).toEqual([]);
  });

  it('refuses script where only a name or a URL belongs (featured tags, app websites)', async () => {
    for (const payload of XSS) {
      expect((await alice.post('/api/v1/featured_tags', { name: payload })).statusCode, payload).toBe(422);
    }
    for (const website of ['javascript:alert(1)', 'data:text/html,<script>alert(1)</script>', ' javascript:alert(1)', 'vbscript:msgbox(1)']) {
      const res = await s.inject({ method: 'POST', url: '/api/v1/apps', payload: { client_name: 'x', redirect_uris: 'urn:ietf:wg:oauth:2.0:oob', website } });
      expect(res.statusCode, website).toBe(422);
    }
  });
});

describe('script in applications and in what pages echo back', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await signedIn(s, 'alice', alice.password);
  });

  it('app names and websites are inert on the consent and development pages', async () => {
    findings = [];
    for (const [i, payload] of XSS.entries()) {
      const name = payload.slice(0, 60);
      const app = ok(await s.inject({ method: 'POST', url: '/api/v1/apps', payload: { client_name: name, redirect_uris: 'urn:ietf:wg:oauth:2.0:oob', website: `https://example.com/${i}?"onmouseover="alert(1)` } }), 'app');
      const consent = await browser.get(`/oauth/authorize?response_type=code&client_id=${app.client_id}&redirect_uri=urn:ietf:wg:oauth:2.0:oob&scope=read`);
      checkPage(`consent page (payload ${i})`, consent, [name]);
      const page = await browser.get('/settings/applications');
      const created = await browser.post('/settings/applications', { csrf_token: csrfOf(page.body), name, redirect_uri: 'urn:ietf:wg:oauth:2.0:oob', 'scopes[]': 'read' });
      checkPage(`new application page (payload ${i})`, created, [name]);
    }
    checkPage('/settings/applications', await browser.get('/settings/applications'));
    expect(findings).toEqual([]);
  });

  it('signing in never sends people off the site, whatever return_to says', async () => {
    for (const target of ['/\t/evil.example/x', '/\n/evil.example', '/\\evil.example', '//evil.example', 'https://evil.example/', 'javascript:alert(1)', '/%09/evil.example']) {
      const visitor = newBrowser(s);
      const form = await visitor.get('/auth/sign_in');
      const res = await visitor.post('/auth/sign_in', { csrf_token: csrfOf(form.body), login: 'alice', password: alice.password, return_to: target });
      expect(res.statusCode, target).toBe(303);
      expect(new URL(String(res.headers.location), s.config.baseUrl).origin, target).toBe(new URL(s.config.baseUrl).origin);
    }
  });

  /** A valid CSRF token for the next form, signed in or not (one of the forms signs out). */
  async function currentCsrf(): Promise<string> {
    const page = await browser.get('/settings/applications');
    return csrfOf(page.statusCode === 200 ? page.body : (await browser.get('/auth/sign_in')).body);
  }

  it('no server-rendered page echoes script from query parameters or form fields, nor redirects off the site', async () => {
    findings = [];
    const pages = s.app.parleyRoutes.filter((r) => !r.websocket && (r.method === 'GET' || r.method === 'POST') && !/^\/(api|\.well-known|nodeinfo|media|avatars|headers|assets|oauth\/(token|revoke|userinfo))/.test(r.url) && r.url !== '/*' && r.url !== '/sw.js');
    expect(pages.length).toBeGreaterThan(10);
    const targets = ['javascript:alert(1)', '//evil.example/x', '/\t/evil.example/x', '/\\evil.example', 'https://evil.example/'];
    for (const [i, payload] of XSS.entries()) {
      const fields: Record<string, string> = Object.fromEntries(FIELD_NAMES.map((f) => [f, payload]));
      fields.return_to = targets[i % targets.length]!;
      fields.redirect_uri = targets[(i + 1) % targets.length]!;
      const query = new URLSearchParams(fields).toString();
      for (const r of pages) {
        const url = r.url.replace(/:([a-z_]+)/g, (_m, p: string) => (p === 'username' ? 'alice' : encodeURIComponent(payload)));
        const res = r.method === 'GET' ? await browser.get(`${url}?${query}`) : await browser.post(url, { ...fields, csrf_token: await currentCsrf() });
        const where = `${r.method} ${r.url} (payload ${i})`;
        if (res.statusCode >= 500) findings.push(`${where}: answered ${res.statusCode}`);
        if (String(res.headers['content-type'] ?? '').startsWith('text/html')) note(where, executableHtml(res.body));
        const location = res.headers.location;
        if (typeof location === 'string') {
          const target = new URL(location, s.config.baseUrl);
          if (target.origin !== new URL(s.config.baseUrl).origin && !location.startsWith('urn:')) findings.push(`${where}: redirects to ${JSON.stringify(location)}`);
        }
      }
      // Signing out is one of the forms: sign in again for the next payload.
      browser = await signedIn(s, 'alice', alice.password);
    }
    expect(findings).toEqual([]);
  });
});
