import { describe, expect, it } from 'vitest';
import { matchRoute } from './router.ts';

describe('matchRoute', () => {
  it.each([
    ['/moderation', { name: 'moderation', screen: { kind: 'dashboard' } }],
    ['/moderation/accounts', { name: 'moderation', screen: { kind: 'accountSearch' } }],
    ['/moderation/accounts/01X', { name: 'moderation', screen: { kind: 'account', id: '01X' } }],
    ['/moderation/apps', { name: 'moderation', screen: { kind: 'apps' } }],
    ['/preferences/security', { name: 'settingsSecurity' }],
    ['/preferences/data', { name: 'settingsData' }],
    ['/preferences', { name: 'settingsAccount' }],
  ])('%s', (path, route) => {
    expect(matchRoute(path)).toEqual(route);
  });
});
