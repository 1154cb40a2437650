import { Center, Loader, Stack, Text } from '@mantine/core';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, Outlet, useLocation } from 'react-router';
import { useMe } from '../api/session.ts';
import { ErrorState } from '../components/ErrorState.tsx';
import { applyLocale } from '../i18n/index.ts';

/** Shows the signed-in app, or sends the person to the login page and back afterwards. */
export function AuthGate() {
  const { t } = useTranslation();
  const location = useLocation();
  const me = useMe();
  const savedLocale = me.data?.user.locale;

  useEffect(() => {
    if (savedLocale) void applyLocale(savedLocale);
  }, [savedLocale]);

  if (me.isPending) {
    return (
      <Center h="100vh">
        <Stack align="center" gap="xs">
          <Loader />
          <Text c="dimmed">{t('app.loading')}</Text>
        </Stack>
      </Center>
    );
  }
  if (me.isError) {
    return (
      <Center h="100vh" p="xl">
        <ErrorState error={me.error} onRetry={() => void me.refetch()} />
      </Center>
    );
  }
  if (!me.data) {
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={`/login?next=${encodeURIComponent(next)}`} replace />;
  }
  return <Outlet />;
}
