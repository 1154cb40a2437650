import { Anchor, List, NumberInput, Paper, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useThrottling } from '../../../api/surveys.ts';

interface ThrottlingPanelProps {
  recontactDays: number;
  onChange: (days: number) => void;
  error?: string;
  disabled?: boolean;
}

/** This survey's recontact period, beside the workspace-wide limits that also apply. */
export function ThrottlingPanel({ recontactDays, onChange, error, disabled }: ThrottlingPanelProps) {
  const { t } = useTranslation();
  const workspace = useThrottling();
  return (
    <Stack gap="md">
      <Paper withBorder radius="md" p="md">
        <Title order={3} size="h5" mb="sm">
          {t('surveyEditor.recontact')}
        </Title>
        <NumberInput
          label={t('surveyEditor.recontactDays')}
          description={
            recontactDays === 0
              ? t('surveyEditor.recontactNone')
              : t('surveyEditor.recontactHint', { days: recontactDays })
          }
          min={0}
          max={365}
          maw={420}
          suffix={` ${t('surveyEditor.days')}`}
          value={recontactDays}
          onChange={(value) => onChange(Math.min(365, Math.max(0, Number(value) || 0)))}
          error={error}
          disabled={disabled}
          data-testid="recontact-days"
        />
      </Paper>
      <Paper withBorder radius="md" p="md" bg="gray.0">
        <Title order={3} size="h5" mb={4}>
          {t('surveyEditor.workspaceLimits')}
        </Title>
        <Text size="sm" c="dimmed" mb="sm">
          {t('surveyEditor.workspaceLimitsHint')}
        </Text>
        {workspace.isPending ? (
          <Skeleton height={40} />
        ) : workspace.data ? (
          <List size="sm" spacing={4}>
            <List.Item>{t('surveySettings.minGapSummary', { days: workspace.data.minGapDays })}</List.Item>
            <List.Item>
              {t('surveySettings.maxSummary', {
                count: workspace.data.maxPerPeriod,
                days: workspace.data.periodDays,
              })}
            </List.Item>
          </List>
        ) : null}
        <Anchor component={Link} to="/settings/surveys" size="sm" mt="sm" display="inline-block">
          {t('surveyEditor.changeWorkspaceLimits')}
        </Anchor>
      </Paper>
    </Stack>
  );
}
