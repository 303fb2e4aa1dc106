// The admin API client for the signed-in moderator, built on the session's HTTP layer.
import { useMemo } from 'react';
import { useSession } from '../session.tsx';
import { adminEndpoints, type AdminApi } from './admin-api.ts';

export function useAdmin(): AdminApi {
  const { http } = useSession();
  return useMemo(() => adminEndpoints(http), [http]);
}
