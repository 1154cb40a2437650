import { Anchor, Badge, Drawer, Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type CaseQuery, useCases, useEscalatedConversations } from '../../../api/recovery.ts';
import { ChannelIcon } from '../../../components/ChannelIcon.tsx';
import { ErrorState } from '../../../components/ErrorState.tsx';
import { ListSkeleton } from '../../../components/ListSkeleton.tsx';
import { LoadMore } from '../../../components/LoadMore.tsx';
import { RelativeTime } from '../../../components/RelativeTime.tsx';
import { DueLine, OutcomeBadge, TriggerBadge } from '../../recovery/look.tsx';

export type Drill =
  | { kind: 'cases'; title: string; query: CaseQuery }
  | {
      kind: 'conversations';
      title: string;
      query: { from: string; to: string; by?: 'team' | 'channel'; key?: string };
    };

function CaseList({ query }: { query: CaseQuery }) {
  const { t } = useTranslation();
  const cases = useCases(query);
  const items = cases.data?.pages.flatMap((page) => page.data) ?? [];
  if (cases.isPending) return <ListSkeleton rows={4} />;
  if (cases.isError) return <ErrorState error={cases.error} onRetry={() => void cases.refetch()} />;
  return (
    <Stack gap="xs" data-testid="drill-cases">
      {items.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('recovery.insights.drillEmpty')}
        </Text>
      )}
      {items.map((item) => (
        <Paper key={item.id} withBorder p="sm" radius="md">
          <Group justify="space-between" wrap="nowrap" gap="xs">
            <Anchor component={Link} to={`/recovery/cases/${item.id}`} fw={600} size="sm">
              #{item.number} {item.contact?.name || item.contact?.email || t('customers.noName')}
            </Anchor>
            <Badge variant="light" color="gray" size="sm" tt="none">
              {t(`recovery.status.${item.status}`)}
            </Badge>
          </Group>
          <Group gap={6} mt={4}>
            <TriggerBadge trigger={item.trigger} size="xs" />
            {item.outcome && <OutcomeBadge outcome={item.outcome} />}
            <Text size="xs" c="dimmed">
              {item.owner?.name ?? t('recovery.card.noOwner')}
            </Text>
          </Group>
          <DueLine item={item} />
        </Paper>
      ))}
      <LoadMore
        hasMore={cases.hasNextPage}
        loading={cases.isFetchingNextPage}
        onLoad={() => void cases.fetchNextPage()}
      />
    </Stack>
  );
}

function ConversationList({ query }: { query: Extract<Drill, { kind: 'conversations' }>['query'] }) {
  const { t } = useTranslation();
  const list = useEscalatedConversations(query, true);
  const items = list.data?.pages.flatMap((page) => page.data) ?? [];
  if (list.isPending) return <ListSkeleton rows={4} />;
  if (list.isError) return <ErrorState error={list.error} onRetry={() => void list.refetch()} />;
  return (
    <Stack gap="xs" data-testid="drill-conversations">
      {items.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('recovery.insights.drillEmpty')}
        </Text>
      )}
      {items.map((conversation) => (
        <Paper key={conversation.id} withBorder p="sm" radius="md">
          <Group justify="space-between" wrap="nowrap" gap="xs">
            <Group gap={6} wrap="nowrap" style={{ minWidth: 0 }}>
              <ChannelIcon channel={conversation.channel} size={14} />
              <Anchor component={Link} to={`/inbox/${conversation.id}`} size="sm" fw={600} truncate>
                {conversation.subject || t('inbox.noSubject')}
              </Anchor>
            </Group>
            <RelativeTime iso={conversation.createdAt} />
          </Group>
          <Text size="xs" c="dimmed">
            {conversation.contact?.name ?? ''} · {t(`escalation.tiers.${conversation.escalationTier}`)}
          </Text>
        </Paper>
      ))}
      <LoadMore hasMore={list.hasNextPage} loading={list.isFetchingNextPage} onLoad={() => void list.fetchNextPage()} />
    </Stack>
  );
}

/** The cases or conversations behind a recovery figure. */
export function DrillDrawer({ drill, onClose }: { drill: Drill | null; onClose: () => void }) {
  return (
    <Drawer opened={drill !== null} onClose={onClose} position="right" size={460} title={drill?.title}>
      {drill?.kind === 'cases' && <CaseList query={drill.query} />}
      {drill?.kind === 'conversations' && <ConversationList query={drill.query} />}
    </Drawer>
  );
}
