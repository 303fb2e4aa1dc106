import { describe, expect, it } from 'vitest';
import { basicCredentials } from './client-auth.ts';
import { pkceChallengeOf } from './exchange-token.ts';
import { settingFromText } from '../../db/repos/settings.ts';

describe('client authentication and PKCE', () => {
  it('reads HTTP Basic client credentials, form-decoding both parts', () => {
    const header = `Basic ${Buffer.from('my%20id:s3cr%3At').toString('base64')}`;
    expect(basicCredentials(header)).toEqual({ clientId: 'my id', clientSecret: 's3cr:t' });
    expect(basicCredentials('Bearer abc')).toBeNull();
    expect(basicCredentials(`Basic ${Buffer.from('no-colon').toString('base64')}`)).toBeNull();
    expect(basicCredentials(undefined)).toBeNull();
  });
  it('computes the S256 challenge as base64url(sha256(verifier)) without padding', () => {
    // Reference value from `printf %s <verifier> | openssl dgst -sha256 -binary | base64url`.
    expect(pkceChallengeOf('dBjftJeZ4CVP-mJ92K9iIpAKQ2iWoYjtxKk8VeyAzqg')).toBe('-QyS5GgEkDBqxoqQI5_WkATWPn21RbrAo_knrXGv-Zk');
  });
});

describe('settings typed from text', () => {
  it('parses what an admin types, refusing what does not fit', () => {
    expect(settingFromText('password_grant', 'off')).toBe(false);
    expect(settingFromText('password_grant', 'perhaps')).toBeUndefined();
    expect(settingFromText('registrations_mode', 'approval')).toBe('approval');
    expect(settingFromText('site_languages', 'en, DE')).toEqual(['en', 'de']);
    expect(settingFromText('min_age', 'none')).toBeNull();
    expect(settingFromText('min_age', '16')).toBe(16);
    expect(settingFromText('site_contact_email', 'nope')).toBeUndefined();
  });
});
