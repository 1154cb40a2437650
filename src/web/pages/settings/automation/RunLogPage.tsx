import { Anchor, Badge, Chip, Group, Paper, Select, Stack, Table, Text, Tooltip } from '@mantine/core';
import { IconCheck, IconListSearch, IconX } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import {
  AUTOMATION_RUN_STATUSES,
  type AutomationRun,
  type AutomationRunStatus,
  TIME_TRIGGER_EVENT,
} from '../../../../shared/contracts/automation.ts';
import { useAutomationRules, useAutomationRuns } from '../../../api/automation.ts';
import { Empty } from '../../../components/Empty.tsx';
import { ErrorState } from '../../../components/ErrorState.tsx';
import { ListSkeleton } from '../../../components/ListSkeleton.tsx';
import { LoadMore } from '../../../components/LoadMore.tsx';
import { Page } from '../../../components/Page.tsx';
import { RelativeTime } from '../../../components/RelativeTime.tsx';
import { eventLabel } from '../webhooks/eventTypes.ts';
import { AutomationTabs } from './AutomationTabs.tsx';
import { resultText, STATUS_LOOK } from './labels.ts';
import { useChoices } from './useChoices.ts';

const isStatus = (value: string | null): value is AutomationRunStatus =>
  (AUTOMATION_RUN_STATUSES as readonly (string | null)[]).includes(value);

function ActionResults({ run, memberName }: { run: AutomationRun; memberName: (id: string) => string | undefined }) {
  const { t } = useTranslation();
  if (run.actions.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {run.status === 'no_match' || run.status === 'loop_guard'
          ? t(`automation.runs.statusHint.${run.status}`)
          : t('automation.runs.none')}
      </Text>
    );
  return (
    <Stack gap={4}>
      {run.actions.map((result, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: a run's actions never move
        <Group key={index} gap={6} wrap="nowrap" align="flex-start" data-testid="run-action" data-ok={result.ok}>
          {result.ok ? (
            <IconCheck size={16} color="var(--mantine-color-teal-7)" aria-label="✓" style={{ flexShrink: 0 }} />
          ) : (
            <IconX size={16} color="var(--mantine-color-red-7)" aria-label="✗" style={{ flexShrink: 0 }} />
          )}
          <Text size="sm" style={{ minWidth: 0 }}>
            <Text span fw={500} size="sm">
              {t(`automation.actions.${result.type}`)}
            </Text>
            {(() => {
              const text = resultText(result, t, memberName);
              return text ? (
                <Text span size="sm" c={result.ok ? 'dimmed' : 'red.8'}>
                  {` — ${text}`}
                </Text>
              ) : null;
            })()}
          </Text>
        </Group>
      ))}
    </Stack>
  );
}

/** Settings → Automation → Run log: every run, newest first, with each action's result. */
export function RunLogPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const ruleId = params.get('rule');
  const statusParam = params.get('status');
  const status = isStatus(statusParam) ? statusParam : null;
  const rules = useAutomationRules();
  const runs = useAutomationRuns(ruleId, status);
  const choices = useChoices();
  const list = runs.data?.pages.flatMap((page) => page.data) ?? [];
  const setParam = (key: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };

  let body: ReactNode;
  if (runs.isPending) body = <ListSkeleton rows={6} height={44} />;
  else if (runs.isError) body = <ErrorState error={runs.error} onRetry={() => void runs.refetch()} />;
  else if (list.length === 0)
    body = (
      <Empty
        icon={<IconListSearch />}
        title={t('automation.runs.empty')}
        description={t('automation.runs.emptyHint')}
      />
    );
  else
    body = (
      <Paper withBorder radius="md">
        <Table.ScrollContainer minWidth={960}>
          <Table verticalSpacing="sm" horizontalSpacing="md" data-testid="run-log">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={110} style={{ whiteSpace: 'nowrap' }}>
                  {t('automation.runs.time')}
                </Table.Th>
                <Table.Th w={160}>{t('automation.runs.rule')}</Table.Th>
                <Table.Th w={150}>{t('automation.runs.event')}</Table.Th>
                <Table.Th>{t('automation.runs.actions')}</Table.Th>
                <Table.Th w={150}>{t('automation.runs.result')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.map((run) => (
                <Table.Tr key={run.id} data-testid="run-row">
                  <Table.Td style={{ verticalAlign: 'top' }}>
                    <RelativeTime iso={run.createdAt} size="sm" />
                  </Table.Td>
                  <Table.Td style={{ verticalAlign: 'top' }}>
                    {run.ruleName ? (
                      <Anchor component={Link} to={`/settings/automation/rules/${run.ruleId}`} size="sm" fw={500}>
                        {run.ruleName}
                      </Anchor>
                    ) : (
                      <Text size="sm" c="dimmed" fs="italic">
                        {t('automation.deletedRule')}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td style={{ verticalAlign: 'top' }}>
                    <Text size="sm">
                      {run.eventType === TIME_TRIGGER_EVENT
                        ? t('automation.runs.timeEvent')
                        : eventLabel(run.eventType, t)}
                    </Text>
                    {run.conversationId && (
                      <Anchor component={Link} to={`/inbox/${run.conversationId}`} size="xs">
                        {t('automation.runs.openConversation')}
                      </Anchor>
                    )}
                  </Table.Td>
                  <Table.Td style={{ verticalAlign: 'top' }}>
                    <ActionResults run={run} memberName={choices.memberName} />
                    {run.error && (
                      <Text size="xs" c="red.8" mt={4}>
                        {run.error}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td style={{ verticalAlign: 'top', whiteSpace: 'nowrap' }}>
                    <Tooltip label={t(`automation.runs.statusHint.${run.status}`)} multiline w={260}>
                      <Badge
                        color={STATUS_LOOK[run.status].color}
                        variant="light"
                        tt="none"
                        leftSection={
                          run.status === 'succeeded' ? (
                            <IconCheck size={12} />
                          ) : run.status === 'failed' ? (
                            <IconX size={12} />
                          ) : null
                        }
                        data-testid="run-status"
                      >
                        {t(`automation.runs.status.${run.status}`)}
                      </Badge>
                    </Tooltip>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        <LoadMore
          hasMore={runs.hasNextPage}
          loading={runs.isFetchingNextPage}
          onLoad={() => void runs.fetchNextPage()}
        />
      </Paper>
    );

  return (
    <Page
      title={t('automation.title')}
      description={t('automation.description')}
      tabs={<AutomationTabs active="log" />}
      maxWidth={1100}
    >
      <Stack gap="md">
        <Group gap="md" align="center" wrap="wrap">
          <Select
            aria-label={t('automation.runs.rule')}
            placeholder={t('automation.runs.allRules')}
            data={(rules.data ?? []).map((rule) => ({ value: rule.id, label: rule.name }))}
            value={ruleId}
            onChange={(value) => setParam('rule', value)}
            clearable
            searchable
            w={280}
            data-testid="run-rule-filter"
          />
          <Chip.Group
            value={status ?? 'all'}
            onChange={(value) => setParam('status', value === 'all' ? null : String(value))}
          >
            <Group gap={6} role="group" aria-label={t('automation.runs.result')}>
              <Chip value="all" size="xs" variant="outline">
                {t('automation.runs.allStatuses')}
              </Chip>
              {AUTOMATION_RUN_STATUSES.map((s) => (
                <Chip key={s} value={s} size="xs" variant="outline" color={STATUS_LOOK[s].color}>
                  {t(`automation.runs.status.${s}`)}
                </Chip>
              ))}
            </Group>
          </Chip.Group>
        </Group>
        {body}
      </Stack>
    </Page>
  );
}
