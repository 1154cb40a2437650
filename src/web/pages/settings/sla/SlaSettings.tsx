import { ActionIcon, Badge, Button, Group, Paper, Stack, Switch, Text, Tooltip } from '@mantine/core';
import {
  IconArrowDown,
  IconArrowUp,
  IconBell,
  IconCalendarTime,
  IconClockHour4,
  IconFilter,
  IconPlus,
} from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SlaPolicy } from '../../../../shared/contracts/sla.ts';
import { useCalendars } from '../../../api/calendars.ts';
import { useSession } from '../../../api/session.ts';
import { useDeleteSlaPolicy, useReorderSlaPolicies, useSlaPolicies, useToggleSlaPolicy } from '../../../api/sla.ts';
import { ConfirmDeleteDialog } from '../../../components/ConfirmDeleteDialog.tsx';
import { EditDeleteActions } from '../../../components/EditDeleteActions.tsx';
import { Empty } from '../../../components/Empty.tsx';
import { ErrorState } from '../../../components/ErrorState.tsx';
import { ListSkeleton } from '../../../components/ListSkeleton.tsx';
import { Page } from '../../../components/Page.tsx';
import { describeError } from '../../../lib/errors.ts';
import { formatMinutes } from '../../../lib/format.ts';
import { notifyError } from '../../../lib/notify.ts';
import { canManage } from '../../../lib/permissions.ts';
import { useLocale } from '../../../lib/useLocale.ts';
import { SlaPolicyDialog } from './SlaPolicyDialog.tsx';

/** "優先度: 緊急・高 / タグ: vip" — what a policy tests, in words. */
function useConditionsText(): (policy: SlaPolicy) => string {
  const { t } = useTranslation();
  const locale = useLocale();
  const join = (values: string[]) => values.join(locale === 'ja' ? '・' : ', ');
  return (policy) => {
    if (policy.isDefault) return t('sla.settings.otherwise');
    const c = policy.conditions;
    const parts: string[] = [];
    if (c.priority?.length)
      parts.push(`${t('sla.settings.priority')}: ${join(c.priority.map((p) => t(`priority.${p}`)))}`);
    if (c.channel?.length)
      parts.push(`${t('sla.settings.channel')}: ${join(c.channel.map((ch) => t(`channel.${ch}`)))}`);
    if (c.companyPlan?.length) parts.push(`${t('sla.settings.companyPlan')}: ${join(c.companyPlan)}`);
    if (c.companyTier?.length) parts.push(`${t('sla.settings.companyTier')}: ${join(c.companyTier)}`);
    if (c.tags?.length) parts.push(`${t('sla.settings.tags')}: ${join(c.tags)}`);
    return parts.length ? parts.join(' / ') : t('sla.settings.allConversations');
  };
}

function Targets({ policy }: { policy: SlaPolicy }) {
  const { t } = useTranslation();
  const locale = useLocale();
  // Business hours are not days: 24 business hours is three working days, so they stay in hours.
  const value = (seconds: number | null) => {
    if (seconds === null) return t('sla.settings.noTarget');
    const minutes = Math.round(seconds / 60);
    if (!policy.calendarId || minutes < 60) return formatMinutes(minutes, locale);
    const hours = Math.floor(minutes / 60);
    return minutes % 60 === 0
      ? t('sla.settings.businessHoursOnly', { hours })
      : t('sla.settings.businessHoursMinutes', { hours, minutes: minutes % 60 });
  };
  const items = [
    ['first_response', policy.firstResponseSeconds],
    ['next_response', policy.nextResponseSeconds],
    ['resolution', policy.resolutionSeconds],
  ] as const;
  return (
    <Group gap="lg" wrap="wrap">
      {items.map(([kind, seconds]) => (
        <div key={kind}>
          <Text size="xs" c="dimmed">
            {t(`sla.kinds.${kind}`)}
          </Text>
          <Text size="sm" fw={seconds === null ? 400 : 600} c={seconds === null ? 'dimmed' : undefined}>
            {value(seconds)}
          </Text>
        </div>
      ))}
    </Group>
  );
}

/** Settings → SLA: the policies in the order they are tried, the default last. */
export function SlaSettings() {
  const { t } = useTranslation();
  const me = useSession();
  const policies = useSlaPolicies();
  const calendars = useCalendars();
  const remove = useDeleteSlaPolicy();
  const reorder = useReorderSlaPolicies();
  const toggle = useToggleSlaPolicy();
  const conditionsText = useConditionsText();
  const [editing, setEditing] = useState<SlaPolicy | 'new' | null>(null);
  const [deleting, setDeleting] = useState<SlaPolicy | null>(null);
  const editable = canManage(me.role);
  const list = policies.data ?? [];
  const ordered = list.filter((p) => !p.isDefault);
  const calendarName = (id: string | null) => calendars.data?.find((c) => c.id === id)?.name ?? t('common.unknown');

  const move = (policy: SlaPolicy, step: -1 | 1) => {
    const ids = ordered.map((p) => p.id);
    const from = ids.indexOf(policy.id);
    const to = from + step;
    if (from < 0 || to < 0 || to >= ids.length) return;
    [ids[from], ids[to]] = [ids[to] as string, ids[from] as string];
    const defaults = list.filter((p) => p.isDefault).map((p) => p.id);
    reorder.mutate([...ids, ...defaults], {
      onError: (error) => notifyError(t('errors.title'), describeError(error, t)),
    });
  };

  const createButton = editable && (
    <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')} data-testid="sla-policy-create">
      {t('sla.settings.create')}
    </Button>
  );

  let body: React.ReactNode;
  if (policies.isPending) body = <ListSkeleton rows={3} height={120} />;
  else if (policies.isError) body = <ErrorState error={policies.error} onRetry={() => void policies.refetch()} />;
  else if (list.length === 0)
    body = (
      <Empty
        icon={<IconClockHour4 />}
        title={t('sla.settings.empty')}
        description={t('sla.settings.emptyHint')}
        action={createButton}
      />
    );
  else
    body = (
      <Stack gap="sm">
        <Text size="xs" c="dimmed">
          {t('sla.settings.orderHint')}
        </Text>
        {list.map((policy) => {
          const index = ordered.indexOf(policy);
          return (
            <Paper
              key={policy.id}
              withBorder
              p="md"
              radius="md"
              data-testid="sla-policy-card"
              style={{ opacity: policy.enabled ? 1 : 0.65 }}
            >
              <Group justify="space-between" wrap="nowrap" align="flex-start">
                <Group gap="sm" wrap="nowrap" align="flex-start" style={{ minWidth: 0 }}>
                  <Badge variant="default" radius="xl" size="lg" w={34} px={0} style={{ flexShrink: 0 }}>
                    {policy.isDefault ? '—' : index + 1}
                  </Badge>
                  <Stack gap={6} style={{ minWidth: 0 }}>
                    <Group gap="xs">
                      <Text fw={600}>{policy.name}</Text>
                      {policy.isDefault && (
                        <Badge variant="light" size="sm">
                          {t('sla.settings.defaultBadge')}
                        </Badge>
                      )}
                      {!policy.enabled && (
                        <Badge variant="outline" color="gray" size="sm">
                          {t('sla.settings.disabledBadge')}
                        </Badge>
                      )}
                    </Group>
                    {policy.description && (
                      <Text size="sm" c="dimmed">
                        {policy.description}
                      </Text>
                    )}
                    <Group gap={6} wrap="nowrap">
                      <IconFilter size={16} color="var(--mantine-color-dimmed)" style={{ flexShrink: 0 }} />
                      <Text size="sm" data-testid="sla-policy-conditions">
                        {conditionsText(policy)}
                      </Text>
                    </Group>
                    <Targets policy={policy} />
                    <Group gap="md" wrap="wrap">
                      <Group gap={6} wrap="nowrap">
                        <IconCalendarTime size={16} color="var(--mantine-color-dimmed)" />
                        <Text size="xs" c="dimmed">
                          {policy.calendarId
                            ? t('sla.settings.businessHours', { calendar: calendarName(policy.calendarId) })
                            : t('sla.settings.calendarTime')}
                        </Text>
                      </Group>
                      <Group gap={6} wrap="nowrap">
                        <IconBell size={16} color="var(--mantine-color-dimmed)" />
                        <Text size="xs" c="dimmed">
                          {t('sla.settings.warnSummary', { percent: policy.warnAtPercent })}
                        </Text>
                      </Group>
                    </Group>
                  </Stack>
                </Group>
                {editable && (
                  <Stack gap="xs" align="flex-end" style={{ flexShrink: 0 }}>
                    <Group gap={4} wrap="nowrap">
                      {!policy.isDefault && (
                        <>
                          <Tooltip label={t('sla.settings.moveUp')}>
                            <ActionIcon
                              variant="subtle"
                              color="gray"
                              aria-label={`${t('sla.settings.moveUp')}: ${policy.name}`}
                              disabled={index === 0 || reorder.isPending}
                              onClick={() => move(policy, -1)}
                              data-testid="sla-policy-up"
                            >
                              <IconArrowUp size={16} />
                            </ActionIcon>
                          </Tooltip>
                          <Tooltip label={t('sla.settings.moveDown')}>
                            <ActionIcon
                              variant="subtle"
                              color="gray"
                              aria-label={`${t('sla.settings.moveDown')}: ${policy.name}`}
                              disabled={index === ordered.length - 1 || reorder.isPending}
                              onClick={() => move(policy, 1)}
                              data-testid="sla-policy-down"
                            >
                              <IconArrowDown size={16} />
                            </ActionIcon>
                          </Tooltip>
                        </>
                      )}
                      <EditDeleteActions
                        name={policy.name}
                        onEdit={() => setEditing(policy)}
                        onDelete={() => setDeleting(policy)}
                      />
                    </Group>
                    <Switch
                      size="xs"
                      label={t('sla.settings.enabledToggle')}
                      checked={policy.enabled}
                      onChange={(event) =>
                        toggle.mutate(
                          { id: policy.id, enabled: event.currentTarget.checked },
                          { onError: (error) => notifyError(t('errors.title'), describeError(error, t)) },
                        )
                      }
                    />
                  </Stack>
                )}
              </Group>
            </Paper>
          );
        })}
      </Stack>
    );

  return (
    <Page
      title={t('sla.settings.title')}
      description={t('sla.settings.description')}
      actions={list.length > 0 ? createButton : null}
      maxWidth={900}
    >
      {body}
      {editing && (
        <SlaPolicyDialog
          policy={editing === 'new' ? null : editing}
          otherDefault={list.find((p) => p.isDefault && (editing === 'new' || p.id !== editing.id))?.name ?? null}
          onClose={() => setEditing(null)}
        />
      )}
      <ConfirmDeleteDialog
        item={deleting}
        remove={remove}
        message={(name) => t('sla.settings.deleteConfirm', { name })}
        deletedMessage={t('sla.settings.deleted')}
        onClose={() => setDeleting(null)}
      />
    </Page>
  );
}
