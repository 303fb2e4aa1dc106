import { describe, expect, it } from 'vitest';
import { endpointProblem } from './endpoint-rule.ts';

const strict = { allowLoopbackHttp: false };
const tests = { allowLoopbackHttp: true };

describe('endpointProblem', () => {
  it('accepts public https push services', () => {
    for (const url of ['https://fcm.googleapis.com/fcm/send/abc', 'https://updates.push.services.mozilla.com/wpush/v2/x', 'https://web.push.apple.com/Q', 'https://push.example:8443/x']) {
      expect(endpointProblem(url, strict), url).toBeNull();
    }
  });

  it('refuses plain http, other schemes and malformed URLs', () => {
    expect(endpointProblem('http://push.example/x', strict)).toBe('endpoint must be an https URL');
    expect(endpointProblem('http://push.example/x', tests)).toBe('endpoint must be an https URL');
    expect(endpointProblem('ftp://push.example/x', strict)).toBe('endpoint must be an https URL');
    expect(endpointProblem('file:///etc/passwd', strict)).toBe('endpoint must be an https URL');
    expect(endpointProblem('not a url', strict)).toBe('endpoint is not a valid URL');
    expect(endpointProblem(`https://push.example/${'x'.repeat(2100)}`, strict)).toBe('endpoint is too long');
    expect(endpointProblem('https://user:pw@push.example/x', strict)).toBe('endpoint must not contain credentials');
  });

  it('refuses loopback, private and link-local hosts even over https', () => {
    for (const url of ['https://127.0.0.1/x', 'https://localhost/x', 'https://a.localhost/x', 'https://10.1.2.3/x', 'https://172.16.0.1/x', 'https://192.168.1.1/x', 'https://169.254.169.254/latest', 'https://[::1]/x', 'https://[fd00::1]/x', 'https://[::ffff:127.0.0.1]/x', 'https://0.0.0.0/x', 'https://100.64.0.1/x']) {
      expect(endpointProblem(url, strict), url).toBe('endpoint must be a public host');
    }
  });

  it('sees through other spellings and the rarer reserved ranges (address-rules.ts)', () => {
    for (const url of ['https://2130706433/x', 'https://0177.0.0.1/x', 'https://[::]/x', 'https://[64:ff9b::a9fe:a9fe]/x', 'https://[2002:a00:1::1]/x', 'https://198.18.0.1/x', 'https://192.0.2.1/x', 'https://localhost./x']) {
      expect(endpointProblem(url, strict), url).toBe('endpoint must be a public host');
    }
  });

  it('allows plain-http loopback only when the context allows it (tests)', () => {
    expect(endpointProblem('http://127.0.0.1:4567/push', strict)).toBe('endpoint must be an https URL');
    expect(endpointProblem('http://127.0.0.1:4567/push', tests)).toBeNull();
    expect(endpointProblem('http://[::1]:4567/push', tests)).toBeNull();
    expect(endpointProblem('http://10.0.0.1:4567/push', tests)).toBe('endpoint must be an https URL');
  });
});
