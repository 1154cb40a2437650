import { AppShell, Burger, Group, Text } from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation } from 'react-router';
import { Rail } from './Rail.tsx';

/**
 * Left rail plus the page; pages fill the height and scroll inside themselves.
 * On a phone the rail folds away behind a menu button in a thin top bar.
 */
export function AppLayout() {
  const { t } = useTranslation();
  const phone = useMediaQuery('(max-width: 48em)') ?? false;
  const [opened, { toggle, close }] = useDisclosure(false);
  const { pathname } = useLocation();
  // Opening a page from the folded rail closes it again.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the page changes
  useEffect(() => close(), [pathname, close]);

  return (
    <AppShell
      header={{ height: 48, collapsed: !phone }}
      navbar={{ width: 220, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding={0}
    >
      <a href="#main" className="koe-skip-link">
        {t('app.skipToContent')}
      </a>
      {phone && (
        <AppShell.Header>
          <Group h="100%" px="sm" gap="xs">
            <Burger opened={opened} onClick={toggle} size="sm" aria-label={t('nav.main')} />
            <Text fw={700}>Koe</Text>
          </Group>
        </AppShell.Header>
      )}
      <AppShell.Navbar>
        <Rail />
      </AppShell.Navbar>
      <AppShell.Main h="100dvh" style={{ display: 'flex', flexDirection: 'column', minHeight: 0 }} id="main">
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
