import { describe, expect, it } from 'vitest';
import { shouldShed } from './load-shedding.ts';

const req = (method: string, url: string, signedIn: boolean) => ({ method, url, signedIn });

describe('shouldShed', () => {
  it('sheds nothing when the server is not under pressure', () => {
    expect(shouldShed(0, req('GET', '/api/v1/timelines/public', false))).toBe(false);
  });

  it('at level 1 sheds anonymous content requests only', () => {
    expect(shouldShed(1, req('GET', '/api/v1/timelines/public?local=true', false))).toBe(true);
    expect(shouldShed(1, req('GET', '/@alice', false))).toBe(true);
    expect(shouldShed(1, req('GET', '/api/v1/timelines/public', true))).toBe(false);
    expect(shouldShed(1, req('GET', '/api/v2/search?q=x', true))).toBe(false);
  });

  it('never sheds signing in, instance information or the web app’s files', () => {
    for (const url of ['/api/v1/instance', '/api/v2/instance', '/api/v1/instance/rules', '/api/v1/apps', '/oauth/token', '/oauth/authorize?x=1', '/auth/sign_in', '/assets/index-abc.js', '/sw.js', '/']) {
      expect(shouldShed(2, req('GET', url, false)), url).toBe(false);
    }
    // A look-alike path is not exempt.
    expect(shouldShed(1, req('GET', '/api/v1/instances', false))).toBe(true);
  });

  it('at level 2 also sheds expensive requests of signed-in people, not their timelines or posting', () => {
    expect(shouldShed(2, req('GET', '/api/v2/search?q=x', true))).toBe(true);
    expect(shouldShed(2, req('POST', '/api/v2/media', true))).toBe(true);
    expect(shouldShed(2, req('GET', '/api/v1/timelines/home', true))).toBe(false);
    expect(shouldShed(2, req('POST', '/api/v1/statuses', true))).toBe(false);
  });
});
