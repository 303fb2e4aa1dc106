import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import SecuritySettings from './SecuritySettings.tsx';
import { account, fakeServer, renderApp } from '../test/harness.tsx';

interface State {
  enabled: boolean;
  pending: boolean;
  enabled_at: string | null;
  recovery_codes_left: number;
}
const OFF: State = { enabled: false, pending: false, enabled_at: null, recovery_codes_left: 0 };
const ON: State = { enabled: true, pending: false, enabled_at: '2030-01-01T00:00:00.000Z', recovery_codes_left: 10 };
const CODES = Array.from({ length: 10 }, (_, i) => `abcd-efgh-ijkl-mno${'abcdefghij'[i]}`);

const sessions = [
  { id: 'token-01WEBAPP', kind: 'oauth', app_name: 'Parley Web', device: 'Firefox on Linux', ip: '198.51.100.7', created_at: '2030-01-01T00:00:00.000Z', last_used_at: '2030-01-02T00:00:00.000Z', current: true, scopes: ['read', 'write'] },
  { id: 'token-01TUSKY', kind: 'oauth', app_name: 'Tusky', device: 'Tusky on Android', ip: null, created_at: '2030-01-01T00:00:00.000Z', last_used_at: null, current: false, scopes: ['read'] },
  { id: 'web-0123456789abcdef0123456789abcdef', kind: 'web', app_name: null, device: null, ip: '203.0.113.9', created_at: '2030-01-01T00:00:00.000Z', last_used_at: null, current: false, scopes: [] },
];

interface Passkey {
  id: string;
  name: string;
  transports: string[];
  created_at: string;
  last_used_at: string | null;
}
const LAPTOP: Passkey = { id: 'cred-laptop', name: 'Laptop', transports: ['internal'], created_at: '2030-01-01T00:00:00.000Z', last_used_at: '2030-01-03T00:00:00.000Z' };

function server(initial: State, initialPasskeys: Passkey[] = []) {
  localStorage.setItem('parley.token', 'tok');
  let state = initial;
  let passkeys = initialPasskeys;
  return fakeServer((method, url, body) => {
    if (url.pathname === '/api/v1/accounts/verify_credentials') return { body: account() };
    if (method === 'GET' && url.pathname === '/api/v1/parley/passkeys') return { body: passkeys };
    if (method === 'POST' && url.pathname === '/api/v1/parley/passkeys/options') {
      return { body: { challenge: 'AAEC', rp: { id: 'localhost', name: 'Parley' }, user: { id: 'BAUG', name: 'alice@p.example', displayName: 'Alice' }, pubKeyCredParams: [{ type: 'public-key', alg: -7 }], excludeCredentials: passkeys.map(() => ({ id: 'AQ', type: 'public-key' })) } };
    }
    if (method === 'POST' && url.pathname === '/api/v1/parley/passkeys') {
      const entry = { id: 'cred-new', name: (body as { name: string }).name, transports: ['usb'], created_at: '2030-01-04T00:00:00.000Z', last_used_at: null };
      passkeys = [...passkeys, entry];
      return { body: entry };
    }
    if (method === 'DELETE' && url.pathname.startsWith('/api/v1/parley/passkeys/')) {
      if ((body as { password?: string } | undefined)?.password !== 'secret password') return { status: 422, body: { error: 'Validation failed: Password is not correct' } };
      passkeys = passkeys.filter((p) => `/api/v1/parley/passkeys/${p.id}` !== url.pathname);
      return { body: {} };
    }
    if (method === 'GET' && url.pathname === '/api/v1/parley/two_factor') return { body: state };
    if (method === 'POST' && url.pathname === '/api/v1/parley/two_factor/setup') {
      return { body: { secret: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP', otpauth_uri: 'otpauth://totp/p.example:alice%40p.example?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP', qr_svg: '<svg xmlns="http://www.w3.org/2000/svg"></svg>' } };
    }
    const proof = body as { code: string; password: string } | undefined;
    if (method === 'POST' && url.pathname.startsWith('/api/v1/parley/two_factor/')) {
      if (proof?.code !== '123456') return { status: 422, body: { error: 'Validation failed: Two-factor code is not correct' } };
      if (url.pathname.endsWith('/confirm')) {
        state = ON;
        return { body: { recovery_codes: CODES } };
      }
      if (url.pathname.endsWith('/recovery_codes')) return { body: { recovery_codes: CODES } };
      if (url.pathname.endsWith('/disable')) {
        state = OFF;
        return { body: OFF };
      }
    }
    if (method === 'GET' && url.pathname === '/api/v1/parley/sessions') return { body: sessions };
    if (method === 'DELETE' && url.pathname.startsWith('/api/v1/parley/sessions/')) return { body: {} };
    return undefined;
  });
}

async function prove(code: string, submit: string) {
  fireEvent.change(screen.getByLabelText(/^Code from your authenticator app/), { target: { value: code } });
  fireEvent.change(screen.getByLabelText('Your password'), { target: { value: 'secret password' } });
  await act(async () => {
    fireEvent.click(screen.getByRole('button', { name: submit }));
  });
}

/** A browser with WebAuthn whose authenticator answers `create` with fixed bytes. */
function fakeWebAuthn(create: (options: CredentialCreationOptions) => Promise<unknown>) {
  const bytes = (...b: number[]) => new Uint8Array(b).buffer;
  Object.defineProperty(window, 'PublicKeyCredential', { value: class {}, configurable: true });
  Object.defineProperty(navigator, 'credentials', {
    value: {
      create: vi.fn(async (options: CredentialCreationOptions) => {
        await create(options);
        return {
          id: 'cred-new',
          rawId: bytes(1, 2, 3),
          type: 'public-key',
          authenticatorAttachment: 'cross-platform',
          getClientExtensionResults: () => ({}),
          response: { clientDataJSON: bytes(123, 125), attestationObject: bytes(250, 251), getTransports: () => ['usb'] },
        };
      }),
    },
    configurable: true,
  });
}

describe('SecuritySettings', () => {
  afterEach(() => {
    cleanup();
    localStorage.clear();
    Reflect.deleteProperty(window, 'PublicKeyCredential');
    Reflect.deleteProperty(navigator, 'credentials');
  });

  it('lists passkeys, adds one through the browser’s WebAuthn API and removes one with the password', async () => {
    let seen: CredentialCreationOptions | undefined;
    fakeWebAuthn(async (o) => {
      seen = o;
    });
    const { http, calls } = server(OFF, [LAPTOP]);
    renderApp(<SecuritySettings />, http);
    const list = await screen.findByRole('list', { name: 'Passkeys' });
    expect(within(list).getByRole('article', { name: 'Laptop' }).textContent).toContain('last used');

    fireEvent.change(screen.getByLabelText('Name of the new passkey'), { target: { value: 'Security key' } });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Add a passkey' }));
    });
    expect(await screen.findByRole('article', { name: 'Security key' })).toBeTruthy();
    expect(screen.getByRole('status').textContent).toBe('Passkey added.');
    // The base64url fields of the options became bytes for the browser, and the answer base64url again.
    expect([...new Uint8Array(seen!.publicKey!.challenge as ArrayBuffer)]).toEqual([0, 1, 2]);
    expect([...new Uint8Array(seen!.publicKey!.user.id as ArrayBuffer)]).toEqual([4, 5, 6]);
    expect(calls.find((c) => c.method === 'POST' && c.path === '/api/v1/parley/passkeys')?.body).toEqual({
      name: 'Security key',
      credential: { id: 'cred-new', rawId: 'AQID', type: 'public-key', authenticatorAttachment: 'cross-platform', clientExtensionResults: {}, response: { clientDataJSON: 'e30', attestationObject: '-vs', transports: ['usb'] } },
    });

    fireEvent.click(screen.getByRole('button', { name: 'Remove passkey Laptop' }));
    fireEvent.change(screen.getByLabelText('Your password'), { target: { value: 'wrong' } });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Remove passkey' }));
    });
    expect((await screen.findByRole('alert')).textContent).toBe('Validation failed: Password is not correct');
    fireEvent.change(screen.getByLabelText('Your password'), { target: { value: 'secret password' } });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Remove passkey' }));
    });
    expect(screen.queryByRole('article', { name: 'Laptop' })).toBeNull();
    expect(calls.filter((c) => c.method === 'DELETE').map((c) => c.path)).toEqual(['/api/v1/parley/passkeys/cred-laptop', '/api/v1/parley/passkeys/cred-laptop']);
  });

  it('says so when the passkey is not created, and when the browser cannot make passkeys', async () => {
    fakeWebAuthn(async () => {
      throw new DOMException('cancelled', 'NotAllowedError');
    });
    const { http, calls } = server(OFF);
    renderApp(<SecuritySettings />, http);
    expect(await screen.findByText('No passkeys yet.')).toBeTruthy();
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Add a passkey' }));
    });
    expect((await screen.findByRole('alert')).textContent).toBe('No passkey was created.');
    expect(calls.some((c) => c.method === 'POST' && c.path === '/api/v1/parley/passkeys')).toBe(false);
    cleanup();
    Reflect.deleteProperty(window, 'PublicKeyCredential');
    renderApp(<SecuritySettings />, server(OFF).http);
    expect(await screen.findByText('This browser cannot create passkeys.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Add a passkey' })).toBeNull();
  });

  it('sets up two-factor with the QR code, a code and the password, then shows the recovery codes once', async () => {
    const { http, calls } = server(OFF);
    renderApp(<SecuritySettings />, http);
    expect(await screen.findByText(/Two-factor authentication is off\./)).toBeTruthy();
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Set up two-factor authentication' }));
    });
    const qr = await screen.findByRole('img', { name: 'QR code for your authenticator app' });
    expect(qr.getAttribute('src')).toBe(`data:image/svg+xml;charset=utf-8,${encodeURIComponent('<svg xmlns="http://www.w3.org/2000/svg"></svg>')}`);
    expect(screen.getByText('JBSW Y3DP EHPK 3PXP JBSW Y3DP EHPK 3PXP')).toBeTruthy();

    await prove('999999', 'Turn on');
    expect((await screen.findByRole('alert')).textContent).toBe('Validation failed: Two-factor code is not correct');
    await prove(' 123456 ', 'Turn on');
    expect(calls.find((c) => c.path === '/api/v1/parley/two_factor/confirm' && (c.body as { code: string }).code === '123456')?.body).toEqual({ code: '123456', password: 'secret password' });
    const list = await screen.findByRole('list', { name: 'Recovery codes' });
    expect(within(list).getAllByRole('listitem').map((li) => li.textContent)).toEqual(CODES);

    const writeText = vi.fn(async () => undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Copy' }));
    });
    expect(writeText).toHaveBeenCalledWith(`${CODES.join('\n')}\n`);
    expect(screen.getByRole('status').textContent).toBe('Copied.');

    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'I have saved them' }));
    });
    expect(await screen.findByText(/Two-factor authentication is on\. Recovery codes left: 10\./)).toBeTruthy();
    expect(screen.queryByRole('list', { name: 'Recovery codes' })).toBeNull();
  });

  it('turns two-factor off and makes new recovery codes, each with a code and the password', async () => {
    const { http, calls } = server(ON);
    renderApp(<SecuritySettings />, http);
    await screen.findByText(/Two-factor authentication is on\./);

    fireEvent.click(screen.getByRole('button', { name: 'New recovery codes' }));
    await prove('123456', 'Make new recovery codes');
    expect(await screen.findByRole('list', { name: 'Recovery codes' })).toBeTruthy();
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'I have saved them' }));
    });

    fireEvent.click(await screen.findByRole('button', { name: 'Turn off two-factor authentication' }));
    await prove('123456', 'Turn off');
    expect(await screen.findByText(/Two-factor authentication is off\./)).toBeTruthy();
    expect(calls.filter((c) => c.method === 'POST').map((c) => c.path)).toEqual(['/api/v1/parley/two_factor/recovery_codes', '/api/v1/parley/two_factor/disable']);
  });

  it('lists sessions with device, app and this device, and revokes one', async () => {
    const { http, calls } = server(OFF);
    renderApp(<SecuritySettings />, http);
    const current = await screen.findByRole('article', { name: 'Parley Web · Firefox on Linux' });
    expect(within(current).getByText('This device')).toBeTruthy();
    expect(within(current).getByText(/from 198\.51\.100\.7/)).toBeTruthy();
    expect(screen.getByRole('article', { name: 'Web sign-in · unknown device' })).toBeTruthy();
    const tusky = screen.getByRole('article', { name: 'Tusky · Tusky on Android' });
    expect(within(tusky).queryByText('This device')).toBeNull();
    expect(within(tusky).getByText(/not used yet/)).toBeTruthy();

    await act(async () => {
      fireEvent.click(within(tusky).getByRole('button', { name: 'Revoke Tusky · Tusky on Android' }));
    });
    expect(calls.find((c) => c.method === 'DELETE')?.path).toBe('/api/v1/parley/sessions/token-01TUSKY');
    expect(screen.queryByRole('article', { name: 'Tusky · Tusky on Android' })).toBeNull();
    expect(screen.getAllByRole('article')).toHaveLength(2);
  });

  it('speaks German', async () => {
    const { http } = server(OFF);
    renderApp(<SecuritySettings />, http, 'de');
    expect(await screen.findByRole('button', { name: 'Zwei-Faktor-Authentifizierung einrichten' })).toBeTruthy();
    expect(await screen.findByText('Dieses Gerät')).toBeTruthy();
  });
});
