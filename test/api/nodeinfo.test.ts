import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../helpers/server.ts';

let s: TestServer;
beforeAll(async () => {
  s = await createTestServer();
  await s.createUser('alice');
  await s.createUser('bob');
});
afterAll(() => s.close());

const get = (url: string) => s.inject({ method: 'GET', url });

describe('NodeInfo', () => {
  it('is discoverable at /.well-known/nodeinfo', async () => {
    const res = await get('/.well-known/nodeinfo');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      links: [
        { rel: 'http://nodeinfo.diaspora.software/ns/schema/2.0', href: 'https://parley.test/nodeinfo/2.0' },
        { rel: 'http://nodeinfo.diaspora.software/ns/schema/2.1', href: 'https://parley.test/nodeinfo/2.1' },
      ],
    });
  });

  it.each(['2.0', '2.1'])('serves the %s document', async (v) => {
    const res = await get(`/nodeinfo/${v}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain(`profile="http://nodeinfo.diaspora.software/ns/schema/${v}#"`);
    const body = res.json();
    expect(body).toMatchObject({
      version: v,
      software: { name: 'parley', version: '0.1.0' },
      protocols: [],
      services: { outbound: [], inbound: [] },
      usage: { users: { total: 2, activeMonth: 0, activeHalfyear: 0 }, localPosts: 0 },
      openRegistrations: true,
      metadata: { nodeName: 'Parley' },
    });
    if (v === '2.1') expect(body.software.repository).toMatch(/^https:\/\//);
    else expect(body.software.repository).toBeUndefined();
  });

  it('answers 404 for unknown versions', async () => {
    expect((await get('/nodeinfo/9.9')).statusCode).toBe(404);
  });
});

describe('WebFinger', () => {
  it('describes a local account by acct: URI, case-insensitively', async () => {
    for (const resource of ['acct:alice@parley.test', 'acct:Alice@PARLEY.TEST', 'alice@parley.test', 'https://parley.test/@alice', 'https://parley.test/users/alice']) {
      const res = await get(`/.well-known/webfinger?resource=${encodeURIComponent(resource)}`);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toMatch(/^application\/jrd\+json/);
      expect(res.json()).toEqual({
        subject: 'acct:alice@parley.test',
        aliases: ['https://parley.test/@alice', 'https://parley.test/users/alice'],
        links: [{ rel: 'http://webfinger.net/rel/profile-page', type: 'text/html', href: 'https://parley.test/@alice' }],
      });
    }
  });

  it('answers 404 for unknown accounts and other domains', async () => {
    for (const resource of ['acct:nobody@parley.test', 'acct:alice@elsewhere.example', 'https://elsewhere.example/@alice', 'garbage']) {
      const res = await get(`/.well-known/webfinger?resource=${encodeURIComponent(resource)}`);
      expect(res.statusCode).toBe(404);
      expect(res.json()).toEqual({ error: 'Record not found' });
    }
  });

  it('answers 400 without a resource', async () => {
    expect((await get('/.well-known/webfinger')).statusCode).toBe(400);
    expect((await get('/.well-known/webfinger?resource=')).statusCode).toBe(400);
  });

  it('answers 410 for a deleted account', async () => {
    const carol = await s.createUser('carol');
    await s.ctx.db.updateTable('accounts').set({ deleted_at: new Date().toISOString() }).where('id', '=', carol.id).execute();
    expect((await get('/.well-known/webfinger?resource=acct:carol@parley.test')).statusCode).toBe(410);
  });
});

describe('host-meta', () => {
  it('points at WebFinger in XRD and JSON', async () => {
    const xml = await get('/.well-known/host-meta');
    expect(xml.statusCode).toBe(200);
    expect(xml.headers['content-type']).toMatch(/^application\/xrd\+xml/);
    expect(xml.body).toContain('<Link rel="lrdd" template="https://parley.test/.well-known/webfinger?resource={uri}"/>');
    const json = await get('/.well-known/host-meta?format=json');
    expect(json.json()).toEqual({ links: [{ rel: 'lrdd', template: 'https://parley.test/.well-known/webfinger?resource={uri}' }] });
  });
});
