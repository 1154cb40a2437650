import {
  Badge,
  Button,
  Group,
  Modal,
  Paper,
  SimpleGrid,
  Skeleton,
  Stack,
  Text,
  TextInput,
  Title,
  UnstyledButton,
} from '@mantine/core';
import { IconCheck } from '@tabler/icons-react';
import { type FormEvent, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { SURVEY_KINDS, type SurveyKind, type SurveyTemplate } from '../../../../shared/contracts/surveys.ts';
import { type CreateSurvey, useCreateSurvey, useSurveyTemplates } from '../../../api/surveys.ts';
import { ErrorState } from '../../../components/ErrorState.tsx';
import { SurveyKindBadge } from '../../../components/SurveyBadges.tsx';
import { fieldError } from '../../../lib/errors.ts';
import { notifySuccess } from '../../../lib/notify.ts';
import { useLocale } from '../../../lib/useLocale.ts';
import { blankDefinition } from './blankSurvey.ts';

type Choice = { template: SurveyTemplate } | { kind: SurveyKind };

function ChoiceCard({
  selected,
  onSelect,
  children,
  testId,
}: {
  selected: boolean;
  onSelect: () => void;
  children: ReactNode;
  testId?: string;
}) {
  return (
    <UnstyledButton onClick={onSelect} aria-pressed={selected} data-testid={testId} style={{ height: '100%' }}>
      <Paper
        withBorder
        p="sm"
        radius="md"
        h="100%"
        style={{
          borderColor: selected ? 'var(--mantine-color-koe-6)' : undefined,
          boxShadow: selected ? '0 0 0 1px var(--mantine-color-koe-6)' : undefined,
          background: selected ? 'var(--mantine-color-koe-0)' : undefined,
        }}
      >
        {children}
      </Paper>
    </UnstyledButton>
  );
}

/** Start from a ready template (Japanese and English texts included) or a blank survey of one kind. */
export function NewSurveyDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const navigate = useNavigate();
  const templates = useSurveyTemplates();
  const create = useCreateSurvey();
  const [choice, setChoice] = useState<Choice | null>(null);
  const [name, setName] = useState('');
  const [nameTouched, setNameTouched] = useState(false);
  const [nameError, setNameError] = useState<string | null>(null);

  const pick = (next: Choice, suggestedName: string) => {
    setChoice(next);
    if (!nameTouched) setName(suggestedName);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!choice) return;
    if (!name.trim()) {
      setNameError(t('common.required'));
      return;
    }
    const input: CreateSurvey =
      'template' in choice
        ? { name: name.trim(), template: choice.template.id as CreateSurvey['template'] }
        : { name: name.trim(), definition: blankDefinition(choice.kind) };
    create.mutate(input, {
      onSuccess: (survey) => {
        notifySuccess(t('surveys.created'));
        navigate(`/feedback/surveys/${survey.id}`);
      },
    });
  };

  const localized = (texts: Record<string, string>) => texts[locale] ?? Object.values(texts)[0] ?? '';

  return (
    <Modal opened onClose={onClose} title={t('surveys.new')} size="xl">
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Title order={3} size="h5">
            {t('surveys.fromTemplate')}
          </Title>
          {templates.isPending ? (
            <SimpleGrid cols={2}>
              <Skeleton height={96} />
              <Skeleton height={96} />
            </SimpleGrid>
          ) : templates.isError ? (
            <ErrorState error={templates.error} onRetry={() => void templates.refetch()} />
          ) : (
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              {templates.data.map((template) => {
                const selected = choice !== null && 'template' in choice && choice.template.id === template.id;
                return (
                  <ChoiceCard
                    key={template.id}
                    selected={selected}
                    onSelect={() => pick({ template }, localized(template.name))}
                    testId={`template-${template.id}`}
                  >
                    <Group justify="space-between" wrap="nowrap" gap="xs" mb={4}>
                      <Text fw={600} size="sm">
                        {localized(template.name)}
                      </Text>
                      {selected ? <IconCheck size={16} color="var(--mantine-color-koe-6)" /> : null}
                    </Group>
                    <Text size="xs" c="dimmed" mb="xs">
                      {localized(template.description)}
                    </Text>
                    <Group gap={4}>
                      <SurveyKindBadge kind={template.definition.kind} />
                      {Object.keys(template.definition.thankYou).map((language) => (
                        <Badge key={language} size="sm" variant="light" color="gray" radius="sm">
                          {language.toUpperCase()}
                        </Badge>
                      ))}
                    </Group>
                  </ChoiceCard>
                );
              })}
            </SimpleGrid>
          )}
          <Title order={3} size="h5" mt="xs">
            {t('surveys.fromBlank')}
          </Title>
          <SimpleGrid cols={{ base: 2, sm: 5 }} spacing="sm">
            {SURVEY_KINDS.map((kind) => (
              <ChoiceCard
                key={kind}
                selected={choice !== null && 'kind' in choice && choice.kind === kind}
                onSelect={() => pick({ kind }, t(`surveyKinds.${kind}.name`))}
                testId={`blank-${kind}`}
              >
                <Text fw={600} size="sm">
                  {t(`surveyKinds.${kind}.title`)}
                </Text>
                <Text size="xs" c="dimmed">
                  {t(`surveyKinds.${kind}.scale`)}
                </Text>
              </ChoiceCard>
            ))}
          </SimpleGrid>
          <TextInput
            label={t('surveys.name')}
            data-testid="survey-name-new"
            required
            value={name}
            onChange={(event) => {
              setName(event.currentTarget.value);
              setNameTouched(true);
            }}
            error={nameError ?? fieldError(create.error, 'name')}
          />
          {create.error && !fieldError(create.error, 'name') ? <ErrorState error={create.error} /> : null}
          <Group justify="space-between">
            <Text size="xs" c="dimmed">
              {choice ? t('surveys.kindFixedHint') : t('surveys.chooseFirst')}
            </Text>
            <Group gap="xs">
              <Button variant="default" onClick={onClose}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" disabled={!choice} loading={create.isPending} data-testid="survey-create">
                {t('common.create')}
              </Button>
            </Group>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
