// Why a server-side fetch was refused or failed. The message is safe to show to whoever supplied
// the URL: it names the rule, never the address the host resolved to or the socket error, which
// would let a client map the server's network. The underlying error stays in `cause` for logs.
export type SafeFetchErrorCode =
  | 'invalid-url'
  | 'credentials'
  | 'scheme'
  | 'dns'
  | 'private-address'
  | 'too-many-redirects'
  | 'timeout'
  | 'too-large'
  | 'network';

const PUBLIC_MESSAGES: Readonly<Record<SafeFetchErrorCode, string>> = {
  'invalid-url': 'The URL is not valid',
  credentials: 'URLs with a user name or password are not fetched',
  scheme: 'Only https URLs are fetched',
  dns: 'The host name could not be resolved',
  'private-address': 'The URL points to a private or reserved address',
  'too-many-redirects': 'The URL redirects too many times',
  timeout: 'The remote server took too long to answer',
  'too-large': 'The remote answer is too large',
  network: 'The remote server could not be reached',
};

export class SafeFetchError extends Error {
  readonly code: SafeFetchErrorCode;
  readonly publicMessage: string;

  constructor(code: SafeFetchErrorCode, options?: { cause?: unknown }) {
    super(PUBLIC_MESSAGES[code], options);
    this.name = 'SafeFetchError';
    this.code = code;
    this.publicMessage = PUBLIC_MESSAGES[code];
  }
}
