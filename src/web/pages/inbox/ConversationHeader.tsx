import { Box, Group, Select, TagsInput, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type Conversation,
  type ConversationStatus,
  PRIORITIES,
  type Priority,
  STATUSES,
  type UpdateConversationInput,
} from '../../../shared/contracts/conversations.ts';
import type { useUpdateConversation } from '../../api/conversations.ts';
import { useMembers, useTeams } from '../../api/workspace.ts';
import { priorityIcon, statusColor } from '../../components/Badges.tsx';
import { ChannelIcon } from '../../components/ChannelIcon.tsx';
import { SlaBadge } from '../../components/SlaBadge.tsx';
import { describeError } from '../../lib/errors.ts';
import { notifyError } from '../../lib/notify.ts';
import { ConversationActions } from '../recovery/ConversationActions.tsx';

interface ConversationHeaderProps {
  conversation: Conversation;
  update: ReturnType<typeof useUpdateConversation>;
  canWrite: boolean;
  /** Shown at the end of the title row. */
  extra?: ReactNode;
}

const UNASSIGNED = '__none__';

export function ConversationHeader({ conversation, update, canWrite, extra }: ConversationHeaderProps) {
  const { t } = useTranslation();
  const members = useMembers();
  const teams = useTeams();

  const save = (input: UpdateConversationInput) =>
    update.mutate(input, { onError: (error) => notifyError(t('errors.title'), describeError(error, t)) });

  const assignees = [
    { value: UNASSIGNED, label: t('conversation.unassigned') },
    ...(members.data ?? []).map((m) => ({ value: m.id, label: m.name })),
  ];
  // Keep a known label for an assignee not in the member list (removed, or members not readable).
  if (conversation.assigneeId && !assignees.some((a) => a.value === conversation.assigneeId)) {
    assignees.push({ value: conversation.assigneeId, label: t('common.unknown') });
  }
  const teamOptions = [
    { value: UNASSIGNED, label: t('conversation.noTeam') },
    ...(teams.data ?? []).map((team) => ({ value: team.id, label: team.name })),
  ];
  if (conversation.teamId && !teamOptions.some((o) => o.value === conversation.teamId)) {
    teamOptions.push({ value: conversation.teamId, label: t('common.unknown') });
  }

  return (
    <Box px="md" py="sm" style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}>
      <Group gap="xs" wrap="nowrap" mb="xs">
        <ChannelIcon channel={conversation.channel} size={20} />
        <Title order={2} size="h4" lineClamp={1} title={conversation.subject}>
          {conversation.subject || t('inbox.noSubject')}
        </Title>
        <Text size="xs" c="dimmed" style={{ flexShrink: 0 }}>
          {t(`channel.${conversation.channel}`)}
        </Text>
        <Group ml="auto" gap="xs" wrap="nowrap" style={{ flexShrink: 0 }}>
          <ConversationActions conversation={conversation} canWrite={canWrite} />
          {extra}
        </Group>
      </Group>
      {conversation.slaTargets.length > 0 && (
        <Group gap={6} mb="xs" data-testid="conversation-sla">
          {conversation.slaTargets.map((target) => (
            <SlaBadge key={target.id} targets={[target]} />
          ))}
        </Group>
      )}
      <Group gap="xs" wrap="wrap" align="flex-end">
        <Select
          data-testid="status-select"
          label={t('conversation.status')}
          size="xs"
          w={130}
          allowDeselect={false}
          disabled={!canWrite}
          data={STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))}
          value={conversation.status}
          onChange={(value) => value && save({ status: value as ConversationStatus })}
          leftSection={
            <Box w={8} h={8} bg={`${statusColor(conversation.status)}.6`} style={{ borderRadius: 8 }} aria-hidden />
          }
        />
        <Select
          label={t('conversation.priority')}
          size="xs"
          w={120}
          allowDeselect={false}
          disabled={!canWrite}
          data={PRIORITIES.map((p) => ({ value: p, label: t(`priority.${p}`) }))}
          value={conversation.priority}
          onChange={(value) => value && save({ priority: value as Priority })}
          leftSection={priorityIcon(conversation.priority)}
        />
        <Select
          data-testid="assignee-select"
          label={t('conversation.assignee')}
          size="xs"
          w={170}
          searchable
          allowDeselect={false}
          disabled={!canWrite}
          data={assignees}
          value={conversation.assigneeId ?? UNASSIGNED}
          onChange={(value) => save({ assigneeId: !value || value === UNASSIGNED ? null : value })}
        />
        <Select
          label={t('conversation.team')}
          size="xs"
          w={150}
          allowDeselect={false}
          disabled={!canWrite}
          data={teamOptions}
          value={conversation.teamId ?? UNASSIGNED}
          onChange={(value) => save({ teamId: !value || value === UNASSIGNED ? null : value })}
        />
        <TagsInput
          label={t('conversation.tags')}
          size="xs"
          style={{ flex: 1, minWidth: 160 }}
          placeholder={conversation.tags.length ? undefined : t('conversation.tagsPlaceholder')}
          disabled={!canWrite}
          value={conversation.tags}
          onChange={(tags) => save({ tags })}
          splitChars={[',']}
          clearable
        />
      </Group>
    </Box>
  );
}
