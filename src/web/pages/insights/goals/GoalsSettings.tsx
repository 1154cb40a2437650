import { Badge, Button, Paper, Progress, Skeleton, Stack, Table, Text } from '@mantine/core';
import { IconPlus, IconTarget } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Goal, GoalProgress } from '../../../../shared/contracts/metrics.ts';
import { useDeleteGoal, useGoalProgress, useGoals, useReferences } from '../../../api/metrics.ts';
import { useSession } from '../../../api/session.ts';
import { useTeams } from '../../../api/workspace.ts';
import { isChannel } from '../../../components/ChannelIcon.tsx';
import { ConfirmDeleteDialog } from '../../../components/ConfirmDeleteDialog.tsx';
import { EditDeleteActions } from '../../../components/EditDeleteActions.tsx';
import { Empty } from '../../../components/Empty.tsx';
import { ErrorState } from '../../../components/ErrorState.tsx';
import { Page } from '../../../components/Page.tsx';
import { formatDate } from '../../../lib/format.ts';
import { canManage } from '../../../lib/permissions.ts';
import { useLocale } from '../../../lib/useLocale.ts';
import { formatFigure, METRIC_META, STATUS_COLOR } from '../figures.ts';
import { GoalDialog } from './GoalDialog.tsx';
import { ReferencesCard } from './ReferencesCard.tsx';

/** The share of the way to the target, 0–100, whichever direction is better. */
function progressShare(item: GoalProgress): number {
  const { current, goal } = item;
  if (current === null) return 0;
  if (METRIC_META[goal.metric].lowerIsBetter) return current <= 0 ? 100 : Math.min(100, (goal.target / current) * 100);
  if (goal.target <= 0) return current >= goal.target ? 100 : 0;
  return Math.max(0, Math.min(100, (current / goal.target) * 100));
}

function GoalsTable({ goals, progress, editable }: { goals: Goal[]; progress: GoalProgress[]; editable: boolean }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const teams = useTeams();
  const remove = useDeleteGoal();
  const [editing, setEditing] = useState<Goal | null | 'new'>(null);
  const [deleting, setDeleting] = useState<Goal | null>(null);
  const scopeText = (goal: Goal) => {
    if (goal.scope === 'workspace') return t('insights.goals.scopes.workspace');
    if (goal.scope === 'team') return teams.data?.find((team) => team.id === goal.scopeValue)?.name ?? goal.scopeValue;
    return isChannel(goal.scopeValue) ? t(`channel.${goal.scopeValue}`) : goal.scopeValue;
  };

  return (
    <Paper withBorder radius="md" p="md" data-testid="goals">
      <Stack gap="sm">
        <div>
          <Text fw={600}>{t('insights.goals.title')}</Text>
          <Text size="sm" c="dimmed">
            {t('insights.goals.hint')}
          </Text>
        </div>
        {goals.length === 0 ? (
          <Empty
            icon={<IconTarget />}
            title={t('insights.goals.emptyTitle')}
            description={t('insights.goals.emptyText')}
            size="sm"
          />
        ) : (
          <Table.ScrollContainer minWidth={820}>
            <Table verticalSpacing="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('insights.goals.metric')}</Table.Th>
                  <Table.Th>{t('insights.goals.scope')}</Table.Th>
                  <Table.Th>{t('insights.goals.period')}</Table.Th>
                  <Table.Th>{t('insights.goals.target')}</Table.Th>
                  <Table.Th w={260}>{t('insights.goals.progress')}</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {goals.map((goal) => {
                  // A goal that has not started (or the progress not loaded yet) has no figures.
                  const item: GoalProgress = progress.find((p) => p.goal.id === goal.id) ?? {
                    goal,
                    current: null,
                    n: 0,
                    elapsed: 0,
                    projection: null,
                    status: 'no_data',
                  };
                  const unit = METRIC_META[goal.metric].unit;
                  const color = STATUS_COLOR[item.status];
                  const name = t(`insights.metrics.${goal.metric}`);
                  return (
                    <Table.Tr key={goal.id} data-testid="goal-row">
                      <Table.Td>
                        <Text size="sm" fw={500} miw={140}>
                          {name}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                          {scopeText(goal)}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                          {formatDate(`${goal.startsOn}T00:00:00`, locale)} –{' '}
                          {formatDate(`${goal.endsOn}T00:00:00`, locale)}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm" fw={600} style={{ whiteSpace: 'nowrap' }}>
                          {METRIC_META[goal.metric].lowerIsBetter ? '≤ ' : '≥ '}
                          {formatFigure(goal.target, unit, locale)}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Stack gap={4}>
                          <Text size="xs">
                            {t('insights.goals.current', {
                              value: item.current === null ? '—' : formatFigure(item.current, unit, locale),
                              n: item.n,
                            })}
                            {item.projection !== null &&
                              ` · ${t('insights.goals.projection', { value: formatFigure(item.projection, unit, locale) })}`}
                          </Text>
                          <Progress value={progressShare(item)} color={color} size="sm" aria-label={name} />
                          <Badge size="xs" variant="light" color={color} radius="sm" data-testid="goal-status">
                            {t(`insights.goal.status.${item.status}`)}
                          </Badge>
                        </Stack>
                      </Table.Td>
                      <Table.Td>
                        {editable && (
                          <EditDeleteActions
                            name={name}
                            onEdit={() => setEditing(goal)}
                            onDelete={() => setDeleting(goal)}
                            justify="flex-end"
                          />
                        )}
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        {editable && (
          <Button
            leftSection={<IconPlus size={16} />}
            variant="light"
            onClick={() => setEditing('new')}
            style={{ alignSelf: 'flex-start' }}
            data-testid="goal-new"
          >
            {t('insights.goals.new')}
          </Button>
        )}
      </Stack>
      {editing !== null && <GoalDialog goal={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
      <ConfirmDeleteDialog
        item={deleting ? { id: deleting.id, name: t(`insights.metrics.${deleting.metric}`) } : null}
        remove={remove}
        message={(name) => t('insights.goals.deleteConfirm', { name })}
        deletedMessage={t('insights.goals.deleted')}
        onClose={() => setDeleting(null)}
      />
    </Paper>
  );
}

/** Settings → Goals & benchmarks. */
export function GoalsSettings() {
  const { t } = useTranslation();
  const me = useSession();
  const editable = canManage(me.role);
  const references = useReferences();
  const progress = useGoalProgress(true);
  const goals = useGoals();
  return (
    <Page title={t('insights.goals.pageTitle')} description={t('insights.goals.pageDescription')} maxWidth={1100}>
      <Stack gap="md">
        {goals.isPending ? (
          <Skeleton height={200} aria-busy="true" />
        ) : goals.isError ? (
          <ErrorState error={goals.error} onRetry={() => void goals.refetch()} />
        ) : (
          <GoalsTable
            goals={[...goals.data].sort((a, b) => b.startsOn.localeCompare(a.startsOn))}
            progress={progress.data ?? []}
            editable={editable}
          />
        )}
        {references.isPending ? (
          <Skeleton height={240} aria-busy="true" />
        ) : references.isError ? (
          <ErrorState error={references.error} onRetry={() => void references.refetch()} />
        ) : (
          <ReferencesCard data={references.data} editable={editable} />
        )}
      </Stack>
    </Page>
  );
}
