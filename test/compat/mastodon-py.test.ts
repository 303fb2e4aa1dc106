// Mastodon.py (Debian's python3-mastodon), a second independent client, against the real
// listening server: it sends url-encoded forms where masto.js sends JSON, and parses Link headers
// and entity dates its own way. .ci/run installs it; the script prints what it saw as JSON.
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestServer, TestUser } from '../helpers/server.ts';
import { createListeningServer } from '../helpers/listening-server.ts';

const SCRIPT = String.raw`
import json, sys, datetime
from mastodon import Mastodon

base, password, bob_id = sys.argv[1], sys.argv[2], sys.argv[3]
out = {}
client_id, client_secret = Mastodon.create_app('Mastodon.py compat', api_base_url=base, website='https://py.example')
out['app'] = bool(client_id and client_secret)
m = Mastodon(client_id=client_id, client_secret=client_secret, api_base_url=base)
m.log_in('alice@example.com', password)
me = m.account_verify_credentials()
out['me'] = {'username': me['username'], 'id': str(me['id']), 'created_at_is_datetime': isinstance(me['created_at'], datetime.datetime)}
out['version_ok'] = m.verify_minimum_version('4.0.0', cached=False)
toot = m.status_post('Hello from Mastodon.py #pyclient', visibility='public', spoiler_text='greeting', language='en')
out['toot'] = {'id': str(toot['id']), 'content': toot['content'], 'spoiler_text': toot['spoiler_text'], 'tags': [t['name'] for t in toot['tags']]}
poll = m.make_poll(['yes', 'no'], expires_in=600, multiple=True)
polled = m.status_post('A poll from Python', poll=poll)
out['poll'] = [o['title'] for o in polled['poll']['options']]
rel = m.account_follow(bob_id)
out['follow'] = {'following': rel['following'], 'id': str(rel['id'])}
print('READY-FOR-BOB', flush=True)
sys.stdin.readline()  # the test posts as bob and drains the server's jobs
home = m.timeline_home(limit=2)
out['home'] = [{'id': str(s['id']), 'acct': s['account']['acct']} for s in home]
older = m.fetch_next(home)
out['home_next'] = [str(s['id']) for s in (older or [])]
fav = m.status_favourite(home[0]['id'])
out['favourite'] = {'favourited': fav['favourited'], 'count': fav['favourites_count']}
out['notifications'] = [n['type'] for n in m.notifications(types=['follow', 'favourite'])]
since = m.timeline_home(min_id=datetime.datetime.now() - datetime.timedelta(hours=1))
out['home_since_an_hour_ago'] = len(since)
print(json.dumps(out), flush=True)
`;

/** What flow.py prints. */
interface PyOut {
  app: boolean;
  me: { username: string; id: string; created_at_is_datetime: boolean };
  version_ok: boolean;
  toot: { id: string; content: string; spoiler_text: string; tags: string[] };
  poll: string[];
  follow: { following: boolean; id: string };
  home: { id: string; acct: string }[];
  home_next: string[];
  favourite: { favourited: boolean; count: number };
  notifications: string[];
  home_since_an_hour_ago: number;
}

// The first Python that has Mastodon.py: a pyenv shim may shadow the system's /usr/bin/python3.
async function findPython(): Promise<string | null> {
  for (const candidate of ['python3', '/usr/bin/python3']) {
    const ok = await new Promise<boolean>((resolve) => execFile(candidate, ['-c', 'import mastodon'], (err) => resolve(!err)));
    if (ok) return candidate;
  }
  return null;
}
const python = await findPython();
// CI installs python3-mastodon, so there its absence is a failure, not a reason to skip; on a
// developer's machine without it the suite runs without this one client.
const required = process.env.CI === 'true';

let s: TestServer;
let base: string;
let dir: string;
let alice: TestUser;
let bob: TestUser;

beforeAll(async () => {
  ({ s, base } = await createListeningServer());
  alice = await s.createUser('alice');
  bob = await s.createUser('bob');
  dir = await mkdtemp(path.join(tmpdir(), 'parley-mastodon-py-'));
  await writeFile(path.join(dir, 'flow.py'), SCRIPT);
});
afterAll(async () => {
  await s?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe.runIf(python !== null || required)('Mastodon.py', () => {
  it('creates an app, logs in, toots, follows, reads home and favourites', async () => {
    if (!python) throw new Error('Mastodon.py is not installed: apt-get install python3-mastodon (.ci/run does)');
    const child = execFile(python!, [path.join(dir, 'flow.py'), base, alice.password, bob.id], { timeout: 30_000 });
    let stdout = '';
    let stderr = '';
    child.stderr!.on('data', (d: Buffer) => { stderr += d; });
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    await new Promise<void>((resolve, reject) => {
      child.stdout!.on('data', (d: Buffer) => {
        stdout += d;
        if (stdout.includes('READY-FOR-BOB')) resolve();
      });
      void exited.then((code) => reject(new Error(`python exited (${code}) early:\n${stderr}`)));
    });
    // Bob posts twice; the followed account's posts reach Alice's home feed once jobs run.
    const first = (await bob.post('/api/v1/statuses', { status: 'Bob, first' })).json() as { id: string };
    const second = (await bob.post('/api/v1/statuses', { status: 'Bob, second' })).json() as { id: string };
    await s.drainJobs();
    child.stdin!.end('\n');
    const code = await exited;
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const out = JSON.parse(stdout.slice(stdout.indexOf('READY-FOR-BOB') + 'READY-FOR-BOB'.length)) as PyOut;

    expect(out.app).toBe(true);
    expect(out.me).toEqual({ username: 'alice', id: alice.id, created_at_is_datetime: true });
    expect(out.version_ok).toBe(true);
    expect(out.toot.content).toContain('Hello from Mastodon.py');
    expect(out.toot.spoiler_text).toBe('greeting');
    expect(out.toot.tags).toEqual(['pyclient']);
    expect(out.poll).toEqual(['yes', 'no']);
    expect(out.follow).toEqual({ following: true, id: bob.id });
    // Newest first: Bob's second post, then his first; the next page holds Alice's own posts.
    expect(out.home).toEqual([{ id: second.id, acct: 'bob' }, { id: first.id, acct: 'bob' }]);
    expect(out.home_next).toHaveLength(2);
    expect(out.home_next).not.toContain(first.id);
    expect(out.favourite).toEqual({ favourited: true, count: 1 });
    expect(out.notifications).toEqual([]);
    expect(out.home_since_an_hour_ago).toBe(4);

    const stored = await s.ctx.db.selectFrom('favourites').select('status_id').where('account_id', '=', alice.id).execute();
    expect(stored.map((r) => r.status_id)).toEqual([second.id]);
    const tooted = await s.ctx.db.selectFrom('statuses').select(['id', 'application_id']).where('id', '=', out.toot.id).executeTakeFirstOrThrow();
    expect(tooted.application_id).toBeTruthy();
    await s.drainJobs();
    const bobNotes = ((await bob.get('/api/v1/notifications')).json() as { type: string; account: { id: string } }[]);
    expect(bobNotes.map((n) => [n.type, n.account.id])).toEqual([['favourite', alice.id], ['follow', alice.id]]);
  });
});
