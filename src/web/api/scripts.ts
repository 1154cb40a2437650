import type { ReplyScript } from '../../shared/contracts/conversations.ts';
import { api } from './client.ts';
import { useAllQuery, useWrite } from './hooks.ts';

const scriptsKey = ['reply-scripts'] as const;

export interface ReplyScriptInput {
  name: string;
  shortcut: string;
  bodies: Record<string, string>;
}

export const useReplyScripts = () => useAllQuery<ReplyScript>(scriptsKey, '/reply-scripts');

export function useSaveReplyScript() {
  return useWrite(
    ({ id, ...input }: ReplyScriptInput & { id?: string }) =>
      id
        ? api<ReplyScript>(`/reply-scripts/${id}`, { method: 'PATCH', body: input })
        : api<ReplyScript>('/reply-scripts', { method: 'POST', body: input }),
    [scriptsKey],
  );
}

export function useDeleteReplyScript() {
  return useWrite((id: string) => api<void>(`/reply-scripts/${id}`, { method: 'DELETE' }), [scriptsKey]);
}

export function renderReplyScript(id: string, conversationId: string, language?: string) {
  return api<{ body: string }>(`/reply-scripts/${id}/render`, {
    method: 'POST',
    body: language ? { conversationId, language } : { conversationId },
  });
}
