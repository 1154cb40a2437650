import { ActionIcon, Button, Checkbox, Group, Input, Stack, Text, TextInput, Tooltip } from '@mantine/core';
import { IconPlus, IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { SURVEY_LANGUAGES } from '../surveys/blankSurvey.ts';
import { type ChoiceQuestion, isNewId, newId } from './draft.ts';
import { TextsInput } from './TextsInput.tsx';

interface ChoiceQuestionFieldsProps {
  question: ChoiceQuestion;
  onChange: (question: ChoiceQuestion) => void;
  errorAt: (path: string) => string | undefined;
  /** Path of this question in the definition, for server errors (`definition.questions.2`). */
  path: string;
  disabled?: boolean;
}

const MAX_OPTIONS = 20;

/** A choice question: its prompt, single or multiple answers, and options stored by id. */
export function ChoiceQuestionFields({ question, onChange, errorAt, path, disabled }: ChoiceQuestionFieldsProps) {
  const { t } = useTranslation();
  const setOption = (index: number, language: string, text: string) => {
    const labelOf = (label: Record<string, string>) => {
      const next = { ...label, [language]: text };
      if (!text) delete next[language];
      return next;
    };
    onChange({
      ...question,
      options: question.options.map((option, i) =>
        i === index ? { ...option, label: labelOf(option.label) } : option,
      ),
    });
  };

  return (
    <>
      <TextsInput
        label={t('surveyEditor.prompt')}
        required
        multiline
        value={question.prompt}
        onChange={(prompt) => onChange({ ...question, prompt })}
        error={errorAt(`${path}.prompt`)}
        disabled={disabled}
      />
      <Group gap="lg">
        <Checkbox
          label={t('surveyEditor.multiple')}
          checked={question.multiple}
          onChange={(event) => onChange({ ...question, multiple: event.currentTarget.checked })}
          disabled={disabled}
        />
        <Checkbox
          label={t('surveyEditor.required')}
          checked={question.required}
          onChange={(event) => onChange({ ...question, required: event.currentTarget.checked })}
          disabled={disabled}
        />
      </Group>
      <Input.Wrapper
        label={t('surveyEditor.options')}
        description={t('surveyEditor.optionsHint')}
        error={errorAt(`${path}.options`)}
      >
        <Stack gap="xs" mt={6}>
          {question.options.map((option, index) => (
            <Group key={option.id} gap="xs" wrap="nowrap" align="center" data-testid="choice-option">
              <Text size="xs" c="dimmed" w={16} ta="right">
                {index + 1}
              </Text>
              {SURVEY_LANGUAGES.map((language) => (
                <TextInput
                  key={language}
                  lang={language}
                  value={option.label[language] ?? ''}
                  onChange={(event) => setOption(index, language, event.currentTarget.value)}
                  aria-label={`${t('surveyEditor.option', { number: index + 1 })} (${t(`language.${language}`)})`}
                  leftSection={
                    <Text size="xs" fw={600} c="dimmed">
                      {language.toUpperCase()}
                    </Text>
                  }
                  leftSectionWidth={34}
                  style={{ flex: 1, minWidth: 0 }}
                  error={Boolean(errorAt(`${path}.options.${index}`))}
                  disabled={disabled}
                />
              ))}
              <Tooltip
                label={isNewId(option.id) ? t('surveyEditor.idOnSave') : t('surveyEditor.idHint')}
                multiline
                maw={280}
              >
                <Text size="xs" c="dimmed" ff="monospace" w={110} truncate data-testid="option-id">
                  {isNewId(option.id) ? t('surveyEditor.newOption') : option.id}
                </Text>
              </Tooltip>
              <Tooltip label={t('surveyEditor.removeOption')}>
                <ActionIcon
                  variant="subtle"
                  color="gray"
                  disabled={disabled || question.options.length <= 2}
                  onClick={() => onChange({ ...question, options: question.options.filter((_, i) => i !== index) })}
                  aria-label={`${t('surveyEditor.removeOption')} ${index + 1}`}
                >
                  <IconX size={16} />
                </ActionIcon>
              </Tooltip>
            </Group>
          ))}
          <Group>
            <Button
              variant="subtle"
              size="xs"
              leftSection={<IconPlus size={14} />}
              disabled={disabled || question.options.length >= MAX_OPTIONS}
              onClick={() => onChange({ ...question, options: [...question.options, { id: newId(), label: {} }] })}
            >
              {t('surveyEditor.addOption')}
            </Button>
          </Group>
        </Stack>
      </Input.Wrapper>
    </>
  );
}
