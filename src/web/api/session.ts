import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Locale } from '../../shared/contracts/common.ts';
import type { Me } from '../../shared/contracts/workspaces.ts';
import { ApiError, api, setCsrfToken } from './client.ts';

export const meKey = ['me'] as const;

async function fetchMe(signal: AbortSignal): Promise<Me | null> {
  try {
    const me = await api<Me>('/me', { signal });
    setCsrfToken(me.csrfToken);
    return me;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

/** The signed-in user, or null when nobody is logged in. */
export function useMe() {
  return useQuery({ queryKey: meKey, queryFn: ({ signal }) => fetchMe(signal), staleTime: 5 * 60_000, retry: 1 });
}

/** The signed-in user where the app shell guarantees one. */
export function useSession(): Me {
  const { data } = useMe();
  if (!data) throw new Error('useSession used outside a signed-in page');
  return data;
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { email: string; password: string }) => api<Me>('/auth/login', { method: 'POST', body: input }),
    onSuccess: (me) => {
      setCsrfToken(me.csrfToken);
      queryClient.setQueryData(meKey, me);
    },
  });
}

export function useAcceptInvitation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { token: string; name: string; password: string }) =>
      api<Me>('/invitations/accept', { method: 'POST', body: input }),
    onSuccess: (me) => {
      setCsrfToken(me.csrfToken);
      queryClient.setQueryData(meKey, me);
    },
  });
}

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api<void>('/auth/logout', { method: 'POST' }),
    onSettled: () => {
      setCsrfToken(null);
      queryClient.clear();
      queryClient.setQueryData(meKey, null);
    },
  });
}

export function useUpdateMe() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { name?: string; locale?: Locale }) => api<Me>('/me', { method: 'PATCH', body: input }),
    onSuccess: (me) => {
      // Some servers answer PATCH with the user only; keep the session whole either way.
      if (me && typeof me === 'object' && 'workspace' in me) queryClient.setQueryData(meKey, me);
      else void queryClient.invalidateQueries({ queryKey: meKey });
    },
  });
}
