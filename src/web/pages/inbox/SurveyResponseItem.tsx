import { Anchor, Box, Group, Paper, Text } from '@mantine/core';
import { IconMessageStar } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { SurveyResponse } from '../../../shared/contracts/surveys.ts';
import { CollapsibleText } from '../../components/CollapsibleText.tsx';
import { SurveyScoreBadge } from '../../components/SurveyScoreBadge.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { useLocale } from '../../lib/useLocale.ts';

/** A survey answer about this conversation, in the thread where it happened: score, band and comment. */
export function SurveyResponseItem({ response, customerName }: { response: SurveyResponse; customerName: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <Box style={{ display: 'flex', justifyContent: 'center' }} data-testid="thread-survey-response">
      <Paper
        px="md"
        py="xs"
        radius="md"
        w="min(100%, 520px)"
        style={{ background: 'var(--mantine-color-white)', border: '1px solid var(--mantine-color-teal-3)' }}
      >
        <Group justify="space-between" gap="xs" wrap="nowrap" mb={4}>
          <Group gap={6} wrap="nowrap" style={{ minWidth: 0 }}>
            <IconMessageStar size={14} color="var(--mantine-color-teal-7)" aria-hidden />
            <Text size="xs" fw={600} c="teal.8" truncate>
              {t('conversation.surveyAnswered', { name: response.contact?.name || customerName })}
            </Text>
          </Group>
          <Text component="time" dateTime={response.submittedAt} size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
            {formatDateTime(response.submittedAt, locale)}
          </Text>
        </Group>
        <Group gap={6} wrap="nowrap" mb={response.comment ? 4 : 0}>
          <SurveyScoreBadge surveyId={response.surveyId} kind={response.kind} score={response.score} size="sm" />
          <Anchor component={Link} to={`/feedback/responses?response=${response.id}`} size="xs" truncate>
            {response.surveyName ?? t('responses.survey')}
          </Anchor>
        </Group>
        {response.comment && <CollapsibleText text={response.comment} maxHeight={120} />}
      </Paper>
    </Box>
  );
}
