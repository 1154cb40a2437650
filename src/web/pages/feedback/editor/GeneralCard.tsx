import { Group, Input, Paper, SegmentedControl, Select, SimpleGrid, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { SURVEY_STATUSES, type SurveyStatus } from '../../../../shared/contracts/surveys.ts';
import { SurveyKindBadge } from '../../../components/SurveyBadges.tsx';
import { languageName } from '../../../lib/format.ts';
import { useLocale } from '../../../lib/useLocale.ts';
import { SURVEY_LANGUAGES } from '../surveys/blankSurvey.ts';
import type { Draft } from './draft.ts';

interface GeneralCardProps {
  draft: Draft;
  onChange: (change: Partial<Draft>) => void;
  errorAt: (path: string) => string | undefined;
  disabled?: boolean;
}

/** Name, kind (fixed once created), status and the language respondents fall back to. */
export function GeneralCard({ draft, onChange, errorAt, disabled }: GeneralCardProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const kind = draft.definition.kind;
  return (
    <Paper withBorder radius="md" p="md">
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md" verticalSpacing="sm">
        <TextInput
          label={t('surveys.name')}
          required
          value={draft.name}
          onChange={(event) => onChange({ name: event.currentTarget.value })}
          error={errorAt('name')}
          disabled={disabled}
          data-testid="survey-name"
        />
        <Input.Wrapper label={t('surveys.kind')} description={t('surveyEditor.kindFixed')}>
          <Group gap="xs" mt={6} wrap="nowrap">
            <SurveyKindBadge kind={kind} />
            <Text size="sm">{t(`surveyKinds.${kind}.name`)}</Text>
          </Group>
        </Input.Wrapper>
        <Input.Wrapper label={t('surveys.status')} description={t(`surveyEditor.statusHint.${draft.status}`)}>
          <SegmentedControl
            mt={6}
            fullWidth
            value={draft.status}
            onChange={(value) => onChange({ status: value as SurveyStatus })}
            data={SURVEY_STATUSES.map((status) => ({ value: status, label: t(`surveyStatus.${status}`) }))}
            disabled={disabled}
            data-testid="survey-status-control"
            color={draft.status === 'active' ? 'green' : draft.status === 'archived' ? 'dark' : undefined}
          />
        </Input.Wrapper>
        <Select
          label={t('surveyEditor.defaultLanguage')}
          description={t('surveyEditor.defaultLanguageHint')}
          data={SURVEY_LANGUAGES.map((language) => ({
            value: language,
            label: languageName(language, locale) ?? language,
          }))}
          value={draft.definition.defaultLanguage}
          onChange={(value) => value && onChange({ definition: { ...draft.definition, defaultLanguage: value } })}
          allowDeselect={false}
          disabled={disabled}
        />
      </SimpleGrid>
    </Paper>
  );
}
