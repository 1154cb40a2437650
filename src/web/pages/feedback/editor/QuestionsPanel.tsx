import { Badge, Button, Checkbox, Group, NumberInput, Paper, Stack, Switch, Text } from '@mantine/core';
import { IconListCheck, IconMessage2 } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Question, SurveyDefinition } from '../../../../shared/contracts/surveys.ts';
import { kindScale } from '../../../lib/surveyScores.ts';
import { textsFor } from '../surveys/blankSurvey.ts';
import { ChoiceQuestionFields } from './ChoiceQuestionFields.tsx';
import {
  type CommentQuestion,
  isNewId,
  moveQuestion,
  newId,
  removeQuestion,
  replaceQuestion,
  withWhyQuestion,
} from './draft.ts';
import { QuestionCard, StoredId } from './QuestionCard.tsx';
import { TextsInput } from './TextsInput.tsx';

interface QuestionsPanelProps {
  definition: SurveyDefinition;
  onChange: (definition: SurveyDefinition) => void;
  errorAt: (path: string) => string | undefined;
  disabled?: boolean;
}

const MAX_QUESTIONS = 20;

export function QuestionsPanel({ definition, onChange, errorAt, disabled }: QuestionsPanelProps) {
  const { t } = useTranslation();
  const scale = kindScale(definition.kind, definition.scale);
  const why = definition.questions.find((q): q is CommentQuestion => q.type === 'comment' && q.id === 'why');
  const last = definition.questions.length - 1;

  const update = (index: number, question: Question) => onChange(replaceQuestion(definition, index, question));

  const addQuestion = (type: 'choice' | 'comment') => {
    const question: Question =
      type === 'choice'
        ? {
            id: newId(),
            type: 'choice',
            prompt: {},
            multiple: false,
            required: false,
            options: [
              { id: newId(), label: {} },
              { id: newId(), label: {} },
            ],
          }
        : { id: newId(), type: 'comment', prompt: {}, required: false };
    onChange({ ...definition, questions: [...definition.questions, question] });
  };

  return (
    <Stack gap="md">
      {definition.questions.map((question, index) => {
        const path = `definition.questions.${index}`;
        if (question.type === 'score') {
          return (
            <QuestionCard
              key={question.id}
              title={t('surveyEditor.scoreQuestion')}
              badge={
                <Badge variant="light" radius="sm">
                  {t('surveyEditor.scaleRange', { min: scale.min, max: scale.max })}
                </Badge>
              }
              testId="question-score"
            >
              {definition.kind === 'rating' && (
                <Group gap="sm" align="flex-start">
                  <NumberInput
                    label={t('surveyEditor.scaleMin')}
                    min={0}
                    max={1}
                    w={140}
                    value={scale.min}
                    onChange={(value) =>
                      onChange({ ...definition, scale: { ...scale, min: Number(value) === 0 ? 0 : 1 } })
                    }
                    error={errorAt('definition.scale')}
                    disabled={disabled}
                  />
                  <NumberInput
                    label={t('surveyEditor.scaleMax')}
                    min={1}
                    max={10}
                    w={140}
                    value={scale.max}
                    onChange={(value) =>
                      onChange({ ...definition, scale: { ...scale, max: Math.min(10, Math.max(1, Number(value))) } })
                    }
                    disabled={disabled}
                  />
                </Group>
              )}
              <TextsInput
                label={t('surveyEditor.prompt')}
                required
                multiline
                value={question.prompt}
                onChange={(prompt) => update(index, { ...question, prompt })}
                error={errorAt(`${path}.prompt`)}
                testId="score-prompt"
                disabled={disabled}
              />
              <TextsInput
                label={t('surveyEditor.lowLabel', { score: scale.min })}
                value={question.lowLabel}
                onChange={(lowLabel) => update(index, { ...question, lowLabel })}
                error={errorAt(`${path}.lowLabel`)}
                disabled={disabled}
              />
              <TextsInput
                label={t('surveyEditor.highLabel', { score: scale.max })}
                value={question.highLabel}
                onChange={(highLabel) => update(index, { ...question, highLabel })}
                error={errorAt(`${path}.highLabel`)}
                disabled={disabled}
              />
            </QuestionCard>
          );
        }
        const common = {
          onMove: (by: -1 | 1) => onChange(moveQuestion(definition, index, by)),
          canMoveUp: index > 1,
          canMoveDown: index < last,
          footer: <StoredId id={question.id} isNew={isNewId(question.id)} />,
        };
        if (question.type === 'comment') {
          const isWhy = question.id === 'why';
          return (
            <QuestionCard
              key={question.id}
              title={isWhy ? t('surveyEditor.whyQuestion') : t('surveyEditor.commentQuestion')}
              onRemove={disabled ? undefined : () => onChange(removeQuestion(definition, index))}
              testId="question-comment"
              {...common}
            >
              <TextsInput
                label={t('surveyEditor.prompt')}
                required
                multiline
                value={question.prompt}
                onChange={(prompt) => update(index, { ...question, prompt })}
                error={errorAt(`${path}.prompt`)}
                disabled={disabled}
              />
              <Checkbox
                label={t('surveyEditor.required')}
                checked={question.required}
                onChange={(event) => update(index, { ...question, required: event.currentTarget.checked })}
                disabled={disabled}
              />
            </QuestionCard>
          );
        }
        return (
          <QuestionCard
            key={question.id}
            title={t('surveyEditor.choiceQuestion')}
            onRemove={disabled ? undefined : () => onChange(removeQuestion(definition, index))}
            testId="question-choice"
            {...common}
          >
            <ChoiceQuestionFields
              question={question}
              onChange={(next) => update(index, next)}
              errorAt={errorAt}
              path={path}
              disabled={disabled}
            />
          </QuestionCard>
        );
      })}
      <Paper withBorder radius="md" p="md" bg="gray.0">
        <Stack gap="sm">
          <Switch
            label={t('surveyEditor.askWhy')}
            description={t('surveyEditor.askWhyHint')}
            checked={Boolean(why)}
            disabled={disabled}
            data-testid="ask-why"
            onChange={(event) =>
              onChange(
                withWhyQuestion(
                  definition,
                  event.currentTarget.checked
                    ? { id: 'why', type: 'comment', prompt: textsFor('respondent.defaults.why'), required: false }
                    : null,
                ),
              )
            }
          />
          <Group gap="xs">
            <Button
              variant="default"
              size="xs"
              leftSection={<IconListCheck size={14} />}
              onClick={() => addQuestion('choice')}
              disabled={disabled || definition.questions.length >= MAX_QUESTIONS}
              data-testid="add-choice"
            >
              {t('surveyEditor.addChoice')}
            </Button>
            <Button
              variant="default"
              size="xs"
              leftSection={<IconMessage2 size={14} />}
              onClick={() => addQuestion('comment')}
              disabled={disabled || definition.questions.length >= MAX_QUESTIONS}
            >
              {t('surveyEditor.addComment')}
            </Button>
          </Group>
          <Text size="xs" c="dimmed">
            {t('surveyEditor.questionsHint')}
          </Text>
        </Stack>
      </Paper>
      <Paper withBorder radius="md" p="md">
        <TextsInput
          label={t('surveyEditor.thankYou')}
          required
          multiline
          value={definition.thankYou}
          onChange={(thankYou) => onChange({ ...definition, thankYou })}
          error={errorAt('definition.thankYou')}
          disabled={disabled}
        />
      </Paper>
    </Stack>
  );
}
