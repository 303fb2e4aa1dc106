// One HTTP exchange with a host whose address has already been checked. The socket connects to
// that address and no other: a second DNS lookup could answer differently (DNS rebinding: public
// for the check, 127.0.0.1 for the connection). The URL's host name still goes into the Host
// header and TLS SNI, and the certificate is verified against it.
import http, { type IncomingMessage } from 'node:http';
import https from 'node:https';
import { isIP, type LookupFunction } from 'node:net';

export interface HopRequest {
  method: string;
  /** Lower-case names. */
  headers: Record<string, string>;
  body: Buffer | undefined;
}

/** A lookup that answers every question with the one checked address. */
function pinnedLookup(address: string): LookupFunction {
  const family = isIP(address);
  return (_hostname, options, callback) => {
    // Happy eyeballs (autoSelectFamily) asks for all addresses; a plain connect asks for one.
    if (options.all) callback(null, [{ address, family }]);
    else callback(null, address, family);
  };
}

export function pinnedRequest(url: URL, address: string, request: HopRequest, limits: { maxHeaderBytes: number; signal: AbortSignal }): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    const client = url.protocol === 'https:' ? https : http;
    const req = client.request({
      protocol: url.protocol,
      // Brackets belong to URLs only; node:http puts them back in the Host header.
      hostname: url.hostname.replace(/^\[(.*)\]$/, '$1'),
      port: url.port || undefined,
      path: `${url.pathname}${url.search}`,
      method: request.method,
      headers: request.headers,
      // A fresh connection: a pooled socket may have been opened for an address checked earlier.
      agent: false,
      lookup: pinnedLookup(address),
      maxHeaderSize: limits.maxHeaderBytes,
      signal: limits.signal,
    });
    req.once('response', resolve);
    req.once('error', reject);
    req.end(request.body);
  });
}
