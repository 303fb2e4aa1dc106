// A software WebAuthn authenticator for the tests: ES256 keys from node:crypto, 'none'
// attestation, authenticator data with the rpIdHash, flags and counter, COSE keys in a small CBOR
// encoder. Knobs let a test forge what a broken or hostile client would send (another origin, a
// counter going backwards, no user verification, another account's user handle).
import { createHash, generateKeyPairSync, randomBytes, sign, type KeyObject } from 'node:crypto';

type Cbor = number | string | Uint8Array | Cbor[] | Map<Cbor, Cbor>;

function head(major: number, n: number): Buffer {
  if (n < 24) return Buffer.from([(major << 5) | n]);
  if (n < 0x100) return Buffer.from([(major << 5) | 24, n]);
  if (n < 0x10000) return Buffer.from([(major << 5) | 25, n >> 8, n & 0xff]);
  const b = Buffer.alloc(5);
  b[0] = (major << 5) | 26;
  b.writeUInt32BE(n, 1);
  return b;
}

/** Definite-length CBOR: enough for attestation objects and COSE keys. */
export function cbor(v: Cbor): Buffer {
  if (typeof v === 'number') return v >= 0 ? head(0, v) : head(1, -1 - v);
  if (typeof v === 'string') {
    const bytes = Buffer.from(v, 'utf8');
    return Buffer.concat([head(3, bytes.length), bytes]);
  }
  if (v instanceof Uint8Array) return Buffer.concat([head(2, v.length), v]);
  if (Array.isArray(v)) return Buffer.concat([head(4, v.length), ...v.map(cbor)]);
  return Buffer.concat([head(5, v.size), ...[...v].flatMap(([k, val]) => [cbor(k), cbor(val)])]);
}

const b64url = (b: Uint8Array) => Buffer.from(b).toString('base64url');
const sha256 = (b: Uint8Array | string) => createHash('sha256').update(b).digest();

export const FLAG_UP = 0x01;
export const FLAG_UV = 0x04;
const FLAG_AT = 0x40;

interface Credential {
  id: Buffer;
  privateKey: KeyObject;
  cose: Buffer;
  userHandle: string;
  counter: number;
}

export interface CreationOptions {
  challenge: string;
  rp: { id?: string; name: string };
  user: { id: string; name: string; displayName: string };
  excludeCredentials?: { id: string }[];
}

export interface RequestOptions {
  challenge: string;
  rpId?: string;
  allowCredentials?: { id: string }[];
  userVerification?: string;
}

export interface AssertOptions {
  /** Which credential (default: the first the options allow, else the newest). */
  credentialId?: string;
  origin?: string;
  /** Counter to report instead of the next one. */
  counter?: number;
  flags?: number;
  userHandle?: string | null;
}

export class SoftAuthenticator {
  readonly credentials: Credential[] = [];
  readonly origin: string;
  constructor(origin: string) {
    this.origin = origin;
  }

  /** The credential ids this authenticator holds, base64url. */
  get ids(): string[] {
    return this.credentials.map((c) => b64url(c.id));
  }

  /** navigator.credentials.create(): a new ES256 credential, 'none' attestation. */
  register(options: CreationOptions, opts: { origin?: string; flags?: number; counter?: number } = {}) {
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const jwk = publicKey.export({ format: 'jwk' });
    const cose = cbor(
      new Map<Cbor, Cbor>([
        [1, 2],
        [3, -7],
        [-1, 1],
        [-2, Buffer.from(jwk.x!, 'base64url')],
        [-3, Buffer.from(jwk.y!, 'base64url')],
      ]),
    );
    const cred: Credential = { id: randomBytes(16), privateKey, cose, userHandle: options.user.id, counter: opts.counter ?? 0 };
    const idLength = Buffer.alloc(2);
    idLength.writeUInt16BE(cred.id.length);
    const authData = Buffer.concat([this.authDataHead(options.rp.id!, opts.flags ?? FLAG_UP | FLAG_UV | FLAG_AT, cred.counter), Buffer.alloc(16), idLength, cred.id, cose]);
    const clientDataJSON = Buffer.from(JSON.stringify({ type: 'webauthn.create', challenge: options.challenge, origin: opts.origin ?? this.origin, crossOrigin: false }));
    this.credentials.push(cred);
    return {
      id: b64url(cred.id),
      rawId: b64url(cred.id),
      type: 'public-key',
      clientExtensionResults: {},
      response: {
        clientDataJSON: b64url(clientDataJSON),
        attestationObject: b64url(cbor(new Map<Cbor, Cbor>([['fmt', 'none'], ['attStmt', new Map()], ['authData', authData]]))),
        transports: ['internal'],
      },
    };
  }

  /** navigator.credentials.get(): signs authenticatorData || sha256(clientDataJSON). */
  assert(options: RequestOptions, opts: AssertOptions = {}) {
    const wanted = opts.credentialId ?? options.allowCredentials?.[0]?.id;
    const cred = wanted ? this.credentials.find((c) => b64url(c.id) === wanted) : this.credentials.at(-1);
    if (!cred) throw new Error('no such credential on this authenticator');
    cred.counter = opts.counter ?? cred.counter + 1;
    const authData = this.authDataHead(options.rpId!, opts.flags ?? FLAG_UP | FLAG_UV, cred.counter);
    const clientDataJSON = Buffer.from(JSON.stringify({ type: 'webauthn.get', challenge: options.challenge, origin: opts.origin ?? this.origin, crossOrigin: false }));
    const signature = sign('sha256', Buffer.concat([authData, sha256(clientDataJSON)]), cred.privateKey);
    const userHandle = opts.userHandle === undefined ? cred.userHandle : opts.userHandle;
    return {
      id: b64url(cred.id),
      rawId: b64url(cred.id),
      type: 'public-key',
      clientExtensionResults: {},
      response: {
        clientDataJSON: b64url(clientDataJSON),
        authenticatorData: b64url(authData),
        signature: b64url(signature),
        ...(userHandle ? { userHandle } : {}),
      },
    };
  }

  private authDataHead(rpId: string, flags: number, counter: number): Buffer {
    const c = Buffer.alloc(4);
    c.writeUInt32BE(counter);
    return Buffer.concat([sha256(rpId), Buffer.from([flags]), c]);
  }
}
