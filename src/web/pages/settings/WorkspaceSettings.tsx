import { Button, Group, Paper, Select, Skeleton, Stack, TextInput } from '@mantine/core';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Locale } from '../../../shared/contracts/common.ts';
import { useSession } from '../../api/session.ts';
import { useUpdateWorkspace, useWorkspace } from '../../api/workspace.ts';
import { ErrorState } from '../../components/ErrorState.tsx';
import { NoPermission } from '../../components/NoPermission.tsx';
import { Page } from '../../components/Page.tsx';
import { fieldError } from '../../lib/errors.ts';
import { notifySuccess } from '../../lib/notify.ts';
import { canAdminister } from '../../lib/permissions.ts';
import { TIME_ZONES } from '../../lib/timeZones.ts';

export function WorkspaceSettings() {
  const { t } = useTranslation();
  const me = useSession();
  const workspace = useWorkspace();
  const update = useUpdateWorkspace();
  const [name, setName] = useState('');
  const [timeZone, setTimeZone] = useState<string | null>(null);
  const [defaultLocale, setDefaultLocale] = useState<Locale>('ja');
  const editable = canAdminister(me.role);

  useEffect(() => {
    if (!workspace.data) return;
    setName(workspace.data.name);
    setTimeZone(workspace.data.timeZone);
    setDefaultLocale(workspace.data.defaultLocale);
  }, [workspace.data]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    update.mutate(
      { name: name.trim(), timeZone: timeZone ?? undefined, defaultLocale },
      { onSuccess: () => notifySuccess(t('common.saved')) },
    );
  };

  const nameError = name.trim() ? undefined : t('common.required');
  const knownErrors = ['name', 'timeZone', 'defaultLocale'].some((f) => fieldError(update.error, f));

  return (
    <Page title={t('settings.workspace')} description={t('workspaceSettings.description')} maxWidth={760}>
      {!editable && <NoPermission />}
      {workspace.isPending ? (
        <Skeleton height={260} radius="md" />
      ) : workspace.isError ? (
        <ErrorState error={workspace.error} onRetry={() => void workspace.refetch()} />
      ) : (
        <Paper withBorder p="lg" radius="md" component="form" onSubmit={submit}>
          <Stack gap="md">
            {update.error && !knownErrors ? <ErrorState error={update.error} /> : null}
            <TextInput
              label={t('workspaceSettings.name')}
              value={name}
              onChange={(event) => setName(event.currentTarget.value)}
              disabled={!editable}
              required
              error={(name !== workspace.data.name && nameError) || fieldError(update.error, 'name')}
            />
            <Select
              label={t('workspaceSettings.timeZone')}
              description={t('workspaceSettings.timeZoneHint')}
              data={TIME_ZONES}
              value={timeZone}
              onChange={setTimeZone}
              searchable
              allowDeselect={false}
              disabled={!editable}
              error={fieldError(update.error, 'timeZone')}
            />
            <Select
              label={t('workspaceSettings.defaultLocale')}
              data={[
                { value: 'ja', label: t('language.ja') },
                { value: 'en', label: t('language.en') },
              ]}
              value={defaultLocale}
              onChange={(value) => value && setDefaultLocale(value === 'en' ? 'en' : 'ja')}
              allowDeselect={false}
              disabled={!editable}
              error={fieldError(update.error, 'defaultLocale')}
            />
            {editable && (
              <Group justify="flex-end">
                <Button type="submit" loading={update.isPending} disabled={Boolean(nameError)}>
                  {t('common.save')}
                </Button>
              </Group>
            )}
          </Stack>
        </Paper>
      )}
    </Page>
  );
}
