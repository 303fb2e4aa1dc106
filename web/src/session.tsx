// The app-wide state: the API client, the signed-in account, the instance and the connection.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { CredentialAccountJson } from '../../api/entities.ts';
import { createHttp, type ConnectionState, type Http } from './api/http.ts';
import { endpoints, type Api } from './api/endpoints.ts';
import { authorizeUrl, signOut as revoke, storedToken, storeToken } from './api/oauth.ts';
import type { InstanceV2 } from './api/types.ts';

export interface Session {
  http: Http;
  api: Api;
  token: string | null;
  me: CredentialAccountJson | null;
  /** True until the first verify_credentials answer (or failure) for a stored token. */
  loading: boolean;
  /** Why the stored token did not work (e.g. an unconfirmed e-mail), in the server's words. */
  authError: string | null;
  instance: InstanceV2 | null;
  connection: ConnectionState;
  setToken: (token: string | null) => void;
  refreshMe: () => Promise<void>;
  /** Sends the browser to the server's sign-in; `scope` asks for more than the usual scopes. */
  signIn: (returnTo?: string, scope?: string) => Promise<void>;
  signOut: () => Promise<void>;
}

const SessionContext = createContext<Session | null>(null);

export function SessionProvider({ children, http: injected }: { children: ReactNode; http?: Http }) {
  const [token, setTokenState] = useState<string | null>(storedToken);
  const [me, setMe] = useState<CredentialAccountJson | null>(null);
  const [loading, setLoading] = useState<boolean>(() => storedToken() !== null);
  const [authError, setAuthError] = useState<string | null>(null);
  const [instance, setInstance] = useState<InstanceV2 | null>(null);
  const [connection, setConnection] = useState<ConnectionState>(() => (typeof navigator !== 'undefined' && navigator.onLine === false ? 'offline' : 'online'));

  const http = useMemo(
    () =>
      injected ??
      createHttp({
        getToken: storedToken,
        onConnection: setConnection,
      }),
    [injected],
  );
  const api = useMemo(() => endpoints(http), [http]);

  const setToken = useCallback((t: string | null) => {
    // The callback has already stored its token together with the scopes it was granted.
    if (t !== storedToken()) storeToken(t);
    setTokenState(t);
    if (t) setLoading(true);
    else setMe(null);
  }, []);

  const refreshMe = useCallback(async () => {
    if (!storedToken()) {
      setLoading(false);
      return;
    }
    try {
      setMe(await api.me());
      setAuthError(null);
    } catch (err) {
      const status = (err as { status?: number }).status;
      if (status === 401) {
        storeToken(null);
        setTokenState(null);
      } else if (status === 403) setAuthError((err as Error).message);
    } finally {
      setLoading(false);
    }
  }, [api]);

  useEffect(() => {
    void refreshMe();
  }, [token, refreshMe]);

  useEffect(() => {
    api.instance().then(setInstance, () => {});
  }, [api]);

  useEffect(() => {
    const offline = () => setConnection('offline');
    const online = () => {
      setConnection('online');
      void refreshMe();
    };
    window.addEventListener('offline', offline);
    window.addEventListener('online', online);
    return () => {
      window.removeEventListener('offline', offline);
      window.removeEventListener('online', online);
    };
  }, [refreshMe]);

  const signIn = useCallback(
    async (returnTo?: string, scope?: string) => {
      location.assign(await authorizeUrl(http, returnTo ?? location.pathname + location.search, scope));
    },
    [http],
  );

  const signOut = useCallback(async () => {
    await revoke(http);
    setTokenState(null);
    setMe(null);
  }, [http]);

  const value = useMemo<Session>(
    () => ({ http, api, token, me, loading, authError, instance, connection, setToken, refreshMe, signIn, signOut }),
    [http, api, token, me, loading, authError, instance, connection, setToken, refreshMe, signIn, signOut],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const s = useContext(SessionContext);
  if (!s) throw new Error('useSession outside SessionProvider');
  return s;
}
