import { Alert, Anchor, Button, Code, Group, List, Paper, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconAppWindow, IconEye, IconEyeOff, IconRefresh } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useRotateWidgetSecret, useWidgetInstallation } from '../../api/email.ts';
import { useSession } from '../../api/session.ts';
import { useSurveys } from '../../api/surveys.ts';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { CopyField } from '../../components/CopyField.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { NoPermission } from '../../components/NoPermission.tsx';
import { Page } from '../../components/Page.tsx';
import { notifySuccess } from '../../lib/notify.ts';
import { canAdminister } from '../../lib/permissions.ts';

const SIGN_EXAMPLE = `// Node.js, on your server
import { createHmac } from 'node:crypto';
const userHash = createHmac('sha256', KOE_WIDGET_SECRET).update(user.id).digest('hex');`;

function Section({ title, description, children }: { title: string; description?: string; children: React.ReactNode }) {
  return (
    <Paper withBorder radius="md" p="lg">
      <Title order={2} size="h5" mb={description ? 4 : 'sm'}>
        {title}
      </Title>
      {description && (
        <Text size="sm" c="dimmed" mb="sm">
          {description}
        </Text>
      )}
      {children}
    </Paper>
  );
}

/** The one script tag to paste into a site, and the secret that proves who a signed-in visitor is. */
export function WidgetSettings() {
  const { t } = useTranslation();
  const me = useSession();
  const editable = canAdminister(me.role);
  const installation = useWidgetInstallation(editable);
  const rotate = useRotateWidgetSecret();
  const surveys = useSurveys();
  const [revealed, setRevealed] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const widgetSurveys = (surveys.data ?? []).filter((s) => s.settings.widget.enabled);

  if (!editable) {
    return (
      <Page title={t('settings.widget')} description={t('widget.description')} maxWidth={860}>
        <NoPermission />
      </Page>
    );
  }

  return (
    <Page title={t('settings.widget')} description={t('widget.description')} maxWidth={860}>
      {installation.isPending ? (
        <Stack aria-busy="true">
          <Skeleton height={140} />
          <Skeleton height={160} />
        </Stack>
      ) : installation.isError ? (
        <ErrorState error={installation.error} onRetry={() => void installation.refetch()} />
      ) : (
        <Stack gap="lg">
          <Section title={t('widget.snippet')} description={t('widget.snippetHint')}>
            <CopyField value={installation.data.snippet} testId="widget-snippet" />
            <Text size="xs" c="dimmed" mt="xs">
              {t('widget.eventHint')} <Code>koe('track', 'checkout_completed')</Code>
            </Text>
          </Section>
          <Section title={t('widget.secret')} description={t('widget.secretHint')}>
            <Stack gap="sm">
              {revealed ? (
                <CopyField value={installation.data.secret} testId="widget-secret" />
              ) : (
                <Code block>{'•'.repeat(32)}</Code>
              )}
              <Group gap="xs">
                <Button
                  variant="default"
                  size="xs"
                  leftSection={revealed ? <IconEyeOff size={14} /> : <IconEye size={14} />}
                  onClick={() => setRevealed((r) => !r)}
                  data-testid="widget-reveal"
                >
                  {revealed ? t('widget.hide') : t('widget.reveal')}
                </Button>
                <Button
                  variant="subtle"
                  color="red"
                  size="xs"
                  leftSection={<IconRefresh size={14} />}
                  onClick={() => setConfirming(true)}
                >
                  {t('widget.rotate')}
                </Button>
              </Group>
              <Code block>{SIGN_EXAMPLE}</Code>
              <Text size="xs" c="dimmed">
                {t('widget.signHint')}
              </Text>
            </Stack>
          </Section>
          <Section title={t('widget.surveys')} description={t('widget.surveysHint')}>
            {widgetSurveys.length === 0 ? (
              <Alert variant="light" color="gray" icon={<IconAppWindow size={18} />}>
                {t('widget.noSurveys')}
              </Alert>
            ) : (
              <List size="sm" spacing={4}>
                {widgetSurveys.map((survey) => (
                  <List.Item key={survey.id}>
                    <Anchor component={Link} to={`/feedback/surveys/${survey.id}?tab=distribution`} size="sm">
                      {survey.name}
                    </Anchor>{' '}
                    <Text span size="xs" c="dimmed">
                      {t('surveys.widgetDetail', { count: survey.settings.widget.triggers.length })}
                      {survey.status !== 'active' ? ` · ${t(`surveyStatus.${survey.status}`)}` : ''}
                    </Text>
                  </List.Item>
                ))}
              </List>
            )}
          </Section>
        </Stack>
      )}
      <ConfirmDialog
        opened={confirming}
        title={t('widget.rotate')}
        message={t('widget.rotateConfirm')}
        confirmLabel={t('widget.rotate')}
        loading={rotate.isPending}
        error={rotate.error}
        onClose={() => {
          rotate.reset();
          setConfirming(false);
        }}
        onConfirm={() =>
          rotate.mutate(undefined, {
            onSuccess: () => {
              notifySuccess(t('widget.rotated'));
              setConfirming(false);
              setRevealed(true);
            },
          })
        }
      />
    </Page>
  );
}
