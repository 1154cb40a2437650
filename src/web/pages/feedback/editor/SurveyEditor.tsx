import { Alert, Badge, Box, Button, Group, Stack, Tabs, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconChartBar, IconDeviceFloppy, IconGitBranch, IconSend } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { Survey } from '../../../../shared/contracts/surveys.ts';
import { ApiError } from '../../../api/client.ts';
import { useSession } from '../../../api/session.ts';
import { useInvitations, useUpdateSurvey } from '../../../api/surveys.ts';
import { ErrorState } from '../../../components/ErrorState.tsx';
import { Page } from '../../../components/Page.tsx';
import { SurveyKindBadge, SurveyStatusBadge } from '../../../components/SurveyBadges.tsx';
import { notifySuccess } from '../../../lib/notify.ts';
import { canManage } from '../../../lib/permissions.ts';
import { BackToSurveys } from '../BackToSurveys.tsx';
import { SendSurveyDialog } from '../send/SendSurveyDialog.tsx';
import { DistributionPanel } from './DistributionPanel.tsx';
import { changesOf, type Draft, draftOf } from './draft.ts';
import { GeneralCard } from './GeneralCard.tsx';
import { QuestionsPanel } from './QuestionsPanel.tsx';
import { SurveyPreview } from './SurveyPreview.tsx';
import { ThrottlingPanel } from './ThrottlingPanel.tsx';
import { UnsavedChangesGuard } from './UnsavedChangesGuard.tsx';
import { messageAt, validateDraft } from './validate.ts';

const TABS = ['questions', 'distribution', 'throttling'] as const;
type Tab = (typeof TABS)[number];

/** Settings on the left, the respondent's view on the right; one Save for everything. */
export function SurveyEditor({ survey }: { survey: Survey }) {
  const { t } = useTranslation();
  const me = useSession();
  const editable = canManage(me.role);
  const update = useUpdateSurvey(survey.id);
  const invitations = useInvitations(survey.id, 1);
  const [params, setParams] = useSearchParams();
  const tab: Tab = TABS.find((value) => value === params.get('tab')) ?? 'questions';
  const [draft, setDraft] = useState<Draft>(() => draftOf(survey));
  const [showErrors, setShowErrors] = useState(false);
  const [sending, setSending] = useState(false);
  const wide = useMediaQuery('(min-width: 75em)', true);

  const changes = useMemo(() => changesOf(survey, draft), [survey, draft]);
  const dirty = Object.keys(changes).length > 0;
  const clientErrors = useMemo(() => validateDraft(draft, t), [draft, t]);
  const serverErrors = update.error instanceof ApiError ? update.error.fieldErrors : {};
  const errorAt = (path: string) =>
    (showErrors ? messageAt(clientErrors, path) : undefined) ?? messageAt(serverErrors, path);
  const unplacedServerError =
    update.error && !(update.error instanceof ApiError && Object.keys(serverErrors).length > 0);

  // Sent at least once: a changed definition becomes a new version (past answers keep theirs).
  const sent = survey.version > 1 || (invitations.data?.pages[0]?.data.length ?? 0) > 0;
  const definitionChanged = 'definition' in changes;

  const change = (part: Partial<Draft>) => setDraft((current) => ({ ...current, ...part }));

  const save = () => {
    if (Object.keys(clientErrors).length > 0) {
      setShowErrors(true);
      return;
    }
    update.mutate(changes, {
      onSuccess: (saved) => {
        setDraft(draftOf(saved));
        setShowErrors(false);
        notifySuccess(
          saved.version > survey.version
            ? t('surveyEditor.savedAsVersion', { version: saved.version })
            : t('common.saved'),
        );
      },
    });
  };

  const panels: Record<Tab, React.ReactNode> = {
    questions: (
      <QuestionsPanel
        definition={draft.definition}
        onChange={(definition) => change({ definition })}
        errorAt={errorAt}
        disabled={!editable}
      />
    ),
    distribution: (
      <DistributionPanel
        settings={draft.settings}
        onChange={(settings) => change({ settings })}
        linkUrl={survey.linkUrl}
        linkSaved={survey.settings.anonymousLink}
        errorAt={errorAt}
        disabled={!editable}
      />
    ),
    throttling: (
      <ThrottlingPanel
        recontactDays={draft.settings.recontactDays}
        onChange={(recontactDays) => change({ settings: { ...draft.settings, recontactDays } })}
        error={errorAt('settings.recontactDays')}
        disabled={!editable}
      />
    ),
  };

  return (
    <Page
      above={<BackToSurveys />}
      title={survey.name}
      maxWidth={1480}
      description={
        <Group gap="xs" mt={2}>
          <SurveyKindBadge kind={survey.kind} />
          <SurveyStatusBadge status={survey.status} />
          <Badge variant="light" color="gray" radius="sm" leftSection={<IconGitBranch size={12} />}>
            {t('surveys.version', { version: survey.version })}
          </Badge>
          {dirty && (
            <Text size="sm" c="orange.8" fw={500} data-testid="unsaved">
              {t('surveyEditor.unsaved')}
            </Text>
          )}
        </Group>
      }
      actions={
        <>
          <Button
            component={Link}
            to={`/feedback/surveys/${survey.id}/summary`}
            variant="default"
            leftSection={<IconChartBar size={16} />}
            data-testid="open-summary"
          >
            {t('surveys.openSummary')}
          </Button>
          {editable && (
            <Button
              variant="default"
              leftSection={<IconSend size={16} />}
              onClick={() => setSending(true)}
              disabled={survey.status !== 'active' || dirty}
              title={survey.status !== 'active' ? t('send.activeOnly') : undefined}
            >
              {t('send.title')}
            </Button>
          )}
          {editable && (
            <Button
              leftSection={<IconDeviceFloppy size={16} />}
              onClick={save}
              disabled={!dirty}
              loading={update.isPending}
              data-testid="survey-save"
            >
              {t('common.save')}
            </Button>
          )}
        </>
      }
    >
      <Box
        style={{
          display: 'grid',
          gridTemplateColumns: wide ? 'minmax(0, 1fr) minmax(0, 1fr)' : 'minmax(0, 1fr)',
          gap: 'var(--mantine-spacing-lg)',
          alignItems: 'start',
        }}
      >
        <Stack gap="md">
          {unplacedServerError ? <ErrorState error={update.error} /> : null}
          {showErrors && Object.keys(clientErrors).length > 0 && (
            <Alert color="red" variant="light">
              {t('surveyEditor.fixErrors')}
            </Alert>
          )}
          <GeneralCard draft={draft} onChange={change} errorAt={errorAt} disabled={!editable} />
          {sent && (
            <Alert
              color={definitionChanged ? 'yellow' : 'gray'}
              variant="light"
              icon={<IconGitBranch size={18} />}
              data-testid="version-notice"
            >
              {definitionChanged
                ? t('surveyEditor.newVersionNotice', { next: survey.version + 1 })
                : t('surveyEditor.versionHint', { version: survey.version })}
            </Alert>
          )}
          <Tabs
            value={tab}
            onChange={(value) =>
              setParams(
                (current) => {
                  const next = new URLSearchParams(current);
                  if (value && value !== 'questions') next.set('tab', value);
                  else next.delete('tab');
                  return next;
                },
                { replace: true },
              )
            }
          >
            <Tabs.List mb="md">
              {TABS.map((value) => (
                <Tabs.Tab key={value} value={value} data-testid={`editor-tab-${value}`}>
                  {t(`surveyEditor.tabs.${value}`)}
                </Tabs.Tab>
              ))}
            </Tabs.List>
          </Tabs>
          {panels[tab]}
        </Stack>
        <Box style={wide ? { position: 'sticky', top: 16 } : undefined}>
          <SurveyPreview definition={draft.definition} />
        </Box>
      </Box>
      {sending && <SendSurveyDialog survey={survey} onClose={() => setSending(false)} />}
      <UnsavedChangesGuard when={dirty && !update.isPending} />
    </Page>
  );
}
