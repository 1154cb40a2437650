import { Input, SimpleGrid, Text, Textarea, TextInput } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { SURVEY_LANGUAGES } from '../surveys/blankSurvey.ts';

interface TextsInputProps {
  label: string;
  description?: string;
  value: Record<string, string> | undefined;
  onChange: (value: Record<string, string>) => void;
  multiline?: boolean;
  required?: boolean;
  error?: string;
  testId?: string;
  disabled?: boolean;
}

/**
 * One text in Japanese and English side by side, so a translation is never forgotten.
 * Other languages the survey may carry are kept as they are.
 */
export function TextsInput({
  label,
  description,
  value,
  onChange,
  multiline,
  required,
  error,
  testId,
  disabled,
}: TextsInputProps) {
  const { t } = useTranslation();
  const id = useId();
  const texts = value ?? {};
  const set = (language: string, text: string) => {
    const next = { ...texts, [language]: text };
    // An empty translation is left out, so respondents get the default language instead of a blank.
    if (!text) delete next[language];
    onChange(Object.keys(next).length > 0 || !required ? next : { [language]: '' });
  };

  return (
    <Input.Wrapper label={label} description={description} error={error} required={required} id={id}>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs" mt={4}>
        {SURVEY_LANGUAGES.map((language) => {
          const props = {
            value: texts[language] ?? '',
            onChange: (event: { currentTarget: { value: string } }) => set(language, event.currentTarget.value),
            'aria-label': `${label} (${t(`language.${language}`)})`,
            lang: language,
            'data-testid': testId ? `${testId}-${language}` : undefined,
            leftSection: (
              <Text size="xs" fw={600} c="dimmed">
                {language.toUpperCase()}
              </Text>
            ),
            leftSectionWidth: 34,
            error: Boolean(error),
            disabled,
            placeholder: required ? undefined : t('surveyEditor.optional'),
          };
          return multiline ? (
            <Textarea key={language} autosize minRows={1} maxRows={6} {...props} />
          ) : (
            <TextInput key={language} {...props} />
          );
        })}
      </SimpleGrid>
    </Input.Wrapper>
  );
}
