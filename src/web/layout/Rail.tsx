import {
  Avatar,
  Box,
  Divider,
  Group,
  Menu,
  NavLink,
  ScrollArea,
  Stack,
  Text,
  Tooltip,
  UnstyledButton,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import {
  IconBellCog,
  IconChartBar,
  IconHeartHandshake,
  IconInbox,
  IconLifebuoy,
  IconLogout,
  IconMessageStar,
  IconSettings,
  IconUsers,
} from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink as RouterNavLink, useNavigate } from 'react-router';
import { useLogout, useSession } from '../api/session.ts';
import { LanguageSwitch } from '../components/LanguageSwitch.tsx';
import { NotificationBell } from './NotificationBell.tsx';
import { NotificationPreferencesDialog } from './NotificationPreferencesDialog.tsx';

interface RailItem {
  to: string;
  label: string;
  icon: ReactNode;
  testId?: string;
}

function RailLink({ to, label, icon, testId }: RailItem) {
  return (
    <NavLink
      component={RouterNavLink}
      to={to}
      label={label}
      leftSection={icon}
      data-testid={testId}
      style={{ borderRadius: 'var(--mantine-radius-md)' }}
    />
  );
}

/** An area that is planned but not built yet: visible, honest, not clickable. */
function ComingSoon({ label, icon }: Omit<RailItem, 'to'>) {
  const { t } = useTranslation();
  return (
    <Tooltip label={t('app.comingSoon')} position="right">
      <NavLink
        component="div"
        label={label}
        leftSection={icon}
        disabled
        aria-disabled="true"
        style={{ borderRadius: 'var(--mantine-radius-md)' }}
      />
    </Tooltip>
  );
}

export function Rail() {
  const { t } = useTranslation();
  const me = useSession();
  const logout = useLogout();
  const navigate = useNavigate();
  const [preferencesOpened, { open: openPreferences, close: closePreferences }] = useDisclosure(false);
  const size = 18;

  return (
    <Stack h="100%" gap={0}>
      <Group gap="xs" px="md" py="md" wrap="nowrap">
        <Avatar color="koe" variant="filled" radius="md" size={34} aria-hidden>
          声
        </Avatar>
        <Box style={{ minWidth: 0, flex: 1 }}>
          <Text fw={700} lh={1.2}>
            Koe
          </Text>
          <Text size="xs" c="dimmed" truncate title={me.workspace.name}>
            {me.workspace.name}
          </Text>
        </Box>
        <NotificationBell onSettings={openPreferences} />
      </Group>
      <ScrollArea style={{ flex: 1 }} px="xs" component="nav" aria-label={t('nav.main')}>
        <Stack gap={2}>
          <RailLink to="/inbox" label={t('nav.inbox')} icon={<IconInbox size={size} />} testId="nav-inbox" />
          <RailLink
            to="/customers"
            label={t('nav.customers')}
            icon={<IconUsers size={size} />}
            testId="nav-customers"
          />
          <RailLink
            to="/feedback"
            label={t('nav.feedback')}
            icon={<IconMessageStar size={size} />}
            testId="nav-feedback"
          />
          <RailLink
            to="/insights"
            label={t('nav.insights')}
            icon={<IconChartBar size={size} />}
            testId="nav-insights"
          />
          <RailLink
            to="/recovery"
            label={t('nav.recovery')}
            icon={<IconLifebuoy size={size} />}
            testId="nav-recovery"
          />
          <Text size="xs" c="dimmed" fw={600} px="sm" pt="sm" pb={2}>
            {t('app.comingSoon')}
          </Text>
          <ComingSoon label={t('nav.success')} icon={<IconHeartHandshake size={size} />} />
          <Divider my="xs" />
          <RailLink
            to="/settings"
            label={t('nav.settings')}
            icon={<IconSettings size={size} />}
            testId="nav-settings"
          />
        </Stack>
      </ScrollArea>
      <Stack gap="sm" p="sm" style={{ borderTop: '1px solid var(--mantine-color-gray-3)' }}>
        <LanguageSwitch persist />
        <Menu position="top-start" width={200}>
          <Menu.Target>
            <UnstyledButton aria-label={t('nav.account')} style={{ borderRadius: 8 }}>
              <Group gap="xs" wrap="nowrap">
                <Avatar size={28} radius="xl" color="teal" name={me.user.name} />
                <Box style={{ minWidth: 0 }}>
                  <Text size="sm" fw={500} truncate>
                    {me.user.name}
                  </Text>
                  <Text size="xs" c="dimmed" truncate>
                    {t(`role.${me.role}`)}
                  </Text>
                </Box>
              </Group>
            </UnstyledButton>
          </Menu.Target>
          <Menu.Dropdown>
            <Menu.Label>{me.user.email}</Menu.Label>
            <Menu.Item
              leftSection={<IconBellCog size={16} />}
              onClick={openPreferences}
              data-testid="menu-notifications"
            >
              {t('notifications.settings')}
            </Menu.Item>
            <Menu.Item
              leftSection={<IconLogout size={16} />}
              onClick={() => logout.mutate(undefined, { onSettled: () => navigate('/login') })}
            >
              {t('nav.logout')}
            </Menu.Item>
          </Menu.Dropdown>
        </Menu>
      </Stack>
      <NotificationPreferencesDialog opened={preferencesOpened} onClose={closePreferences} />
    </Stack>
  );
}
