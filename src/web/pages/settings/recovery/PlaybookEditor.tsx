import {
  ActionIcon,
  Badge,
  Button,
  Code,
  Group,
  Paper,
  Skeleton,
  Stack,
  Tabs,
  Text,
  TextInput,
  Tooltip,
} from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconPlus, IconRestore, IconTrash } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CONTACT_STEP, type Playbook, type PlaybookStep } from '../../../../shared/contracts/recovery.ts';
import { usePlaybooks, useResetPlaybook, useSavePlaybook } from '../../../api/recovery.ts';
import { ErrorState } from '../../../components/ErrorState.tsx';
import { fieldError } from '../../../lib/errors.ts';
import { languageName } from '../../../lib/format.ts';
import { notifySuccess } from '../../../lib/notify.ts';
import { useLocale } from '../../../lib/useLocale.ts';

/** A key no other step has: step_2, step_3, … */
function freshKey(steps: PlaybookStep[]): string {
  for (let n = steps.length + 1; ; n++) {
    const key = `step_${n}`;
    if (!steps.some((step) => step.key === key)) return key;
  }
}

function LanguagePlaybook({ playbook, editable }: { playbook: Playbook; editable: boolean }) {
  const { t } = useTranslation();
  const save = useSavePlaybook();
  const reset = useResetPlaybook();
  const [steps, setSteps] = useState<PlaybookStep[]>(playbook.steps);
  useEffect(() => setSteps(playbook.steps), [playbook]);
  const dirty = JSON.stringify(steps) !== JSON.stringify(playbook.steps);

  const change = (index: number, label: string) =>
    setSteps(steps.map((step, i) => (i === index ? { ...step, label } : step)));
  const move = (index: number, by: number) => {
    const next = [...steps];
    const [step] = next.splice(index, 1);
    if (step) next.splice(index + by, 0, step);
    setSteps(next);
  };

  return (
    <Stack gap="sm" data-testid={`playbook-${playbook.language}`}>
      {save.error && !fieldError(save.error, 'steps') ? <ErrorState error={save.error} /> : null}
      {steps.map((step, index) => (
        <Group key={step.key} gap="xs" wrap="nowrap" align="center">
          <Text size="sm" c="dimmed" w={20} ta="right">
            {index + 1}
          </Text>
          <TextInput
            aria-label={t('recovery.settings.stepLabel')}
            value={step.label}
            onChange={(event) => change(index, event.currentTarget.value)}
            disabled={!editable}
            maxLength={200}
            style={{ flex: 1 }}
            error={fieldError(save.error, `steps.${index}.label`)}
            data-testid="playbook-step"
          />
          <Tooltip label={t('recovery.settings.stepKey')}>
            <Code w={120} style={{ flexShrink: 0, overflow: 'hidden', textOverflow: 'ellipsis' }}>
              {step.key}
            </Code>
          </Tooltip>
          {editable && (
            <Group gap={2} wrap="nowrap">
              <ActionIcon
                variant="subtle"
                color="gray"
                disabled={index === 0}
                onClick={() => move(index, -1)}
                aria-label={t('recovery.settings.moveUp')}
              >
                <IconArrowUp size={16} />
              </ActionIcon>
              <ActionIcon
                variant="subtle"
                color="gray"
                disabled={index === steps.length - 1}
                onClick={() => move(index, 1)}
                aria-label={t('recovery.settings.moveDown')}
              >
                <IconArrowDown size={16} />
              </ActionIcon>
              <Tooltip
                label={
                  step.key === CONTACT_STEP
                    ? t('recovery.settings.contactStep')
                    : t('recovery.settings.removeStep', { label: step.label })
                }
              >
                <ActionIcon
                  variant="subtle"
                  color="red"
                  disabled={step.key === CONTACT_STEP}
                  onClick={() => setSteps(steps.filter((_, i) => i !== index))}
                  aria-label={t('recovery.settings.removeStep', { label: step.label })}
                >
                  <IconTrash size={16} />
                </ActionIcon>
              </Tooltip>
            </Group>
          )}
        </Group>
      ))}
      {fieldError(save.error, 'steps') && (
        <Text size="xs" c="red">
          {fieldError(save.error, 'steps')}
        </Text>
      )}
      {editable && (
        <Group justify="space-between">
          <Button
            variant="subtle"
            leftSection={<IconPlus size={16} />}
            onClick={() => setSteps([...steps, { key: freshKey(steps), label: '' }])}
            disabled={steps.length >= 20}
          >
            {t('recovery.settings.addStep')}
          </Button>
          <Group gap="xs">
            {playbook.custom && (
              <Button
                variant="default"
                leftSection={<IconRestore size={16} />}
                loading={reset.isPending}
                onClick={() => reset.mutate(playbook.language)}
              >
                {t('recovery.settings.resetPlaybook')}
              </Button>
            )}
            <Button
              disabled={!dirty || steps.some((step) => !step.label.trim())}
              loading={save.isPending}
              onClick={() =>
                save.mutate(
                  { language: playbook.language, steps: steps.map((s) => ({ key: s.key, label: s.label.trim() })) },
                  { onSuccess: () => notifySuccess(t('recovery.settings.playbookSaved')) },
                )
              }
              data-testid="playbook-save"
            >
              {t('recovery.settings.savePlaybook')}
            </Button>
          </Group>
        </Group>
      )}
    </Stack>
  );
}

/** The playbook editor: one tab per language (Japanese and English always). */
export function PlaybookEditor({ editable }: { editable: boolean }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const playbooks = usePlaybooks();
  const [active, setActive] = useState<string | null>(locale);

  if (playbooks.isPending) return <Skeleton height={300} radius="md" aria-busy="true" />;
  if (playbooks.isError) return <ErrorState error={playbooks.error} onRetry={() => void playbooks.refetch()} />;
  const label = (language: string) =>
    language === 'ja' || language === 'en'
      ? t(`recovery.settings.language.${language}`)
      : (languageName(language, locale) ?? language);

  return (
    <Paper withBorder radius="md" p="md">
      <Tabs value={active} onChange={setActive}>
        <Tabs.List mb="md">
          {playbooks.data.map((playbook) => (
            <Tabs.Tab
              key={playbook.language}
              value={playbook.language}
              rightSection={
                <Badge size="xs" variant="light" color={playbook.custom ? 'koe' : 'gray'}>
                  {playbook.custom ? t('recovery.settings.custom') : t('recovery.settings.default')}
                </Badge>
              }
              data-testid={`playbook-tab-${playbook.language}`}
            >
              {label(playbook.language)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {playbooks.data.map((playbook) => (
          <Tabs.Panel key={playbook.language} value={playbook.language}>
            <LanguagePlaybook playbook={playbook} editable={editable} />
          </Tabs.Panel>
        ))}
      </Tabs>
    </Paper>
  );
}
