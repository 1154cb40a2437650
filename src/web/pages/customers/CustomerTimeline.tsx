import { Stack } from '@mantine/core';
import { IconTimeline } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { TimelineKind } from '../../../shared/contracts/customers.ts';
import { useTimeline } from '../../api/customers.ts';
import { Empty } from '../../components/Empty.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { ListSkeleton } from '../../components/ListSkeleton.tsx';
import { LoadMore } from '../../components/LoadMore.tsx';
import { TimelineEntry } from '../../components/TimelineEntry.tsx';

interface CustomerTimelineProps {
  contactId: string;
  kinds?: TimelineKind[];
  currentConversationId?: string;
  compact?: boolean;
}

/** The customer's history, newest first, a page at a time. */
export function CustomerTimeline({
  contactId,
  kinds = [],
  currentConversationId,
  compact = false,
}: CustomerTimelineProps) {
  const { t } = useTranslation();
  const timeline = useTimeline(contactId, kinds, compact ? 15 : 30);
  const items = timeline.data?.pages.flatMap((page) => page.data) ?? [];

  if (timeline.isPending) return <ListSkeleton rows={compact ? 3 : 5} />;
  if (timeline.isError) return <ErrorState error={timeline.error} onRetry={() => void timeline.refetch()} />;

  return (
    <Stack gap="xs" data-testid="customer-timeline">
      {items.length === 0 ? (
        <Empty icon={<IconTimeline />} title={t('timeline.empty')} description={t('timeline.emptyHint')} size="sm" />
      ) : (
        items.map((item) => (
          <TimelineEntry
            key={`${item.kind}:${item.id}`}
            item={item}
            currentConversationId={currentConversationId}
            compact={compact}
          />
        ))
      )}
      <LoadMore
        hasMore={timeline.hasNextPage}
        loading={timeline.isFetchingNextPage}
        onLoad={() => void timeline.fetchNextPage()}
      />
    </Stack>
  );
}
