import { Anchor, Group, Paper, Stack, Text, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { SurveySummary } from '../../../../shared/contracts/survey-results.ts';
import { RelativeTime } from '../../../components/RelativeTime.tsx';
import { ScoreBadge } from '../../../components/SurveyBadges.tsx';
import { CardTitle } from './ScoreCards.tsx';

/** The newest comments with their scores; each opens the response. */
export function LatestComments({ summary }: { summary: SurveySummary }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const all = `/feedback/responses?surveyId=${summary.surveyId}&hasComment=true`;
  return (
    <Paper withBorder radius="md" p="md" data-testid="summary-comments">
      <Group justify="space-between" align="flex-start">
        <CardTitle>{t('summary.latestComments')}</CardTitle>
        <Anchor component={Link} to={all} size="sm">
          {t('summary.allComments')}
        </Anchor>
      </Group>
      {summary.latestComments.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('summary.noComments')}
        </Text>
      ) : (
        <Stack gap={0}>
          {summary.latestComments.map((comment) => (
            <UnstyledButton
              key={comment.id}
              className="koe-row"
              onClick={() => navigate(`/feedback/responses?surveyId=${summary.surveyId}&response=${comment.id}`)}
              py="sm"
              px="xs"
              style={{ borderTop: '1px solid var(--mantine-color-gray-2)', borderRadius: 4 }}
              data-testid="summary-comment"
            >
              <Group justify="space-between" wrap="nowrap" mb={4} gap="xs">
                <Group gap="xs" wrap="nowrap" style={{ minWidth: 0 }}>
                  <ScoreBadge kind={summary.kind} score={comment.score} scale={summary.scale} size="sm" />
                  <Text size="xs" c="dimmed" truncate>
                    {comment.contactName ?? t('responses.anonymous')}
                  </Text>
                </Group>
                <RelativeTime iso={comment.submittedAt} />
              </Group>
              <Text size="sm" lineClamp={3} className="koe-text" lang={comment.language}>
                {comment.comment}
              </Text>
            </UnstyledButton>
          ))}
        </Stack>
      )}
    </Paper>
  );
}
