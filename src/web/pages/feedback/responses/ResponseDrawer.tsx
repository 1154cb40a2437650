import { Anchor, Button, Divider, Drawer, Group, Paper, SimpleGrid, Skeleton, Stack, Text } from '@mantine/core';
import { IconExternalLink, IconInbox } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { SurveyResponseDetail } from '../../../../shared/contracts/survey-results.ts';
import { useSurveyResponse } from '../../../api/surveyResponses.ts';
import { useMembers, useTeams } from '../../../api/workspace.ts';
import { StatusBadge } from '../../../components/Badges.tsx';
import { ChannelIcon, isChannel } from '../../../components/ChannelIcon.tsx';
import { ErrorState } from '../../../components/ErrorState.tsx';
import { SurveyKindBadge } from '../../../components/SurveyBadges.tsx';
import { formatDateTime, languageName } from '../../../lib/format.ts';
import { useLocale } from '../../../lib/useLocale.ts';
import { ResponseAnswers } from './ResponseAnswers.tsx';

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" component="div">
        {children}
      </Text>
    </Stack>
  );
}

function Details({ response }: { response: SurveyResponseDetail }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const members = useMembers();
  const teams = useTeams();
  const agent = members.data?.find((m) => m.id === response.agentId)?.name;
  const team = teams.data?.find((x) => x.id === response.teamId)?.name;
  const conversation = response.conversation;

  return (
    <Stack gap="lg">
      <Group gap="xs">
        <SurveyKindBadge kind={response.kind} />
        <Anchor component={Link} to={`/feedback/surveys/${response.surveyId}/summary`} fw={600} size="sm">
          {response.surveyName ?? t('responses.survey')}
        </Anchor>
        <Text size="xs" c="dimmed">
          {t('surveys.version', { version: response.version })}
        </Text>
      </Group>
      <ResponseAnswers response={response} />
      <Divider />
      <SimpleGrid cols={2} spacing="sm" verticalSpacing="sm">
        <Fact label={t('responses.customer')}>
          {response.contactId ? (
            <Anchor component={Link} to={`/customers/contacts/${response.contactId}`} size="sm">
              {response.contact?.name || response.contact?.email || t('customers.noName')}
            </Anchor>
          ) : (
            t('responses.anonymous')
          )}
        </Fact>
        <Fact label={t('responses.submittedAt')}>{formatDateTime(response.submittedAt, locale)}</Fact>
        <Fact label={t('responses.delivery')}>{t(`responses.deliveries.${response.delivery}`)}</Fact>
        <Fact label={t('customers.locale')}>{languageName(response.language, locale) ?? '—'}</Fact>
        <Fact label={t('inbox.channel')}>
          {response.channel ? (
            <Group gap={6}>
              <ChannelIcon channel={response.channel} />
              {isChannel(response.channel) ? t(`channel.${response.channel}`) : response.channel}
            </Group>
          ) : (
            '—'
          )}
        </Fact>
        <Fact label={t('responses.agent')}>{agent ?? '—'}</Fact>
        <Fact label={t('inbox.team')}>{team ?? '—'}</Fact>
        {response.touchpoint && <Fact label={t('responses.touchpoint')}>{response.touchpoint}</Fact>}
      </SimpleGrid>
      {conversation && (
        <Paper withBorder radius="md" p="sm" data-testid="response-conversation">
          <Text size="xs" c="dimmed" mb={4}>
            {t('responses.conversation')}
          </Text>
          <Group justify="space-between" wrap="nowrap" gap="sm">
            <Group gap={6} wrap="nowrap" style={{ minWidth: 0 }}>
              <ChannelIcon channel={conversation.channel} />
              <Text size="sm" fw={500} truncate>
                {conversation.subject || t('inbox.noSubject')}
              </Text>
            </Group>
            <StatusBadge status={conversation.status} />
          </Group>
          <Button
            component={Link}
            to={`/inbox/${conversation.id}?status=all`}
            variant="light"
            size="xs"
            mt="sm"
            leftSection={<IconInbox size={14} />}
            rightSection={<IconExternalLink size={12} />}
            data-testid="open-conversation"
          >
            {t('responses.openConversation')}
          </Button>
        </Paper>
      )}
    </Stack>
  );
}

/** One response, every answer and where it came from, beside the list. */
export function ResponseDrawer({ responseId, onClose }: { responseId: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  const response = useSurveyResponse(responseId);
  return (
    <Drawer
      opened={responseId !== null}
      onClose={onClose}
      position="right"
      size={480}
      title={<Text fw={600}>{t('responses.detail')}</Text>}
      data-testid="response-drawer"
    >
      {response.isPending ? (
        <Stack aria-busy="true">
          <Skeleton height={24} width="60%" />
          <Skeleton height={60} />
          <Skeleton height={120} />
        </Stack>
      ) : response.isError ? (
        <ErrorState error={response.error} onRetry={() => void response.refetch()} />
      ) : (
        <Details response={response.data} />
      )}
    </Drawer>
  );
}
