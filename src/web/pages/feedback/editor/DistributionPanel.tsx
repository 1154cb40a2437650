import {
  Anchor,
  Group,
  MultiSelect,
  NumberInput,
  Paper,
  SimpleGrid,
  Stack,
  Switch,
  TagsInput,
  Text,
  Title,
} from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { CHANNELS, PRIORITIES } from '../../../../shared/contracts/conversations.ts';
import type { SurveySettings } from '../../../../shared/contracts/surveys.ts';
import { useTeams } from '../../../api/workspace.ts';
import { CopyField } from '../../../components/CopyField.tsx';
import { formatMinutes } from '../../../lib/format.ts';
import { useLocale } from '../../../lib/useLocale.ts';
import { TextsInput } from './TextsInput.tsx';
import { WidgetTriggersInput } from './WidgetTriggersInput.tsx';

interface DistributionPanelProps {
  settings: SurveySettings;
  onChange: (settings: SurveySettings) => void;
  linkUrl: string | null;
  /** The anonymous link exists only once the setting is saved. */
  linkSaved: boolean;
  errorAt: (path: string) => string | undefined;
  disabled?: boolean;
}

function Section({ title, toggle, children }: { title: string; toggle?: ReactNode; children?: ReactNode }) {
  return (
    <Paper withBorder radius="md" p="md">
      <Group justify="space-between" wrap="nowrap" align="flex-start" mb={children ? 'sm' : 0}>
        <Title order={3} size="h5">
          {title}
        </Title>
        {toggle}
      </Group>
      {children && <Stack gap="sm">{children}</Stack>}
    </Paper>
  );
}

export function DistributionPanel({
  settings,
  onChange,
  linkUrl,
  linkSaved,
  errorAt,
  disabled,
}: DistributionPanelProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const teams = useTeams();
  const after = settings.afterResolution;
  const setAfter = (change: Partial<SurveySettings['afterResolution']>) =>
    onChange({ ...settings, afterResolution: { ...after, ...change } });
  const setEmail = (change: Partial<SurveySettings['email']>) =>
    onChange({ ...settings, email: { ...settings.email, ...change } });
  const setWidget = (change: Partial<SurveySettings['widget']>) =>
    onChange({ ...settings, widget: { ...settings.widget, ...change } });

  return (
    <Stack gap="md">
      <Section
        title={t('surveyEditor.afterResolution')}
        toggle={
          <Switch
            aria-label={t('surveyEditor.afterResolution')}
            checked={after.enabled}
            onChange={(event) => setAfter({ enabled: event.currentTarget.checked })}
            disabled={disabled}
            data-testid="after-resolution-toggle"
          />
        }
      >
        <Text size="sm" c="dimmed">
          {t('surveyEditor.afterResolutionHint')}
        </Text>
        {after.enabled && (
          <>
            <NumberInput
              label={t('surveyEditor.delay')}
              description={
                after.delayMinutes === 0
                  ? t('surveys.immediately')
                  : t('surveyEditor.delayHuman', { delay: formatMinutes(after.delayMinutes, locale) })
              }
              min={0}
              max={20160}
              step={15}
              w={220}
              suffix={` ${t('surveyEditor.minutes')}`}
              value={after.delayMinutes}
              onChange={(value) => setAfter({ delayMinutes: Math.max(0, Number(value) || 0) })}
              error={errorAt('settings.afterResolution.delayMinutes')}
              disabled={disabled}
            />
            <Text size="sm" fw={500}>
              {t('surveyEditor.conditions')}
            </Text>
            <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
              <MultiSelect
                label={t('surveyEditor.channels')}
                placeholder={after.channels.length ? undefined : t('surveyEditor.any')}
                data={CHANNELS.map((c) => ({ value: c, label: t(`channel.${c}`) }))}
                value={after.channels}
                onChange={(value) => setAfter({ channels: value as typeof after.channels })}
                error={errorAt('settings.afterResolution.channels')}
                disabled={disabled}
                clearable
              />
              <MultiSelect
                label={t('surveyEditor.teams')}
                placeholder={after.teamIds.length ? undefined : t('surveyEditor.any')}
                data={(teams.data ?? []).map((team) => ({ value: team.id, label: team.name }))}
                value={after.teamIds}
                onChange={(teamIds) => setAfter({ teamIds })}
                error={errorAt('settings.afterResolution.teamIds')}
                disabled={disabled}
                searchable
                clearable
              />
              <TagsInput
                label={t('surveyEditor.tags')}
                placeholder={after.tags.length ? undefined : t('surveyEditor.any')}
                value={after.tags}
                onChange={(tags) => setAfter({ tags })}
                error={errorAt('settings.afterResolution.tags')}
                disabled={disabled}
                clearable
              />
              <MultiSelect
                label={t('surveyEditor.priorities')}
                placeholder={after.priorities.length ? undefined : t('surveyEditor.any')}
                data={PRIORITIES.map((p) => ({ value: p, label: t(`priority.${p}`) }))}
                value={after.priorities}
                onChange={(value) => setAfter({ priorities: value as typeof after.priorities })}
                error={errorAt('settings.afterResolution.priorities')}
                disabled={disabled}
                clearable
              />
            </SimpleGrid>
            <Text size="xs" c="dimmed">
              {t('surveyEditor.conditionsHint')}
            </Text>
          </>
        )}
      </Section>

      <Section title={t('surveyEditor.email')}>
        <TextsInput
          label={t('surveyEditor.emailSubject')}
          value={settings.email.subject}
          onChange={(subject) => setEmail({ subject: Object.keys(subject).length ? subject : undefined })}
          error={errorAt('settings.email.subject')}
          disabled={disabled}
        />
        <TextsInput
          label={t('surveyEditor.emailIntro')}
          description={t('surveyEditor.emailIntroHint')}
          multiline
          value={settings.email.intro}
          onChange={(intro) => setEmail({ intro: Object.keys(intro).length ? intro : undefined })}
          error={errorAt('settings.email.intro')}
          disabled={disabled}
        />
        <Group gap="md" align="center" mih={36}>
          <Switch
            label={t('surveyEditor.reminder')}
            checked={settings.email.reminderAfterDays !== null}
            onChange={(event) => setEmail({ reminderAfterDays: event.currentTarget.checked ? 3 : null })}
            disabled={disabled}
          />
          {settings.email.reminderAfterDays !== null && (
            <NumberInput
              aria-label={t('surveyEditor.reminderDays')}
              min={1}
              max={30}
              w={150}
              suffix={` ${t('surveyEditor.daysLater')}`}
              value={settings.email.reminderAfterDays}
              onChange={(value) => setEmail({ reminderAfterDays: Math.min(30, Math.max(1, Number(value) || 1)) })}
              error={errorAt('settings.email.reminderAfterDays')}
              disabled={disabled}
            />
          )}
        </Group>
      </Section>

      <Section
        title={t('surveyEditor.anonymousLink')}
        toggle={
          <Switch
            aria-label={t('surveyEditor.anonymousLink')}
            checked={settings.anonymousLink}
            onChange={(event) => onChange({ ...settings, anonymousLink: event.currentTarget.checked })}
            disabled={disabled}
            data-testid="anonymous-link-toggle"
          />
        }
      >
        <Text size="sm" c="dimmed">
          {t('surveyEditor.anonymousLinkHint')}
        </Text>
        {settings.anonymousLink &&
          (linkUrl && linkSaved ? (
            <CopyField value={linkUrl} testId="anonymous-link" />
          ) : (
            <Text size="sm" c="dimmed" fs="italic">
              {t('surveyEditor.linkAfterSave')}
            </Text>
          ))}
      </Section>

      <Section
        title={t('surveyEditor.widget')}
        toggle={
          <Switch
            aria-label={t('surveyEditor.widget')}
            checked={settings.widget.enabled}
            onChange={(event) => setWidget({ enabled: event.currentTarget.checked })}
            disabled={disabled}
          />
        }
      >
        <Text size="sm" c="dimmed">
          {t('surveyEditor.widgetHint')}{' '}
          <Anchor component={Link} to="/settings/widget" size="sm">
            {t('surveyEditor.widgetInstall')}
          </Anchor>
        </Text>
        {settings.widget.enabled && (
          <WidgetTriggersInput
            value={settings.widget.triggers}
            onChange={(triggers) => setWidget({ triggers })}
            errorAt={errorAt}
            disabled={disabled}
          />
        )}
      </Section>
    </Stack>
  );
}
