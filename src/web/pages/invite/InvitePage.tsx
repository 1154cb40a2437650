import { Alert, Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { ApiError } from '../../api/client.ts';
import { useAcceptInvitation } from '../../api/session.ts';
import { PublicLayout } from '../../layout/PublicLayout.tsx';
import { describeError, fieldError } from '../../lib/errors.ts';

export function InvitePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const accept = useAcceptInvitation();
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<{ name?: string; password?: string }>({});

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = {
      name: name.trim() ? undefined : t('common.required'),
      password: password.length >= 8 ? undefined : t('invite.passwordTooShort'),
    };
    setErrors(found);
    if (found.name || found.password) return;
    accept.mutate({ token, name: name.trim(), password }, { onSuccess: () => navigate('/inbox', { replace: true }) });
  };

  const error = accept.error;
  const badToken =
    error instanceof ApiError &&
    (error.status === 404 || error.status === 410 || fieldError(error, 'token') !== undefined);
  const message = error ? (badToken ? t('invite.invalidToken') : describeError(error, t)) : null;

  return (
    <PublicLayout title={t('invite.title')} subtitle={t('invite.subtitle')}>
      {token.length < 10 ? (
        <Alert color="red" variant="light" icon={<IconAlertCircle />} role="alert">
          {t('invite.missingToken')}
        </Alert>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            {message && (
              <Alert color="red" variant="light" icon={<IconAlertCircle />} role="alert">
                {message}
              </Alert>
            )}
            <TextInput
              label={t('invite.name')}
              data-testid="invite-name"
              autoComplete="name"
              required
              autoFocus
              value={name}
              onChange={(event) => setName(event.currentTarget.value)}
              error={errors.name ?? fieldError(error, 'name')}
            />
            <PasswordInput
              label={t('invite.password')}
              data-testid="invite-password"
              description={t('invite.passwordHint')}
              autoComplete="new-password"
              required
              value={password}
              onChange={(event) => setPassword(event.currentTarget.value)}
              error={errors.password ?? fieldError(error, 'password')}
            />
            <Button type="submit" fullWidth loading={accept.isPending} data-testid="invite-accept">
              {t('invite.submit')}
            </Button>
          </Stack>
        </form>
      )}
    </PublicLayout>
  );
}
