import { describe, expect, it } from 'vitest';
import { parseScopes, scopeAllows, scopesWithin, unknownScopes } from './scopes.ts';

describe('scopes', () => {
  it('parses space- and plus-separated lists, defaulting to read', () => {
    expect(parseScopes('read write')).toEqual(['read', 'write']);
    expect(parseScopes('read+write:statuses')).toEqual(['read', 'write:statuses']);
    expect(parseScopes('')).toEqual(['read']);
  });
  it('lets top-level scopes imply granular ones, and follow imply the graph scopes', () => {
    expect(scopeAllows(['read'], 'read:statuses')).toBe(true);
    expect(scopeAllows(['write:statuses'], 'write:favourites')).toBe(false);
    expect(scopeAllows(['follow'], 'write:follows')).toBe(true);
    expect(scopeAllows(['follow'], 'write:statuses')).toBe(false);
    expect(scopeAllows(['admin:read'], 'admin:read:accounts')).toBe(true);
    expect(scopeAllows(['read'], 'admin:read:accounts')).toBe(false);
  });
  it('finds unknown scopes and checks subsets', () => {
    expect(unknownScopes(['read', 'bogus'])).toEqual(['bogus']);
    expect(scopesWithin(['read:statuses'], ['read', 'write'])).toBe(true);
    expect(scopesWithin(['push'], ['read', 'write'])).toBe(false);
  });
});
