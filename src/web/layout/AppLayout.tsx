import { AppShell } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Outlet } from 'react-router';
import { Rail } from './Rail.tsx';

/** Left rail plus the page; pages fill the height and scroll inside themselves. */
export function AppLayout() {
  const { t } = useTranslation();
  return (
    <AppShell navbar={{ width: 220, breakpoint: 0 }} padding={0}>
      <a href="#main" className="koe-skip-link">
        {t('app.skipToContent')}
      </a>
      <AppShell.Navbar>
        <Rail />
      </AppShell.Navbar>
      <AppShell.Main h="100dvh" style={{ display: 'flex', flexDirection: 'column', minHeight: 0 }} id="main">
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
