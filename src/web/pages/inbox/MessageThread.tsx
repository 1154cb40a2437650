import { Box, ScrollArea, Skeleton, Stack, Text } from '@mantine/core';
import { IconMessageOff } from '@tabler/icons-react';
import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConversationEvent, Message } from '../../../shared/contracts/conversations.ts';
import type { SurveyResponse } from '../../../shared/contracts/surveys.ts';
import { useConversation, useConversationEvents, useMessages } from '../../api/conversations.ts';
import { useConversationResponses } from '../../api/surveyResponses.ts';
import { useMembers, useTeams } from '../../api/workspace.ts';
import { Empty } from '../../components/Empty.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { useLocale } from '../../lib/useLocale.ts';
import { describeEvent, isShownInThread } from './eventText.ts';
import { MessageItem } from './MessageItem.tsx';
import { SurveyResponseItem } from './SurveyResponseItem.tsx';

type Entry =
  | { at: string; message: Message }
  | { at: string; event: ConversationEvent }
  | { at: string; response: SurveyResponse };

export function MessageThread({ conversationId }: { conversationId: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const conversation = useConversation(conversationId);
  const messages = useMessages(conversationId);
  const events = useConversationEvents(conversationId);
  const responses = useConversationResponses(conversationId);
  const members = useMembers();
  const teams = useTeams();
  const bottomRef = useRef<HTMLDivElement>(null);

  const entries = useMemo(() => {
    const list: Entry[] = [
      ...(messages.data ?? []).map((message) => ({ at: message.createdAt, message })),
      ...(events.data ?? []).filter(isShownInThread).map((event) => ({ at: event.occurredAt, event })),
      ...(responses.data ?? []).map((response) => ({ at: response.submittedAt, response })),
    ];
    return list.sort((a, b) => a.at.localeCompare(b.at));
  }, [messages.data, events.data, responses.data]);

  const count = entries.length;
  useEffect(() => {
    if (count > 0) bottomRef.current?.scrollIntoView({ block: 'end' });
  }, [count]);

  const names = {
    member: (id: string) => members.data?.find((m) => m.id === id)?.name,
    team: (id: string) => teams.data?.find((team) => team.id === id)?.name,
  };
  const customerName =
    conversation.data?.contact?.name || conversation.data?.contact?.email || t('conversation.customer');

  let body: React.ReactNode;
  if (messages.isPending) {
    body = (
      <Stack gap="md" aria-busy="true">
        <Skeleton height={80} width="65%" />
        <Skeleton height={60} width="55%" ml="auto" />
      </Stack>
    );
  } else if (messages.isError) {
    body = <ErrorState error={messages.error} onRetry={() => void messages.refetch()} />;
  } else if (entries.length === 0) {
    body = (
      <Empty
        icon={<IconMessageOff />}
        title={t('conversation.noMessages')}
        description={t('conversation.noMessagesHint')}
        size="sm"
      />
    );
  } else {
    body = (
      <Stack gap="sm">
        {entries.map((entry) =>
          'message' in entry ? (
            <MessageItem key={entry.message.id} message={entry.message} customerName={customerName} />
          ) : 'response' in entry ? (
            <SurveyResponseItem key={entry.response.id} response={entry.response} customerName={customerName} />
          ) : (
            <Text key={entry.event.id} size="xs" c="dimmed" ta="center" data-testid="thread-event">
              {describeEvent(entry.event, t, names)} · {formatDateTime(entry.event.occurredAt, locale)}
            </Text>
          ),
        )}
      </Stack>
    );
  }

  return (
    <ScrollArea style={{ flex: 1 }} type="auto" bg="gray.0">
      <Box p="md" component="section" aria-label={t('conversation.messagesLabel')} aria-live="polite">
        {body}
        <div ref={bottomRef} />
      </Box>
    </ScrollArea>
  );
}
