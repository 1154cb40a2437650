import { Group, NumberInput, Select, Stack, Text } from '@mantine/core';
import { IconBolt, IconHourglass } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { DomainEventType } from '../../../../shared/contracts/events.ts';
import { ToggleGroup } from '../../../components/ToggleGroup.tsx';
import { eventTypeGroups } from '../webhooks/eventTypes.ts';
import type { TimeStatus, TriggerDraft } from './draft.ts';

const TIME_STATUSES: TimeStatus[] = ['open', 'pending', 'resolved'];

/** When: a domain event, or a conversation staying in a status for a while. */
export function TriggerEditor({
  value,
  onChange,
  error,
}: {
  value: TriggerDraft;
  onChange: (value: TriggerDraft) => void;
  error?: string | undefined;
}) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm">
      <ToggleGroup
        label={t('automation.editor.when')}
        value={value.kind}
        onChange={(kind) => onChange({ ...value, kind })}
        testId="trigger-kind"
        options={[
          {
            value: 'event',
            label: t('automation.editor.kinds.event'),
            icon: <IconBolt size={16} />,
            testId: 'trigger-kind-event',
          },
          {
            value: 'time',
            label: t('automation.editor.kinds.time'),
            icon: <IconHourglass size={16} />,
            testId: 'trigger-kind-time',
          },
        ]}
      />
      {value.kind === 'event' ? (
        <Select
          label={t('automation.editor.event')}
          data={eventTypeGroups(t)}
          value={value.event}
          onChange={(event) => event && onChange({ ...value, event: event as DomainEventType })}
          allowDeselect={false}
          searchable
          maw={420}
          data-testid="trigger-event"
        />
      ) : (
        <Stack gap={6}>
          <Group align="flex-end" gap="sm">
            <Select
              label={t('automation.editor.status')}
              data={TIME_STATUSES.map((status) => ({ value: status, label: t(`status.${status}`) }))}
              value={value.status}
              onChange={(status) => status && onChange({ ...value, status: status as TimeStatus })}
              allowDeselect={false}
              w={180}
              data-testid="trigger-status"
            />
            <NumberInput
              label={t('automation.editor.duration')}
              value={value.amount}
              onChange={(amount) => onChange({ ...value, amount: typeof amount === 'number' ? amount : 0 })}
              min={1}
              max={value.unit === 'days' ? 365 : 8760}
              allowDecimal={false}
              w={120}
              error={error}
              data-testid="trigger-amount"
            />
            <Select
              aria-label={t('automation.editor.duration')}
              data={[
                { value: 'hours', label: t('automation.editor.units.hours') },
                { value: 'days', label: t('automation.editor.units.days') },
              ]}
              value={value.unit}
              onChange={(unit) => unit && onChange({ ...value, unit: unit as 'hours' | 'days' })}
              allowDeselect={false}
              w={120}
              data-testid="trigger-unit"
            />
          </Group>
          <Text size="xs" c="dimmed">
            {t('automation.editor.timeHint')}
          </Text>
        </Stack>
      )}
    </Stack>
  );
}
