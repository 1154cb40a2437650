import { Box, NavLink, Stack, Text } from '@mantine/core';
import {
  IconAppWindow,
  IconBuilding,
  IconCalendarTime,
  IconClipboardList,
  IconClockHour4,
  IconFileImport,
  IconFilter,
  IconKey,
  IconLifebuoy,
  IconMail,
  IconMailOff,
  IconRobot,
  IconTarget,
  IconTemplate,
  IconUsers,
  IconUsersGroup,
  IconWebhook,
} from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Outlet, NavLink as RouterNavLink } from 'react-router';

export function SettingsLayout() {
  const { t } = useTranslation();
  const items = [
    { to: '/settings/workspace', label: t('settings.workspace'), icon: IconBuilding },
    { to: '/settings/members', label: t('settings.members'), icon: IconUsers },
    { to: '/settings/teams', label: t('settings.teams'), icon: IconUsersGroup },
    { to: '/settings/calendars', label: t('calendars.nav'), icon: IconCalendarTime },
    { to: '/settings/sla', label: t('sla.nav'), icon: IconClockHour4 },
    { to: '/settings/reply-scripts', label: t('settings.replyScripts'), icon: IconTemplate },
    { to: '/settings/api-keys', label: t('settings.apiKeys'), icon: IconKey },
    { to: '/settings/automation', label: t('automation.nav'), icon: IconRobot },
    { to: '/settings/webhooks', label: t('webhooks.nav'), icon: IconWebhook },
    { to: '/settings/import', label: t('imports.nav'), icon: IconFileImport },
    { to: '/settings/goals', label: t('insights.goals.pageTitle'), icon: IconTarget },
    { to: '/settings/recovery', label: t('recovery.settings.nav'), icon: IconLifebuoy },
  ];
  const feedbackItems = [
    { to: '/settings/surveys', label: t('settings.surveys'), icon: IconClipboardList },
    { to: '/settings/segments', label: t('settings.segments'), icon: IconFilter },
    { to: '/settings/widget', label: t('settings.widget'), icon: IconAppWindow },
    { to: '/settings/outbox', label: t('settings.outbox'), icon: IconMail },
    { to: '/settings/suppressions', label: t('settings.suppressions'), icon: IconMailOff },
  ];
  return (
    <Box style={{ display: 'grid', gridTemplateColumns: '220px minmax(0, 1fr)', height: '100%', minHeight: 0 }}>
      <Box
        component="nav"
        aria-label={t('settings.title')}
        p="sm"
        bg="gray.0"
        style={{ borderRight: '1px solid var(--mantine-color-gray-3)' }}
      >
        <Text size="xs" fw={700} c="dimmed" tt="uppercase" px="sm" py="xs">
          {t('settings.title')}
        </Text>
        <Stack gap={2}>
          {items.map(({ to, label, icon: Icon }) => (
            <NavLink
              key={to}
              component={RouterNavLink}
              to={to}
              label={label}
              leftSection={<Icon size={16} />}
              style={{ borderRadius: 'var(--mantine-radius-md)' }}
            />
          ))}
        </Stack>
        <Text size="xs" fw={700} c="dimmed" tt="uppercase" px="sm" pt="md" pb="xs">
          {t('settings.feedbackGroup')}
        </Text>
        <Stack gap={2}>
          {feedbackItems.map(({ to, label, icon: Icon }) => (
            <NavLink
              key={to}
              component={RouterNavLink}
              to={to}
              label={label}
              leftSection={<Icon size={16} />}
              style={{ borderRadius: 'var(--mantine-radius-md)' }}
              data-testid={`settings-nav-${to.split('/').pop()}`}
            />
          ))}
        </Stack>
      </Box>
      <Box style={{ minHeight: 0 }}>
        <Outlet />
      </Box>
    </Box>
  );
}
