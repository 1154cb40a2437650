import { ActionIcon, Anchor, Button, Group, Paper, Stack, Table, Text, Tooltip } from '@mantine/core';
import { IconChartBar, IconClipboardList, IconPlus, IconSend } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Survey } from '../../../../shared/contracts/surveys.ts';
import { useSession } from '../../../api/session.ts';
import { useSurveys } from '../../../api/surveys.ts';
import { Empty } from '../../../components/Empty.tsx';
import { ErrorState } from '../../../components/ErrorState.tsx';
import { ListSkeleton } from '../../../components/ListSkeleton.tsx';
import { Page } from '../../../components/Page.tsx';
import { RelativeTime } from '../../../components/RelativeTime.tsx';
import { SurveyKindBadge, SurveyStatusBadge } from '../../../components/SurveyBadges.tsx';
import { canManage } from '../../../lib/permissions.ts';
import { FeedbackTabs } from '../FeedbackTabs.tsx';
import { SendSurveyDialog } from '../send/SendSurveyDialog.tsx';
import { DistributionSummary } from './DistributionSummary.tsx';
import { NewSurveyDialog } from './NewSurveyDialog.tsx';
import { ScoreCell } from './ScoreCell.tsx';

export function SurveysPage() {
  const { t } = useTranslation();
  const me = useSession();
  const surveys = useSurveys();
  const [creating, setCreating] = useState(false);
  const [sending, setSending] = useState<Survey | null>(null);
  const editable = canManage(me.role);

  const createButton = editable && (
    <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)} data-testid="survey-new">
      {t('surveys.new')}
    </Button>
  );

  let body: React.ReactNode;
  if (surveys.isPending) body = <ListSkeleton rows={4} height={48} />;
  else if (surveys.isError) body = <ErrorState error={surveys.error} onRetry={() => void surveys.refetch()} />;
  else if (surveys.data.length === 0)
    body = (
      <Empty
        icon={<IconClipboardList />}
        title={t('surveys.empty')}
        description={t('surveys.emptyHint')}
        action={createButton}
      />
    );
  else
    body = (
      <Paper withBorder radius="md">
        <Table.ScrollContainer minWidth={880}>
          <Table verticalSpacing="sm" horizontalSpacing="md" highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('surveys.name')}</Table.Th>
                <Table.Th>{t('surveys.kind')}</Table.Th>
                <Table.Th>{t('surveys.status')}</Table.Th>
                <Table.Th>{t('surveys.distribution')}</Table.Th>
                <Table.Th>{t('surveys.result')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {surveys.data.map((survey) => (
                <Table.Tr key={survey.id} data-testid="survey-row">
                  <Table.Td maw={320}>
                    <Anchor component={Link} to={`/feedback/surveys/${survey.id}`} fw={600} size="sm">
                      {survey.name}
                    </Anchor>
                    <Group gap={6} wrap="nowrap">
                      <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                        {t('surveys.version', { version: survey.version })} ·
                      </Text>
                      <RelativeTime iso={survey.updatedAt} />
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    <SurveyKindBadge kind={survey.kind} />
                  </Table.Td>
                  <Table.Td>
                    <SurveyStatusBadge status={survey.status} />
                  </Table.Td>
                  <Table.Td maw={300}>
                    <DistributionSummary survey={survey} />
                  </Table.Td>
                  <Table.Td>
                    <ScoreCell survey={survey} />
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4} wrap="nowrap" justify="flex-end">
                      <Tooltip label={t('surveys.openSummary')}>
                        <ActionIcon
                          component={Link}
                          to={`/feedback/surveys/${survey.id}/summary`}
                          variant="subtle"
                          aria-label={`${t('surveys.openSummary')}: ${survey.name}`}
                          data-testid="survey-summary-link"
                        >
                          <IconChartBar size={18} />
                        </ActionIcon>
                      </Tooltip>
                      {editable && survey.status === 'active' && (
                        <Tooltip label={t('send.title')}>
                          <ActionIcon
                            variant="subtle"
                            aria-label={`${t('send.title')}: ${survey.name}`}
                            onClick={() => setSending(survey)}
                          >
                            <IconSend size={18} />
                          </ActionIcon>
                        </Tooltip>
                      )}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Paper>
    );

  return (
    <Page
      title={t('nav.feedback')}
      description={t('surveys.description')}
      actions={surveys.data && surveys.data.length > 0 ? createButton : null}
      tabs={<FeedbackTabs active="surveys" />}
      maxWidth={1200}
    >
      <Stack gap="md">{body}</Stack>
      {creating && <NewSurveyDialog onClose={() => setCreating(false)} />}
      {sending && <SendSurveyDialog survey={sending} onClose={() => setSending(null)} />}
    </Page>
  );
}
