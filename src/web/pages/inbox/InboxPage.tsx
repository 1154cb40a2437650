import { Box, Group, Title } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation, useNavigate, useParams } from 'react-router';
import { useConversationList } from '../../api/conversations.ts';
import { useTitle } from '../../lib/useTitle.ts';
import { ConversationList } from './ConversationList.tsx';
import { FilterBar } from './FilterBar.tsx';
import { InboxSearch } from './InboxSearch.tsx';
import { useInboxFilters } from './useInboxFilters.ts';

export function InboxPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { search } = useLocation();
  const { conversationId } = useParams();
  const { filters, setFilters, isFiltered, clear } = useInboxFilters();
  useTitle(t('inbox.title'));
  const list = useConversationList(filters);
  const conversations = list.data?.pages.flatMap((page) => page.data) ?? [];

  const move = (step: 1 | -1) => {
    if (conversations.length === 0) return;
    const index = conversations.findIndex((c) => c.id === conversationId);
    const nextIndex = index === -1 ? 0 : Math.min(Math.max(index + step, 0), conversations.length - 1);
    const next = conversations[nextIndex];
    if (next && next.id !== conversationId) navigate(`/inbox/${next.id}${search}`);
    if (step === 1 && nextIndex >= conversations.length - 3 && list.hasNextPage && !list.isFetchingNextPage) {
      void list.fetchNextPage();
    }
  };

  useHotkeys([
    ['j', () => move(1)],
    ['k', () => move(-1)],
  ]);

  return (
    <Box style={{ display: 'flex', flexDirection: 'column', height: '100%', minHeight: 0 }}>
      <Box px="md" py="sm" style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}>
        <Group align="center" wrap="nowrap" gap="lg">
          <Title order={1} size="h3" style={{ whiteSpace: 'nowrap' }}>
            {t('inbox.title')}
          </Title>
          <Box style={{ flex: 1, minWidth: 0 }}>
            <FilterBar filters={filters} onChange={setFilters} isFiltered={isFiltered} onClear={clear} />
          </Box>
        </Group>
      </Box>
      <Box
        style={{ display: 'grid', gridTemplateColumns: 'minmax(280px, 360px) minmax(0, 1fr)', flex: 1, minHeight: 0 }}
      >
        <Box
          style={{
            borderRight: '1px solid var(--mantine-color-gray-3)',
            minHeight: 0,
            display: 'flex',
            flexDirection: 'column',
          }}
        >
          <Box p="xs" style={{ borderBottom: '1px solid var(--mantine-color-gray-2)' }}>
            <InboxSearch value={filters.q} onSearch={(q) => setFilters({ q })} />
          </Box>
          <Box style={{ flex: 1, minHeight: 0 }}>
            <ConversationList
              conversations={conversations}
              selectedId={conversationId}
              loading={list.isPending}
              error={list.error}
              onRetry={() => void list.refetch()}
              filtered={isFiltered}
              hasMore={list.hasNextPage}
              loadingMore={list.isFetchingNextPage}
              onLoadMore={() => void list.fetchNextPage()}
              dueView={filters.due}
            />
          </Box>
        </Box>
        <Box style={{ minHeight: 0, minWidth: 0 }}>
          <Outlet />
        </Box>
      </Box>
    </Box>
  );
}
