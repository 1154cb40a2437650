import { Badge, Group, Text, Tooltip } from '@mantine/core';
import {
  IconAlertOctagon,
  IconArrowDown,
  IconArrowUp,
  IconCircleCheck,
  IconCircleDot,
  IconClockPause,
  IconLock,
  IconMinus,
} from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConversationStatus, Priority } from '../../shared/contracts/conversations.ts';

const STATUS_LOOK: Record<ConversationStatus, { color: string; icon: ReactNode }> = {
  open: { color: 'koe', icon: <IconCircleDot size={12} /> },
  pending: { color: 'yellow', icon: <IconClockPause size={12} /> },
  resolved: { color: 'green', icon: <IconCircleCheck size={12} /> },
  closed: { color: 'gray', icon: <IconLock size={12} /> },
};

/** Status with colour and icon, never colour alone. */
export function StatusBadge({ status }: { status: ConversationStatus }) {
  const { t } = useTranslation();
  const look = STATUS_LOOK[status];
  return (
    <Badge color={look.color} variant="light" leftSection={look.icon} radius="sm" tt="none" style={{ flexShrink: 0 }}>
      {t(`status.${status}`)}
    </Badge>
  );
}

export function statusColor(status: ConversationStatus): string {
  return STATUS_LOOK[status].color;
}

const PRIORITY_LOOK: Record<Priority, { color: string; icon: ReactNode }> = {
  urgent: { color: 'red', icon: <IconAlertOctagon size={14} /> },
  high: { color: 'orange', icon: <IconArrowUp size={14} /> },
  normal: { color: 'gray', icon: <IconMinus size={14} /> },
  low: { color: 'gray', icon: <IconArrowDown size={14} /> },
};

export function priorityIcon(priority: Priority): ReactNode {
  return PRIORITY_LOOK[priority].icon;
}

/** Priority as icon and word; "normal" stays quiet unless asked for. */
export function PriorityLabel({ priority, showNormal = false }: { priority: Priority; showNormal?: boolean }) {
  const { t } = useTranslation();
  if (priority === 'normal' && !showNormal) return null;
  const look = PRIORITY_LOOK[priority];
  return (
    <Tooltip label={`${t('conversation.priority')}: ${t(`priority.${priority}`)}`}>
      <Group gap={2} c={look.color === 'gray' ? 'dimmed' : look.color} wrap="nowrap">
        {look.icon}
        <Text size="xs" fw={priority === 'urgent' ? 700 : 500} c="inherit">
          {t(`priority.${priority}`)}
        </Text>
      </Group>
    </Tooltip>
  );
}
