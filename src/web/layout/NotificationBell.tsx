import {
  ActionIcon,
  Box,
  Button,
  Group,
  Indicator,
  Popover,
  ScrollArea,
  Skeleton,
  Stack,
  Text,
  ThemeIcon,
  Tooltip,
  UnstyledButton,
} from '@mantine/core';
import {
  IconArrowBigUpLines,
  IconAt,
  IconBell,
  IconBellOff,
  IconCheck,
  IconChecks,
  IconClockExclamation,
  IconClockX,
  IconLifebuoy,
  IconRobot,
  IconSettings,
  IconUserCheck,
} from '@tabler/icons-react';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { Notification } from '../../shared/contracts/notifications.ts';
import type { NotificationType } from '../../shared/contracts/webhooks.ts';
import { notificationPath, notificationText } from '../../shared/notifications.ts';
import { useLatestNotifications, useMarkAllRead, useMarkRead, useUnreadCount } from '../api/notifications.ts';
import { ErrorState } from '../components/ErrorState.tsx';
import { RelativeTime } from '../components/RelativeTime.tsx';
import { formatDateTime } from '../lib/format.ts';
import { useLocale } from '../lib/useLocale.ts';

const LOOK: Record<NotificationType, { color: string; icon: ReactNode }> = {
  assigned: { color: 'koe', icon: <IconUserCheck size={16} /> },
  mentioned: { color: 'grape', icon: <IconAt size={16} /> },
  escalated: { color: 'orange', icon: <IconArrowBigUpLines size={16} /> },
  sla_warning: { color: 'yellow', icon: <IconClockExclamation size={16} /> },
  sla_breached: { color: 'red', icon: <IconClockX size={16} /> },
  recovery_due: { color: 'pink', icon: <IconLifebuoy size={16} /> },
  automation: { color: 'gray', icon: <IconRobot size={16} /> },
};

function NotificationItem({ notification, onOpen }: { notification: Notification; onOpen: () => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const markRead = useMarkRead();
  const words = notificationText(notification, locale, (iso) => formatDateTime(iso, locale));
  const unread = notification.readAt === null;
  const look = LOOK[notification.type];
  return (
    <Group
      gap="sm"
      wrap="nowrap"
      align="flex-start"
      px="sm"
      py={10}
      bg={unread ? 'var(--mantine-color-koe-0)' : undefined}
      style={{ borderBottom: '1px solid var(--mantine-color-gray-2)' }}
      data-testid="notification-item"
      data-unread={unread}
    >
      <ThemeIcon variant="light" color={look.color} radius="xl" size={30} style={{ flexShrink: 0 }}>
        {look.icon}
      </ThemeIcon>
      <UnstyledButton onClick={onOpen} style={{ flex: 1, minWidth: 0 }}>
        <Text size="sm" fw={unread ? 600 : 400} lh={1.4} style={{ overflowWrap: 'anywhere' }}>
          {words.title}
        </Text>
        {words.detail && (
          <Text size="xs" c="dimmed" lineClamp={2} mt={2} style={{ overflowWrap: 'anywhere' }}>
            {words.detail}
          </Text>
        )}
        <RelativeTime iso={notification.createdAt} mt={4} />
      </UnstyledButton>
      {unread && (
        <Tooltip label={t('notifications.markRead')}>
          <ActionIcon
            variant="subtle"
            size="sm"
            aria-label={t('notifications.markRead')}
            loading={markRead.isPending}
            onClick={() => markRead.mutate(notification.id)}
            data-testid="notification-mark-read"
          >
            <IconCheck size={14} />
          </ActionIcon>
        </Tooltip>
      )}
    </Group>
  );
}

/**
 * The bell in the app chrome: the unread count (asked every 30 s and when the window
 * regains focus), the latest notifications in a dropdown, mark read, and the settings.
 */
export function NotificationBell({ onSettings }: { onSettings: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [opened, setOpened] = useState(false);
  const unread = useUnreadCount();
  const latest = useLatestNotifications(opened);
  const markRead = useMarkRead();
  const markAll = useMarkAllRead();
  const count = unread.data ?? 0;
  const items = latest.data?.data ?? [];

  const open = (notification: Notification) => {
    if (notification.readAt === null) markRead.mutate(notification.id);
    const path = notificationPath(notification);
    setOpened(false);
    if (path) navigate(path);
  };

  let list: ReactNode;
  if (latest.isPending)
    list = (
      <Stack gap="xs" p="sm" aria-busy="true">
        {[0, 1, 2].map((row) => (
          <Skeleton key={row} height={52} radius="sm" />
        ))}
      </Stack>
    );
  else if (latest.isError)
    list = (
      <Box p="sm">
        <ErrorState error={latest.error} onRetry={() => void latest.refetch()} />
      </Box>
    );
  else if (items.length === 0)
    list = (
      <Stack align="center" gap={6} p="lg" data-testid="notifications-empty">
        <ThemeIcon variant="light" color="gray" radius="xl" size={40}>
          <IconBellOff size={20} />
        </ThemeIcon>
        <Text size="sm" fw={600}>
          {t('notifications.empty')}
        </Text>
        <Text size="xs" c="dimmed" ta="center">
          {t('notifications.emptyHint')}
        </Text>
      </Stack>
    );
  else
    list = (
      <ScrollArea.Autosize mah={440} type="auto">
        {items.map((notification) => (
          <NotificationItem key={notification.id} notification={notification} onOpen={() => open(notification)} />
        ))}
      </ScrollArea.Autosize>
    );

  return (
    <Popover opened={opened} onChange={setOpened} position="right-start" width={400} shadow="md" withinPortal>
      <Popover.Target>
        <Tooltip label={t('notifications.bell')} disabled={opened}>
          <Indicator
            label={count > 99 ? '99+' : count}
            size={16}
            color="red"
            disabled={count === 0}
            offset={4}
            data-testid="notification-count"
          >
            <ActionIcon
              variant="subtle"
              color="gray"
              size="lg"
              aria-label={count > 0 ? t('notifications.bellUnread', { count }) : t('notifications.bell')}
              onClick={() => setOpened((value) => !value)}
              data-testid="notification-bell"
            >
              <IconBell size={20} />
            </ActionIcon>
          </Indicator>
        </Tooltip>
      </Popover.Target>
      <Popover.Dropdown p={0} data-testid="notification-panel">
        <Group
          justify="space-between"
          px="sm"
          py="xs"
          style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}
        >
          <Text fw={600}>{t('notifications.title')}</Text>
          <Group gap={4}>
            <Button
              variant="subtle"
              size="compact-xs"
              leftSection={<IconChecks size={14} />}
              disabled={count === 0}
              loading={markAll.isPending}
              onClick={() => markAll.mutate(undefined)}
              data-testid="notifications-read-all"
            >
              {t('notifications.markAllRead')}
            </Button>
            <Tooltip label={t('notifications.settings')}>
              <ActionIcon
                variant="subtle"
                color="gray"
                aria-label={t('notifications.settings')}
                onClick={() => {
                  setOpened(false);
                  onSettings();
                }}
              >
                <IconSettings size={16} />
              </ActionIcon>
            </Tooltip>
          </Group>
        </Group>
        {list}
      </Popover.Dropdown>
    </Popover>
  );
}
