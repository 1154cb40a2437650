import { ActionIcon, Badge, Group, Paper, Stack, Switch, Text, Tooltip } from '@mantine/core';
import {
  IconArrowDown,
  IconArrowUp,
  IconCircleCheck,
  IconCircleX,
  IconClockHour4,
  IconListCheck,
} from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { AutomationRule } from '../../../../shared/contracts/automation.ts';
import { EditDeleteActions } from '../../../components/EditDeleteActions.tsx';
import { RelativeTime } from '../../../components/RelativeTime.tsx';
import { useLocale } from '../../../lib/useLocale.ts';
import { conditionSummary, triggerLabel } from './labels.ts';

interface RuleCardProps {
  rule: AutomationRule;
  index: number;
  count: number;
  editable: boolean;
  busy: boolean;
  valueName(field: string, value: string): string;
  onToggle(enabled: boolean): void;
  onMove(step: -1 | 1): void;
  onEdit(): void;
  onDelete(): void;
}

/** One rule in the list: its place in the order, when / if / then in a line each, on/off, last run. */
export function RuleCard({
  rule,
  index,
  count,
  editable,
  busy,
  valueName,
  onToggle,
  onMove,
  onEdit,
  onDelete,
}: RuleCardProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const last = rule.lastRun;
  const line = (label: string, text: string) => (
    <Group gap={8} wrap="nowrap" align="baseline">
      <Text size="xs" c="dimmed" fw={700} w={44} style={{ flexShrink: 0 }}>
        {label}
      </Text>
      <Text size="sm" style={{ minWidth: 0 }}>
        {text}
      </Text>
    </Group>
  );
  return (
    <Paper withBorder p="md" radius="md" data-testid="rule-card" opacity={rule.enabled ? 1 : 0.75}>
      <Group justify="space-between" wrap="nowrap" align="flex-start" gap="md">
        <Group gap="sm" wrap="nowrap" align="flex-start" style={{ minWidth: 0 }}>
          <Badge variant="light" color="gray" circle size="lg" aria-label={`#${index + 1}`} style={{ flexShrink: 0 }}>
            {index + 1}
          </Badge>
          <Stack gap={6} style={{ minWidth: 0 }}>
            <Group gap="xs">
              <Text
                fw={600}
                component={Link}
                to={`/settings/automation/rules/${rule.id}`}
                style={{ color: 'inherit' }}
                data-testid="rule-name"
              >
                {rule.name}
              </Text>
              {!rule.enabled && (
                <Badge variant="light" color="gray" size="sm" tt="none">
                  {t('automation.paused')}
                </Badge>
              )}
            </Group>
            {line(t('automation.summary.when'), triggerLabel(rule.trigger, t, locale))}
            {line(t('automation.summary.if'), conditionSummary(rule, t, valueName))}
            {line(
              t('automation.summary.thenLabel'),
              rule.actions.map((action) => t(`automation.actions.${action.type}`)).join(locale === 'ja' ? '、' : ', '),
            )}
          </Stack>
        </Group>
        <Stack gap="xs" align="flex-end" style={{ flexShrink: 0 }}>
          <Group gap={4} wrap="nowrap">
            {editable && (
              <>
                <Tooltip label={t('automation.moveUp')}>
                  <ActionIcon
                    variant="subtle"
                    color="gray"
                    aria-label={`${t('automation.moveUp')}: ${rule.name}`}
                    disabled={index === 0 || busy}
                    onClick={() => onMove(-1)}
                  >
                    <IconArrowUp size={16} />
                  </ActionIcon>
                </Tooltip>
                <Tooltip label={t('automation.moveDown')}>
                  <ActionIcon
                    variant="subtle"
                    color="gray"
                    aria-label={`${t('automation.moveDown')}: ${rule.name}`}
                    disabled={index === count - 1 || busy}
                    onClick={() => onMove(1)}
                  >
                    <IconArrowDown size={16} />
                  </ActionIcon>
                </Tooltip>
                <EditDeleteActions name={rule.name} onEdit={onEdit} onDelete={onDelete} />
              </>
            )}
            <Switch
              ml="xs"
              checked={rule.enabled}
              disabled={!editable || busy}
              onChange={(event) => onToggle(event.currentTarget.checked)}
              aria-label={t('automation.enable', { name: rule.name })}
              data-testid="rule-enabled"
            />
          </Group>
          <Group gap={6} wrap="nowrap">
            {last ? (
              <>
                {last.status === 'succeeded' ? (
                  <IconCircleCheck size={14} color="var(--mantine-color-teal-7)" aria-hidden />
                ) : (
                  <IconCircleX size={14} color="var(--mantine-color-red-7)" aria-hidden />
                )}
                <Text size="xs" c="dimmed">
                  {t(`automation.runs.status.${last.status}`)}
                </Text>
                <RelativeTime iso={last.at} />
              </>
            ) : (
              <>
                <IconClockHour4 size={14} color="var(--mantine-color-dimmed)" aria-hidden />
                <Text size="xs" c="dimmed">
                  {t('automation.neverRun')}
                </Text>
              </>
            )}
            <Tooltip label={t('automation.openLog')}>
              <ActionIcon
                variant="subtle"
                size="sm"
                color="gray"
                component={Link}
                to={`/settings/automation/log?rule=${rule.id}`}
                aria-label={`${t('automation.openLog')}: ${rule.name}`}
              >
                <IconListCheck size={14} />
              </ActionIcon>
            </Tooltip>
          </Group>
        </Stack>
      </Group>
    </Paper>
  );
}
