// Settings read on every request are cached for a few seconds, yet a change made through
// setSetting in this process is seen at once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getHotSetting, setSetting } from '../../src/db/repos/settings.ts';
import { createTestServer, type TestServer } from '../helpers/server.ts';

let s: TestServer;
beforeAll(async () => {
  s = await createTestServer();
});
afterAll(() => s.close());

describe('getHotSetting', () => {
  it('answers from its cache, and sees a setSetting at once', async () => {
    expect(await getHotSetting(s.ctx.db, s.config, 'logged_out_access')).toBe('public');
    // Another process's write (here: straight to the table) is not re-read on the next request...
    await s.ctx.db.insertInto('settings').values({ key: 'logged_out_access', value: JSON.stringify('none'), updated_at: new Date().toISOString() }).execute();
    expect(await getHotSetting(s.ctx.db, s.config, 'logged_out_access')).toBe('public');
    // ...but this process's own change is.
    await setSetting(s.ctx.db, 'logged_out_access', 'none', new Date());
    expect(await getHotSetting(s.ctx.db, s.config, 'logged_out_access')).toBe('none');
    await setSetting(s.ctx.db, 'logged_out_access', 'public', new Date());
    expect(await getHotSetting(s.ctx.db, s.config, 'logged_out_access')).toBe('public');
  });
});
