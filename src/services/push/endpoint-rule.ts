// Which push endpoints the server will POST to. Push services are public https endpoints; anything
// else (plain http, loopback, private networks, credentials in the URL) is refused so a
// subscription cannot make the server call into its own network. Plain-http loopback is allowed
// only when the context says so (the tests' local push service).
import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';

export const MAX_ENDPOINT_LENGTH = 2048;

export function isPrivateAddress(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  if (h === 'localhost' || h.endsWith('.localhost')) return true;
  const kind = isIP(h);
  if (kind === 4) {
    const [a = 0, b = 0] = h.split('.').map(Number);
    return a === 0 || a === 10 || a === 127 || (a === 100 && b >= 64 && b <= 127) || (a === 169 && b === 254) || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || a >= 224;
  }
  if (kind === 6) {
    if (h === '::' || h === '::1') return true;
    if (h.startsWith('::ffff:')) return true;
    return /^(fc|fd|fe8|fe9|fea|feb|ff)/.test(h);
  }
  return false;
}

const isLoopback = (host: string) => ['127.0.0.1', '[::1]', 'localhost'].includes(host.toLowerCase());

/** Why the server will not push to `endpoint`, or null when it will. */
export function endpointProblem(endpoint: string, opts: { allowLoopbackHttp: boolean }): string | null {
  if (endpoint.length > MAX_ENDPOINT_LENGTH) return 'endpoint is too long';
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    return 'endpoint is not a valid URL';
  }
  if (url.username || url.password) return 'endpoint must not contain credentials';
  if (url.protocol === 'http:' && opts.allowLoopbackHttp && isLoopback(url.hostname)) return null;
  if (url.protocol !== 'https:') return 'endpoint must be an https URL';
  if (isPrivateAddress(url.hostname)) return 'endpoint must be a public host';
  return null;
}

/**
 * Whether the endpoint's host name resolves to a private address: a public-looking name can point
 * into the server's own network. Checked right before each delivery. (A name that cannot be
 * resolved is left to the delivery itself, which then fails and is retried.)
 */
export async function resolvesToPrivateAddress(endpoint: string, resolve: (host: string) => Promise<string[]> = resolveAll): Promise<boolean> {
  const host = new URL(endpoint).hostname;
  if (isIP(host.replace(/^\[|\]$/g, ''))) return isPrivateAddress(host);
  let addresses: string[];
  try {
    addresses = await resolve(host);
  } catch {
    return false;
  }
  return addresses.some(isPrivateAddress);
}

async function resolveAll(host: string): Promise<string[]> {
  return (await lookup(host, { all: true })).map((a) => a.address);
}
