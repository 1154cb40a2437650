import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Page } from '../../shared/contracts/common.ts';
import type {
  Channel,
  Conversation,
  ConversationEvent,
  ConversationStatus,
  Message,
  MessageKind,
  UpdateConversationInput,
} from '../../shared/contracts/conversations.ts';
import { api } from './client.ts';
import { fetchAll, fetchPage, nextCursor } from './pages.ts';

export interface InboxFilters {
  status: ConversationStatus[];
  channel: Channel | null;
  assignee: string | null;
  teamId: string | null;
  tag: string | null;
  q: string;
  /** The "Due soon" view: conversations with a running SLA deadline, nearest first. */
  due: boolean;
  /** The "Escalated" view: conversations escalated (senior or manager tier) in their current cycle. */
  escalated: boolean;
}

export const conversationKeys = {
  all: ['conversations'] as const,
  list: (filters: InboxFilters) => ['conversations', 'list', filters] as const,
  detail: (id: string) => ['conversations', 'detail', id] as const,
  messages: (id: string) => ['conversations', 'messages', id] as const,
  events: (id: string) => ['conversations', 'events', id] as const,
};

export function useConversationList(filters: InboxFilters) {
  return useInfiniteQuery({
    queryKey: conversationKeys.list(filters),
    queryFn: ({ pageParam, signal }) =>
      fetchPage<Conversation>(
        '/conversations',
        {
          limit: 50,
          status: filters.status,
          channel: filters.channel ?? undefined,
          assignee: filters.assignee ?? undefined,
          teamId: filters.teamId ?? undefined,
          tag: filters.tag ?? undefined,
          q: filters.q.trim() || undefined,
          sla: filters.due ? 'running' : undefined,
          sort: filters.due ? 'sla_due' : undefined,
          escalation: filters.escalated ? 'senior,manager' : undefined,
        },
        pageParam,
        signal,
      ),
    initialPageParam: null as string | null,
    getNextPageParam: nextCursor,
    // New conversations show up without a reload (live push can replace this later).
    refetchInterval: 30_000,
  });
}

export function useConversation(id: string | undefined) {
  return useQuery({
    queryKey: conversationKeys.detail(id ?? ''),
    queryFn: ({ signal }) => api<Conversation>(`/conversations/${id}`, { signal }),
    enabled: Boolean(id),
  });
}

export function useMessages(id: string) {
  return useQuery({
    queryKey: conversationKeys.messages(id),
    queryFn: ({ signal }) => fetchAll<Message>(`/conversations/${id}/messages`, signal),
    refetchInterval: 15_000,
  });
}

export function useConversationEvents(id: string) {
  return useQuery({
    queryKey: conversationKeys.events(id),
    queryFn: ({ signal }) => fetchAll<ConversationEvent>(`/conversations/${id}/events`, signal),
  });
}

/** Put a changed conversation into the cached lists so the inbox row updates at once. */
function patchCachedLists(queryClient: ReturnType<typeof useQueryClient>, conversation: Conversation) {
  queryClient.setQueryData(conversationKeys.detail(conversation.id), conversation);
  queryClient.setQueriesData<{ pages: Page<Conversation>[]; pageParams: unknown[] }>(
    { queryKey: ['conversations', 'list'] },
    (data) =>
      data && {
        ...data,
        pages: data.pages.map((page) => ({
          ...page,
          data: page.data.map((item) => (item.id === conversation.id ? conversation : item)),
        })),
      },
  );
}

export function useUpdateConversation(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: UpdateConversationInput) =>
      api<Conversation>(`/conversations/${id}`, { method: 'PATCH', body: input }),
    onSuccess: (conversation) => {
      patchCachedLists(queryClient, conversation);
      void queryClient.invalidateQueries({ queryKey: conversationKeys.events(id) });
      void queryClient.invalidateQueries({ queryKey: ['conversations', 'list'] });
    },
  });
}

export interface SendMessageInput {
  kind: Extract<MessageKind, 'reply' | 'note'>;
  body: string;
  status?: ConversationStatus;
}

export function useSendMessage(conversation: Conversation) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: SendMessageInput) =>
      api<Message>(`/conversations/${conversation.id}/messages`, { method: 'POST', body: input }),
    onSuccess: (message) => {
      queryClient.setQueryData<Message[]>(conversationKeys.messages(conversation.id), (messages) =>
        messages && !messages.some((m) => m.id === message.id) ? [...messages, message] : messages,
      );
      void queryClient.invalidateQueries({ queryKey: conversationKeys.messages(conversation.id) });
      void queryClient.invalidateQueries({ queryKey: conversationKeys.events(conversation.id) });
      void queryClient.invalidateQueries({ queryKey: conversationKeys.detail(conversation.id) });
      void queryClient.invalidateQueries({ queryKey: ['conversations', 'list'] });
      void queryClient.invalidateQueries({ queryKey: ['contacts', 'timeline', conversation.contactId] });
    },
  });
}
