import { useQuery } from '@tanstack/react-query';
import type { Locale, Role } from '../../shared/contracts/common.ts';
import type { EscalationTier } from '../../shared/contracts/recovery.ts';
import type { ApiKey, Invitation, Member, Team, Workspace } from '../../shared/contracts/workspaces.ts';
import { api } from './client.ts';
import { useAllQuery, useWrite } from './hooks.ts';
import { meKey } from './session.ts';

const keys = {
  workspace: ['workspace'] as const,
  members: ['members'] as const,
  teams: ['teams'] as const,
  invitations: ['invitations'] as const,
  apiKeys: ['api-keys'] as const,
  /** A team's calendar shows on the calendars page. */
  calendars: ['calendars'] as const,
};

export function useWorkspace() {
  return useQuery({ queryKey: keys.workspace, queryFn: ({ signal }) => api<Workspace>('/workspace', { signal }) });
}

export function useUpdateWorkspace() {
  return useWrite(
    (input: { name?: string; timeZone?: string; defaultLocale?: Locale }) =>
      api<Workspace>('/workspace', { method: 'PATCH', body: input }),
    [keys.workspace, meKey],
  );
}

export const useMembers = () => useAllQuery<Member>(keys.members, '/members');

export function useUpdateMemberRole() {
  return useWrite(
    ({ id, role }: { id: string; role: Role }) => api<Member>(`/members/${id}`, { method: 'PATCH', body: { role } }),
    [keys.members],
  );
}

export function useRemoveMember() {
  return useWrite((id: string) => api<void>(`/members/${id}`, { method: 'DELETE' }), [keys.members, keys.teams]);
}

export const useTeams = () => useAllQuery<Team>(keys.teams, '/teams');

export interface TeamInput {
  name: string;
  description?: string;
  memberIds?: string[];
  /** Escalation tier by member id (agent, senior, manager). */
  memberTiers?: Record<string, EscalationTier>;
  calendarId?: string | null;
}

export function useCreateTeam() {
  return useWrite(
    (input: TeamInput) => api<Team>('/teams', { method: 'POST', body: input }),
    [keys.teams, keys.members, keys.calendars],
  );
}

export function useUpdateTeam() {
  return useWrite(
    ({ id, ...input }: Partial<TeamInput> & { id: string }) =>
      api<Team>(`/teams/${id}`, { method: 'PATCH', body: input }),
    [keys.teams, keys.members, keys.calendars],
  );
}

export function useDeleteTeam() {
  return useWrite(
    (id: string) => api<void>(`/teams/${id}`, { method: 'DELETE' }),
    [keys.teams, keys.members, keys.calendars],
  );
}

export const useInvitations = (enabled = true) => useAllQuery<Invitation>(keys.invitations, '/invitations', enabled);

export function useCreateInvitation() {
  return useWrite(
    (input: { email: string; role: Role }) => api<Invitation>('/invitations', { method: 'POST', body: input }),
    [keys.invitations],
  );
}

export function useRevokeInvitation() {
  return useWrite((id: string) => api<void>(`/invitations/${id}`, { method: 'DELETE' }), [keys.invitations]);
}

export const useApiKeys = (enabled = true) => useAllQuery<ApiKey>(keys.apiKeys, '/api-keys', enabled);

export function useCreateApiKey() {
  return useWrite(
    (input: { name: string; role: Role }) => api<ApiKey>('/api-keys', { method: 'POST', body: input }),
    [keys.apiKeys],
  );
}

export function useRevokeApiKey() {
  return useWrite((id: string) => api<void>(`/api-keys/${id}`, { method: 'DELETE' }), [keys.apiKeys]);
}
