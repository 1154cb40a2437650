import { Badge, Box, Button, Group, SegmentedControl, Skeleton, Stack, Switch, Text, Tooltip } from '@mantine/core';
import { IconChartBar, IconLifebuoy, IconSettings } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { RECOVERY_CASE_STATUSES, type RecoveryCaseStatus } from '../../../shared/contracts/recovery.ts';
import { type CaseQuery, useCases, useMoveCase } from '../../api/recovery.ts';
import { useSession } from '../../api/session.ts';
import { Empty } from '../../components/Empty.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { Page } from '../../components/Page.tsx';
import { describeError } from '../../lib/errors.ts';
import { notifyError } from '../../lib/notify.ts';
import { canManage } from '../../lib/permissions.ts';
import { STATUS_COLOR } from '../../lib/recoveryEvents.ts';
import { periodRange } from '../insights/period.ts';
import { CaseCard } from './CaseCard.tsx';
import { CloseCaseDialog } from './CloseCaseDialog.tsx';
import { type DraggedCase, droppedCase, isCaseDrag } from './dragCase.ts';

interface ColumnProps {
  status: RecoveryCaseStatus;
  query: CaseQuery;
  canWrite: boolean;
  /** A card of another column was dropped here. */
  onDropCase: (item: DraggedCase, to: RecoveryCaseStatus) => void;
}

/** One column of the board, its cases newest first, 30 at a time. */
function Column({ status, query, canWrite, onDropCase }: ColumnProps) {
  const { t } = useTranslation();
  const [over, setOver] = useState(false);
  const cases = useCases(query, { limit: 30, refetch: true });
  const items = cases.data?.pages.flatMap((page) => page.data) ?? [];
  const more = cases.hasNextPage;
  return (
    <Box
      component="section"
      aria-label={t(`recovery.status.${status}`)}
      data-testid={`recovery-column-${status}`}
      bg={over ? 'koe.0' : 'gray.0'}
      p="xs"
      data-drop-target={over || undefined}
      onDragOver={(event) => {
        if (!canWrite || !isCaseDrag(event)) return;
        event.preventDefault();
        event.dataTransfer.dropEffect = 'move';
        setOver(true);
      }}
      onDragLeave={(event) => {
        // Leaving for one of the column's own cards is not leaving the column.
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setOver(false);
      }}
      onDrop={(event) => {
        setOver(false);
        const item = droppedCase(event);
        if (!item) return;
        event.preventDefault();
        onDropCase(item, status);
      }}
      style={{
        borderRadius: 'var(--mantine-radius-md)',
        minWidth: 0,
        display: 'flex',
        flexDirection: 'column',
        outline: over ? '2px dashed var(--mantine-color-koe-4)' : '2px dashed transparent',
        outlineOffset: -2,
        transition: 'background-color 120ms, outline-color 120ms',
      }}
    >
      <Group justify="space-between" px={4} pb="xs" wrap="nowrap">
        <Group gap={6} wrap="nowrap">
          <Box w={10} h={10} bg={`${STATUS_COLOR[status]}.6`} style={{ borderRadius: 10, flexShrink: 0 }} aria-hidden />
          <Tooltip label={t(`recovery.statusHint.${status}`)}>
            <Text fw={600} size="sm">
              {t(`recovery.status.${status}`)}
            </Text>
          </Tooltip>
        </Group>
        {cases.isSuccess && (
          <Badge variant="light" color="gray" size="sm" data-testid="column-count">
            {more ? `${items.length}+` : items.length}
          </Badge>
        )}
      </Group>
      {status === 'closed' && (
        <Text size="xs" c="dimmed" px={4} mt={-6} mb="xs">
          {t('recovery.board.closedRecent')}
        </Text>
      )}
      <Stack gap="xs">
        {cases.isPending && (
          <Stack gap="xs" aria-busy="true">
            <Skeleton height={120} radius="md" />
            <Skeleton height={120} radius="md" />
          </Stack>
        )}
        {cases.isError && <ErrorState error={cases.error} onRetry={() => void cases.refetch()} />}
        {cases.isSuccess && items.length === 0 && (
          <Text size="xs" c="dimmed" ta="center" py="md">
            {t('recovery.board.columnEmpty')}
          </Text>
        )}
        {items.map((item) => (
          <CaseCard key={item.id} item={item} canWrite={canWrite} />
        ))}
        {more && (
          <Button
            variant="subtle"
            size="xs"
            loading={cases.isFetchingNextPage}
            onClick={() => void cases.fetchNextPage()}
          >
            {t('recovery.board.more')}
          </Button>
        )}
      </Stack>
    </Box>
  );
}

/** Recovery: the board of cases, new → contacted → action → follow-up → closed. */
export function RecoveryBoardPage() {
  const { t } = useTranslation();
  const me = useSession();
  const [params, setParams] = useSearchParams();
  const mine = params.get('owner') === 'me';
  const overdueOnly = params.get('overdue') === '1';
  const canWrite = me.role !== 'viewer';
  const recent = useMemo(() => periodRange('30d', me.workspace.timeZone), [me.workspace.timeZone]);
  // One cheap request tells whether there is any case at all (for the explaining empty state).
  const any = useCases({}, { limit: 1 });

  const set = (key: string, value: string | null) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value) next.set(key, value);
        else next.delete(key);
        return next;
      },
      { replace: true },
    );

  const base: CaseQuery = {
    ...(mine ? { owner: 'me' } : {}),
    ...(overdueOnly ? { overdue: true, contacted: false } : {}),
  };
  const queryOf = (status: RecoveryCaseStatus): CaseQuery =>
    status === 'closed'
      ? { ...base, status: ['closed'], period: 'closed', from: recent.from, to: recent.to }
      : { ...base, status: [status] };
  const columns = RECOVERY_CASE_STATUSES.filter((status) => !(overdueOnly && status === 'closed'));
  const empty = any.isSuccess && (any.data.pages[0]?.data.length ?? 0) === 0;
  const move = useMoveCase();
  const [closing, setClosing] = useState<DraggedCase | null>(null);
  const onDropCase = (item: DraggedCase, to: RecoveryCaseStatus) => {
    if (item.status === to) return;
    // Closing asks for the outcome first, as the move menu does.
    if (to === 'closed') setClosing(item);
    else
      move.mutate(
        { id: item.id, status: to },
        { onError: (error) => notifyError(t('errors.title'), describeError(error, t)) },
      );
  };

  return (
    <Page
      title={t('recovery.title')}
      description={t('recovery.description')}
      maxWidth={1600}
      actions={
        <>
          <Button component={Link} to="/insights/recovery" variant="default" leftSection={<IconChartBar size={16} />}>
            {t('recovery.board.insights')}
          </Button>
          {canManage(me.role) && (
            <Button component={Link} to="/settings/recovery" variant="default" leftSection={<IconSettings size={16} />}>
              {t('recovery.board.settings')}
            </Button>
          )}
        </>
      }
    >
      {empty ? (
        <Empty icon={<IconLifebuoy />} title={t('recovery.board.empty')} description={t('recovery.board.emptyHint')} />
      ) : (
        <Stack gap="md" data-testid="recovery-board">
          <Group gap="md">
            <SegmentedControl
              size="xs"
              value={mine ? 'me' : 'all'}
              onChange={(value) => set('owner', value === 'me' ? 'me' : null)}
              data={[
                { value: 'all', label: t('recovery.board.all') },
                { value: 'me', label: t('recovery.board.mine') },
              ]}
            />
            <Switch
              size="sm"
              label={t('recovery.board.overdueOnly')}
              checked={overdueOnly}
              onChange={(event) => set('overdue', event.currentTarget.checked ? '1' : null)}
              data-testid="board-overdue-only"
            />
          </Group>
          <Box
            style={{
              display: 'grid',
              gridTemplateColumns: `repeat(${columns.length}, minmax(200px, 1fr))`,
              gap: 'var(--mantine-spacing-sm)',
              overflowX: 'auto',
              alignItems: 'start',
              paddingBottom: 8,
            }}
          >
            {columns.map((status) => (
              <Column
                key={status}
                status={status}
                query={queryOf(status)}
                canWrite={canWrite}
                onDropCase={onDropCase}
              />
            ))}
          </Box>
        </Stack>
      )}
      {closing && <CloseCaseDialog caseId={closing.id} number={closing.number} onClose={() => setClosing(null)} />}
    </Page>
  );
}
