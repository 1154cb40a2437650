import { Badge, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SurveyResponseDetail } from '../../../../shared/contracts/survey-results.ts';
import { CollapsibleText } from '../../../components/CollapsibleText.tsx';
import { ScoreBadge } from '../../../components/SurveyBadges.tsx';
import { useLocale } from '../../../lib/useLocale.ts';
import { pickText } from '../editor/respondentView.ts';

/**
 * Every answer beside its question, in the words of the survey version that was
 * answered (choice answers are stored by option id and labelled here).
 */
export function ResponseAnswers({ response }: { response: SurveyResponseDetail }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { definition } = response;
  const text = (texts: Record<string, string> | undefined) => pickText(texts, locale, definition.defaultLanguage);
  const answerOf = (questionId: string) => response.answers.find((a) => a.questionId === questionId);
  const firstComment = definition.questions.find((q) => q.type === 'comment');
  const notAnswered = (
    <Text size="sm" c="dimmed" fs="italic">
      {t('responses.notAnswered')}
    </Text>
  );

  return (
    <Stack gap="md">
      {definition.questions.map((question) => {
        const answer = answerOf(question.id);
        let value: React.ReactNode = notAnswered;
        if (question.type === 'score') {
          value = <ScoreBadge kind={response.kind} score={response.score} scale={definition.scale} size="lg" />;
        } else if (question.type === 'comment') {
          const comment = answer?.text ?? (question === firstComment ? response.comment : null);
          if (answer?.skipped) value = notAnswered;
          else if (comment) value = <CollapsibleText text={comment} maxHeight={160} />;
        } else if (answer?.optionIds?.length) {
          value = (
            <Group gap={6}>
              {answer.optionIds.map((id) => {
                const option = question.options.find((o) => o.id === id);
                return (
                  <Badge key={id} variant="light" color="gray" radius="sm" tt="none">
                    {option ? text(option.label) : id}
                  </Badge>
                );
              })}
            </Group>
          );
        }
        return (
          <Stack key={question.id} gap={4} data-testid="response-answer">
            <Text size="sm" fw={600}>
              {text(question.prompt)}
            </Text>
            {value}
          </Stack>
        );
      })}
    </Stack>
  );
}
