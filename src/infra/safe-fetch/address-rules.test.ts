import { describe, expect, it } from 'vitest';
import { addressKind, isPublicAddress, literalAddress, type AddressKind } from './address-rules.ts';

// Each class: addresses inside it (edges included) and its public neighbours just outside.
const CLASSES: [AddressKind, inside: string[], outside: string[]][] = [
  ['unspecified', ['0.0.0.0', '0.255.255.255', '0.1.2.3', '::'], ['1.0.0.0']],
  ['loopback', ['127.0.0.1', '127.0.0.0', '127.255.255.255', '127.1.2.3', '::1'], ['126.255.255.255', '128.0.0.0']],
  ['private', ['10.0.0.0', '10.255.255.255', '172.16.0.0', '172.31.255.255', '192.168.0.1', '192.168.255.255', 'fec0::1', '64:ff9b:1::a00:1'], ['9.255.255.255', '11.0.0.0', '172.15.255.255', '172.32.0.0', '192.167.255.255', '192.169.0.0']],
  ['cgnat', ['100.64.0.0', '100.127.255.255', '100.100.100.200'], ['100.63.255.255', '100.128.0.0']],
  ['link-local', ['169.254.169.254', '169.254.0.0', '169.254.255.255', 'fe80::1', 'febf:ffff::1'], ['169.253.255.255', '169.255.0.0']],
  ['unique-local', ['fc00::1', 'fd12:3456:789a::1', 'fdff:ffff:ffff:ffff:ffff:ffff:ffff:ffff'], ['2600::1']],
  ['multicast', ['224.0.0.1', '239.255.255.255', 'ff02::1', 'ff0e::101'], ['223.255.255.255']],
  ['broadcast', ['255.255.255.255'], []],
  ['reserved', ['240.0.0.1', '255.255.255.254', '192.0.0.8', '192.88.99.1', '100::1', '2001::1', '2001:0:4136:e378:8000:63bf:3fff:fdd2', '::0.0.0.2', '5f00::1', '4000::1', 'e000::1'], ['192.0.1.0', '192.88.100.0', '2001:200::1']],
  ['documentation', ['192.0.2.1', '198.51.100.7', '203.0.113.255', '2001:db8::1', '2001:db8:ffff::1', '3fff::1', '3fff:fff::1'], ['192.0.3.0', '198.51.101.0', '203.0.114.0', '2001:db9::1', '3fff:1000::1']],
  ['benchmarking', ['198.18.0.0', '198.19.255.255'], ['198.17.255.255', '198.20.0.0']],
];

describe('addressKind', () => {
  for (const [kind, inside, outside] of CLASSES) {
    it(`knows ${kind} addresses and their public neighbours`, () => {
      for (const ip of inside) expect(addressKind(ip), ip).toBe(kind);
      for (const ip of outside) expect(addressKind(ip), ip).toBe('public');
    });
  }

  it('calls ordinary internet hosts public', () => {
    for (const ip of ['1.1.1.1', '8.8.8.8', '93.184.216.34', '223.255.255.255', '2606:4700:4700::1111', '2a00:1450:4001:80b::200e', '2001:4860:4860::8888']) {
      expect(isPublicAddress(ip), ip).toBe(true);
    }
  });

  it('judges IPv4-mapped IPv6 by the IPv4 address, in both spellings', () => {
    expect(addressKind('::ffff:127.0.0.1')).toBe('loopback');
    expect(addressKind('::ffff:7f00:1')).toBe('loopback');
    expect(addressKind('::ffff:a9fe:a9fe')).toBe('link-local');
    expect(addressKind('::ffff:10.1.2.3')).toBe('private');
    expect(addressKind('::ffff:0:0')).toBe('unspecified');
    expect(addressKind('::ffff:808:808')).toBe('public');
  });

  it('judges NAT64 (64:ff9b::/96) by the IPv4 address it carries', () => {
    expect(addressKind('64:ff9b::7f00:1')).toBe('loopback');
    expect(addressKind('64:ff9b::127.0.0.1')).toBe('loopback');
    expect(addressKind('64:ff9b::a9fe:a9fe')).toBe('link-local');
    expect(addressKind('64:ff9b::c0a8:101')).toBe('private');
    expect(addressKind('64:ff9b::808:808')).toBe('public');
    // Outside the /96 it is not NAT64 and not global unicast.
    expect(addressKind('64:ff9b:0:1::808:808')).toBe('reserved');
  });

  it('judges 6to4 (2002::/16) by the IPv4 address in bits 16 to 48', () => {
    expect(addressKind('2002:7f00:1::1')).toBe('loopback');
    expect(addressKind('2002:a00:1::')).toBe('private');
    expect(addressKind('2002:a9fe:a9fe::1')).toBe('link-local');
    expect(addressKind('2002:0:0::1')).toBe('unspecified');
    expect(addressKind('2002:808:808::1')).toBe('public');
  });

  it('does not call non-addresses anything', () => {
    for (const text of ['', 'localhost', 'example.com', '10.0.0.0/8', '1.2.3', '256.0.0.1', '::g', '[::1]']) expect(addressKind(text), text).toBeNull();
    expect(isPublicAddress('example.com')).toBe(false);
  });
});

describe('literalAddress after the URL parser', () => {
  // The WHATWG URL parser turns every IPv4 spelling inet_aton accepts into dotted form, so these
  // cannot slip past as "host names".
  const host = (url: string) => literalAddress(new URL(url).hostname);

  it('sees through decimal, octal, hexadecimal and short IPv4 spellings', () => {
    for (const url of ['http://2130706433/', 'http://0177.0.0.1/', 'http://0x7f.0.0.1/', 'http://0x7f000001/', 'http://127.1/', 'http://017700000001/']) {
      expect(host(url), url).toBe('127.0.0.1');
      expect(addressKind(host(url)!), url).toBe('loopback');
    }
    expect(host('http://0/')).toBe('0.0.0.0');
    expect(addressKind(host('http://0.0.0.0/')!)).toBe('unspecified');
    expect(addressKind(host('http://0xa9fea9fe/')!)).toBe('link-local');
  });

  it('unwraps IPv6 literals', () => {
    expect(host('http://[::1]:8080/')).toBe('::1');
    expect(addressKind(host('http://[::]/')!)).toBe('unspecified');
    expect(host('http://[::ffff:127.0.0.1]/')).toBe('::ffff:7f00:1');
    expect(addressKind(host('http://[::ffff:127.0.0.1]/')!)).toBe('loopback');
    expect(addressKind(host('http://[0:0:0:0:0:ffff:169.254.169.254]/')!)).toBe('link-local');
  });

  it('leaves host names to the resolver', () => {
    expect(host('https://example.com/')).toBeNull();
    expect(host('https://127.0.0.1.nip.io/')).toBeNull();
    expect(host('https://localhost/')).toBeNull();
  });
});
