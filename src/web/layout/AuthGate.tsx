import { Center, Loader, Stack, Text } from '@mantine/core';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, Outlet, useLocation } from 'react-router';
import { useMe, useUpdateMe } from '../api/session.ts';
import { ErrorState } from '../components/ErrorState.tsx';
import { applyLocale, pendingLocale, setPendingLocale } from '../i18n/index.ts';

/** Shows the signed-in app, or sends the person to the login page and back afterwards. */
export function AuthGate() {
  const { t } = useTranslation();
  const location = useLocation();
  const me = useMe();
  const userId = me.data?.user.id;
  const savedLocale = me.data?.user.locale;
  const { mutate: saveProfile } = useUpdateMe();

  useEffect(() => {
    if (!userId || !savedLocale) return;
    const pending = pendingLocale(userId);
    if (pending && pending !== savedLocale) {
      // Chosen on this device, but the save did not land (a reload cut it short): the choice
      // stands and is saved again, instead of the profile bringing back the old language.
      void applyLocale(pending);
      saveProfile({ locale: pending });
      return;
    }
    setPendingLocale(userId, null);
    void applyLocale(savedLocale);
  }, [userId, savedLocale, saveProfile]);

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
