import { Box, NavLink, Stack, Text } from '@mantine/core';
import { IconBuilding, IconKey, IconTemplate, IconUsers, IconUsersGroup } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Outlet, NavLink as RouterNavLink } from 'react-router';

export function SettingsLayout() {
  const { t } = useTranslation();
  const items = [
    { to: '/settings/workspace', label: t('settings.workspace'), icon: IconBuilding },
    { to: '/settings/members', label: t('settings.members'), icon: IconUsers },
    { to: '/settings/teams', label: t('settings.teams'), icon: IconUsersGroup },
    { to: '/settings/reply-scripts', label: t('settings.replyScripts'), icon: IconTemplate },
    { to: '/settings/api-keys', label: t('settings.apiKeys'), icon: IconKey },
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
      </Box>
      <Box style={{ minHeight: 0 }}>
        <Outlet />
      </Box>
    </Box>
  );
}
