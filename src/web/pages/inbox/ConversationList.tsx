import { Box, ScrollArea } from '@mantine/core';
import { IconAlarm, IconInbox, IconSearchOff } from '@tabler/icons-react';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import type { Conversation } from '../../../shared/contracts/conversations.ts';
import { useMembers } from '../../api/workspace.ts';
import { Empty } from '../../components/Empty.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { ListSkeleton } from '../../components/ListSkeleton.tsx';
import { LoadMore } from '../../components/LoadMore.tsx';
import { ConversationRow } from './ConversationRow.tsx';

interface ConversationListProps {
  conversations: Conversation[];
  selectedId: string | undefined;
  loading: boolean;
  error: unknown;
  onRetry: () => void;
  filtered: boolean;
  hasMore: boolean;
  loadingMore: boolean;
  onLoadMore: () => void;
  /** The "Due soon" view: its own empty state. */
  dueView?: boolean;
}

export function ConversationList(props: ConversationListProps) {
  const { conversations, selectedId, loading, error, filtered } = props;
  const { t } = useTranslation();
  const { search } = useLocation();
  const members = useMembers();
  const selectedRef = useRef<HTMLAnchorElement>(null);
  const names = new Map((members.data ?? []).map((m) => [m.id, m.name]));

  useEffect(() => {
    if (selectedId) selectedRef.current?.scrollIntoView({ block: 'nearest' });
  }, [selectedId]);

  let body: React.ReactNode;
  if (loading) body = <ListSkeleton rows={8} height={72} />;
  else if (error)
    body = (
      <Box p="md">
        <ErrorState error={error} onRetry={props.onRetry} />
      </Box>
    );
  else if (conversations.length === 0 && props.dueView)
    body = (
      <Empty icon={<IconAlarm />} title={t('sla.emptyDueSoon')} description={t('sla.emptyDueSoonHint')} size="sm" />
    );
  else if (conversations.length === 0)
    body = filtered ? (
      <Empty
        icon={<IconSearchOff />}
        title={t('inbox.emptyFiltered')}
        description={t('inbox.emptyFilteredHint')}
        size="sm"
      />
    ) : (
      <Empty icon={<IconInbox />} title={t('inbox.empty')} description={t('inbox.emptyHint')} size="sm" />
    );
  else
    body = (
      <>
        {conversations.map((conversation) => (
          <ConversationRow
            key={conversation.id}
            ref={conversation.id === selectedId ? selectedRef : undefined}
            conversation={conversation}
            selected={conversation.id === selectedId}
            to={`/inbox/${conversation.id}${search}`}
            assigneeName={conversation.assigneeId ? (names.get(conversation.assigneeId) ?? t('common.unknown')) : null}
          />
        ))}
        <LoadMore hasMore={props.hasMore} loading={props.loadingMore} onLoad={props.onLoadMore} />
      </>
    );

  return (
    <ScrollArea h="100%" type="auto">
      <Box component="section" aria-label={t('inbox.listLabel')} data-testid="inbox-list">
        {body}
      </Box>
    </ScrollArea>
  );
}
