import { Alert, Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { ApiError } from '../../api/client.ts';
import { meKey, useLogin, useMe, useUpdateMe } from '../../api/session.ts';
import { currentLocale } from '../../i18n/index.ts';
import { PublicLayout } from '../../layout/PublicLayout.tsx';
import { describeError, fieldError } from '../../lib/errors.ts';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Only paths inside the app, so a crafted link cannot send someone elsewhere. */
function safeNext(next: string | null): string {
  return next?.startsWith('/') && !next.startsWith('//') ? next : '/inbox';
}

export function LoginPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const queryClient = useQueryClient();
  const me = useMe();
  const login = useLogin();
  const updateMe = useUpdateMe();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [emailError, setEmailError] = useState<string | null>(null);
  const languageChosen = useRef(false);
  const next = safeNext(params.get('next'));

  if (me.data && !login.isPending && !login.isSuccess) return <Navigate to={next} replace />;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!EMAIL.test(email.trim())) {
      setEmailError(t('login.emailInvalid'));
      return;
    }
    setEmailError(null);
    login.mutate(
      { email: email.trim(), password },
      {
        onSuccess: (session) => {
          // A language picked on this page is what the person wants from now on.
          const chosen = currentLocale();
          if (languageChosen.current && session.user.locale !== chosen) {
            queryClient.setQueryData(meKey, { ...session, user: { ...session.user, locale: chosen } });
            updateMe.mutate({ locale: chosen });
          }
          navigate(next, { replace: true });
        },
      },
    );
  };

  const error = login.error;
  const wrongCredentials = error instanceof ApiError && (error.status === 401 || error.status === 403);
  const message = error ? (wrongCredentials ? t('login.invalid') : describeError(error, t)) : null;

  return (
    <PublicLayout
      title={t('login.title')}
      subtitle={t('login.subtitle')}
      onLanguageChange={() => {
        languageChosen.current = true;
      }}
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          {message && (
            <Alert color="red" variant="light" icon={<IconAlertCircle />} role="alert">
              {message}
            </Alert>
          )}
          <TextInput
            data-testid="login-email"
            label={t('login.email')}
            type="email"
            autoComplete="username"
            required
            autoFocus
            value={email}
            onChange={(event) => setEmail(event.currentTarget.value)}
            error={emailError ?? fieldError(error, 'email')}
          />
          <PasswordInput
            data-testid="login-password"
            label={t('login.password')}
            autoComplete="current-password"
            required
            value={password}
            onChange={(event) => setPassword(event.currentTarget.value)}
            error={fieldError(error, 'password')}
          />
          <Button data-testid="login-submit" type="submit" fullWidth loading={login.isPending} mt="xs">
            {t('login.submit')}
          </Button>
        </Stack>
      </form>
    </PublicLayout>
  );
}
