import { Group, Stack, Text, ThemeIcon, Tooltip, UnstyledButton } from '@mantine/core';
import { IconArrowBigUpLines, IconUser, IconUserOff } from '@tabler/icons-react';
import { forwardRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Conversation } from '../../../shared/contracts/conversations.ts';
import { PriorityLabel, StatusBadge } from '../../components/Badges.tsx';
import { ChannelIcon } from '../../components/ChannelIcon.tsx';
import { RelativeTime } from '../../components/RelativeTime.tsx';
import { SlaBadge } from '../../components/SlaBadge.tsx';

interface ConversationRowProps {
  conversation: Conversation;
  selected: boolean;
  to: string;
  assigneeName: string | null;
}

function firstLine(text: string): string {
  return (
    text
      .split('\n')
      .find((line) => line.trim() !== '')
      ?.trim() ?? ''
  );
}

export const ConversationRow = forwardRef<HTMLAnchorElement, ConversationRowProps>(function ConversationRow(
  { conversation, selected, to, assigneeName },
  ref,
) {
  const { t } = useTranslation();
  const tier = conversation.escalationTier;
  const tierLabel = t('escalation.badge', { tier: t(`escalation.tiers.${tier}`) });
  const name = conversation.contact?.name || conversation.contact?.email || t('inbox.unknownCustomer');
  const subject = conversation.subject || firstLine(conversation.preview) || t('inbox.noSubject');
  const preview = conversation.subject ? firstLine(conversation.preview) : '';
  const needsWork = conversation.status === 'open';

  return (
    <UnstyledButton
      ref={ref}
      component={Link}
      to={to}
      data-testid="conversation-row"
      data-conversation-id={conversation.id}
      aria-current={selected ? 'true' : undefined}
      className="koe-row"
      px="md"
      py="sm"
      style={{
        display: 'block',
        borderBottom: '1px solid var(--mantine-color-gray-2)',
        borderLeft: `3px solid ${selected ? 'var(--mantine-color-koe-6)' : 'transparent'}`,
        background: selected ? 'var(--mantine-color-koe-0)' : undefined,
      }}
    >
      <Stack gap={4}>
        <Group gap="xs" wrap="nowrap" justify="space-between">
          <Group gap={6} wrap="nowrap" style={{ minWidth: 0 }}>
            <ChannelIcon channel={conversation.channel} />
            <Text size="sm" fw={needsWork ? 700 : 500} truncate>
              {name}
            </Text>
            {tier !== 'agent' && (
              <Tooltip label={tierLabel}>
                <ThemeIcon
                  size={18}
                  radius="xl"
                  variant="light"
                  color={tier === 'manager' ? 'red' : 'orange'}
                  role="img"
                  aria-label={tierLabel}
                  data-testid="row-escalation-tier"
                  style={{ flexShrink: 0 }}
                >
                  <IconArrowBigUpLines size={12} aria-hidden />
                </ThemeIcon>
              </Tooltip>
            )}
          </Group>
          <RelativeTime iso={conversation.lastActivityAt} />
        </Group>
        <Text size="sm" fw={needsWork ? 600 : 400} truncate>
          {subject}
        </Text>
        {preview && (
          <Text size="xs" c="dimmed" truncate>
            {preview}
          </Text>
        )}
        <Group gap="xs" wrap="nowrap" justify="space-between">
          <Group gap="xs" wrap="nowrap" style={{ minWidth: 0 }}>
            <StatusBadge status={conversation.status} />
            <SlaBadge targets={conversation.slaTargets} size="xs" compact />
            <PriorityLabel priority={conversation.priority} />
          </Group>
          <Group gap={4} wrap="nowrap" c="dimmed" style={{ minWidth: 0 }}>
            {assigneeName ? <IconUser size={14} /> : <IconUserOff size={14} />}
            <Text size="xs" c="dimmed" truncate maw={120}>
              {assigneeName ?? t('inbox.unassigned')}
            </Text>
          </Group>
        </Group>
      </Stack>
    </UnstyledButton>
  );
});
