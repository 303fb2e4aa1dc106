// Which push endpoints the server will POST to. Push services are public https endpoints; anything
// else (plain http, loopback, private networks, credentials in the URL) is refused so a
// subscription cannot make the server call into its own network. Plain-http loopback is allowed
// only when the context says so (the tests' local push service).
import { isPublicAddress, literalAddress } from '../../infra/safe-fetch/address-rules.ts';

export const MAX_ENDPOINT_LENGTH = 2048;

/**
 * A host that is private by its spelling alone: a loopback name or a non-public address literal.
 * Names that resolve into private networks are refused by safeFetch at delivery.
 */
function isPrivateHost(hostname: string): boolean {
  const h = hostname.toLowerCase().replace(/\.$/, '');
  if (h === 'localhost' || h.endsWith('.localhost')) return true;
  const literal = literalAddress(h);
  return literal !== null && !isPublicAddress(literal);
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
  if (isPrivateHost(url.hostname)) return 'endpoint must be a public host';
  return null;
}
