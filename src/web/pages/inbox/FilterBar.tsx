import { ActionIcon, Chip, Group, Select, TextInput, Tooltip } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconAlarm, IconArrowBigUpLines, IconFilterOff, IconTag, IconUser, IconUsersGroup } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CHANNELS, type ConversationStatus, STATUSES } from '../../../shared/contracts/conversations.ts';
import type { InboxFilters } from '../../api/conversations.ts';
import { useMembers, useTeams } from '../../api/workspace.ts';
import { statusColor } from '../../components/Badges.tsx';

interface FilterBarProps {
  filters: InboxFilters;
  onChange: (change: Partial<InboxFilters>) => void;
  isFiltered: boolean;
  onClear: () => void;
}

/** A text box that pushes its value to the filters after a pause in typing. */
export function useDebouncedText(value: string, apply: (value: string) => void) {
  const [text, setText] = useState(value);
  const push = useDebouncedCallback(apply, 300);
  useEffect(() => setText(value), [value]);
  const change = (next: string) => {
    setText(next);
    push(next);
  };
  return [text, change] as const;
}

/** Views that narrow the list with one click: what is due soonest, what was escalated. */
const VIEWS = [
  {
    key: 'due',
    label: 'sla.dueSoon',
    hint: 'sla.dueSoonHint',
    color: 'orange',
    icon: <IconAlarm size={12} />,
    testId: 'due-soon-view',
  },
  {
    key: 'escalated',
    label: 'inbox.escalated',
    hint: 'inbox.escalatedHint',
    color: 'red',
    icon: <IconArrowBigUpLines size={12} />,
    testId: 'escalated-view',
  },
] as const;

export function FilterBar({ filters, onChange, isFiltered, onClear }: FilterBarProps) {
  const { t } = useTranslation();
  const members = useMembers();
  const teams = useTeams();
  const [tag, setTag] = useDebouncedText(filters.tag ?? '', (value) => onChange({ tag: value.trim() || null }));

  const assignees = [
    { value: 'me', label: t('inbox.me') },
    { value: 'none', label: t('inbox.unassigned') },
    ...(members.data ?? []).map((m) => ({ value: m.id, label: m.name })),
  ];

  return (
    <Group gap={6} wrap="wrap" align="center">
      {VIEWS.map((view) => (
        <Tooltip key={view.key} label={t(view.hint)} multiline maw={280}>
          <Chip
            checked={filters[view.key]}
            onChange={(checked) => onChange({ [view.key]: checked })}
            size="xs"
            variant="light"
            color={view.color}
            icon={view.icon}
            wrapperProps={{ 'data-testid': view.testId }}
          >
            {t(view.label)}
          </Chip>
        </Tooltip>
      ))}
      <Chip.Group
        multiple
        value={filters.status}
        onChange={(value) => onChange({ status: value as ConversationStatus[] })}
      >
        <Group gap={4} role="group" aria-label={t('inbox.status')} wrap="nowrap" data-testid="status-filter">
          {STATUSES.map((status) => (
            <Chip key={status} value={status} size="xs" variant="light" color={statusColor(status)}>
              {t(`status.${status}`)}
            </Chip>
          ))}
        </Group>
      </Chip.Group>
      <Select
        aria-label={t('inbox.channel')}
        placeholder={t('inbox.anyChannel')}
        data={CHANNELS.map((c) => ({ value: c, label: t(`channel.${c}`) }))}
        value={filters.channel}
        onChange={(value) => onChange({ channel: value as InboxFilters['channel'] })}
        clearable
        size="xs"
        w={120}
      />
      <Select
        aria-label={t('inbox.assignee')}
        placeholder={t('inbox.anyone')}
        leftSection={<IconUser size={14} />}
        data={assignees}
        value={filters.assignee}
        onChange={(assignee) => onChange({ assignee })}
        clearable
        searchable
        size="xs"
        w={132}
      />
      <Select
        aria-label={t('inbox.team')}
        placeholder={t('inbox.anyTeam')}
        leftSection={<IconUsersGroup size={14} />}
        data={(teams.data ?? []).map((team) => ({ value: team.id, label: team.name }))}
        value={filters.teamId}
        onChange={(teamId) => onChange({ teamId })}
        clearable
        size="xs"
        w={120}
      />
      <TextInput
        aria-label={t('inbox.tag')}
        placeholder={t('inbox.tag')}
        leftSection={<IconTag size={14} />}
        value={tag}
        onChange={(event) => setTag(event.currentTarget.value)}
        size="xs"
        w={100}
      />
      {isFiltered && (
        <Tooltip label={t('inbox.clearFilters')}>
          <ActionIcon variant="subtle" color="gray" size="md" aria-label={t('inbox.clearFilters')} onClick={onClear}>
            <IconFilterOff size={16} />
          </ActionIcon>
        </Tooltip>
      )}
    </Group>
  );
}
