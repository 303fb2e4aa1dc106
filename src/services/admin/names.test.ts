import { describe, expect, it } from 'vitest';
import { canonicalEmail, canonicalEmailHash, domainAndParents, emailDomain, normaliseDomain, obfuscateDomain } from './names.ts';

describe('block names', () => {
  it('normalises domains and refuses what is not one', () => {
    expect(normaliseDomain(' Example.COM ')).toBe('example.com');
    expect(normaliseDomain('*.spam.example')).toBe('spam.example');
    expect(normaliseDomain('bücher.example')).toBe('xn--bcher-kva.example');
    for (const bad of ['', 'https://example.com', 'a b.example', 'user@example.com', '-bad.example', 'x'.repeat(64) + '.example', 'example.com/path']) {
      expect(normaliseDomain(bad), bad).toBeNull();
    }
  });

  it('lists a domain with its parents and reads the domain of an address', () => {
    expect(domainAndParents('a.b.example')).toEqual(['a.b.example', 'b.example', 'example']);
    expect(emailDomain('Someone@Mail.Example.org')).toBe('mail.example.org');
    expect(emailDomain('no-at-sign')).toBeNull();
  });

  it('canonicalises addresses like Mastodon and hashes the result', () => {
    expect(canonicalEmail('First.Last+news@Gmail.com')).toBe('firstlast@gmail.com');
    expect(canonicalEmailHash('f.irstlast+x@gmail.com')).toBe(canonicalEmailHash('FIRSTLAST@gmail.com'));
    expect(canonicalEmailHash('a@example.com')).toMatch(/^[0-9a-f]{64}$/);
  });

  it('obfuscates the middle of a domain', () => {
    expect(obfuscateDomain('example.com')).toBe('exa****.com');
    expect(obfuscateDomain('mastodon.social')).toBe('mast****.**cial');
  });
});
