import { ActionIcon, Badge, Button, Group, Paper, SegmentedControl, Select, Stack, Table, Text } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  GOAL_METRICS,
  type GoalMetric,
  INDUSTRIES,
  type Industry,
  type MetricReferences,
} from '../../../../shared/contracts/metrics.ts';
import { useSaveReferences } from '../../../api/metrics.ts';
import { describeError } from '../../../lib/errors.ts';
import { notifyError, notifySuccess } from '../../../lib/notify.ts';
import { useLocale } from '../../../lib/useLocale.ts';
import { METRIC_META, referenceText } from '../figures.ts';
import { TargetInput } from './TargetInput.tsx';

interface CustomRow {
  metric: GoalMetric;
  low: number | null;
  high: number | null;
  target: number | null;
}

/** The industry whose benchmarks print beside the figures, and the workspace's own reference points. */
export function ReferencesCard({ data, editable }: { data: MetricReferences; editable: boolean }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const save = useSaveReferences();
  const [industry, setIndustry] = useState<Industry | null>(data.industry);
  const [custom, setCustom] = useState<CustomRow[]>([]);
  useEffect(() => {
    setIndustry(data.industry);
    setCustom(
      data.references
        .filter((reference) => reference.source === 'custom')
        .map(({ metric, low, high, target }) => ({ metric, low, high, target })),
    );
  }, [data]);
  const unused = GOAL_METRICS.filter((metric) => !custom.some((row) => row.metric === metric));
  const update = (index: number, change: Partial<CustomRow>) =>
    setCustom((rows) => rows.map((row, i) => (i === index ? { ...row, ...change } : row)));

  const submit = () =>
    save.mutate(
      { industry, custom: custom.filter((row) => row.low !== null || row.high !== null || row.target !== null) },
      {
        onSuccess: () => notifySuccess(t('insights.references.saved')),
        onError: (error) => notifyError(t('insights.references.saveFailed'), describeError(error, t)),
      },
    );

  return (
    <Paper withBorder radius="md" p="md" data-testid="references">
      <Text fw={600}>{t('insights.references.title')}</Text>
      <Text size="sm" c="dimmed" mb="sm">
        {t('insights.references.hint')}
      </Text>
      <Stack gap="md">
        <SegmentedControl
          value={industry ?? 'none'}
          onChange={(value) => setIndustry(value === 'none' ? null : (value as Industry))}
          disabled={!editable}
          data={[
            { value: 'none', label: t('insights.references.none') },
            ...INDUSTRIES.map((value) => ({ value, label: t(`insights.industries.${value}`) })),
          ]}
          data-testid="references-industry"
        />
        {industry && industry !== 'custom' && (
          <Text size="xs" c="dimmed">
            {t(`insights.industryHint.${industry}`)}
          </Text>
        )}
        {data.references.length > 0 && (
          <Stack gap={4}>
            <Text size="sm" fw={600}>
              {t('insights.references.current')}
            </Text>
            <Group gap="xs">
              {data.references.map((reference) => (
                <Badge
                  key={reference.metric}
                  variant="light"
                  color={reference.source === 'custom' ? 'koe' : 'gray'}
                  radius="sm"
                >
                  {t(`insights.metrics.${reference.metric}`)}:{' '}
                  {referenceText(reference, METRIC_META[reference.metric].unit, locale)}
                </Badge>
              ))}
            </Group>
          </Stack>
        )}
        <Stack gap={4}>
          <Text size="sm" fw={600}>
            {t('insights.references.custom')}
          </Text>
          <Text size="xs" c="dimmed">
            {t('insights.references.customHint')}
          </Text>
          {custom.length > 0 && (
            <Table.ScrollContainer minWidth={640}>
              <Table verticalSpacing={4}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('insights.goals.metric')}</Table.Th>
                    <Table.Th>{t('insights.references.low')}</Table.Th>
                    <Table.Th>{t('insights.references.high')}</Table.Th>
                    <Table.Th>{t('insights.references.target')}</Table.Th>
                    <Table.Th />
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {custom.map((row, index) => {
                    const unit = METRIC_META[row.metric].unit;
                    return (
                      <Table.Tr key={row.metric}>
                        <Table.Td>
                          <Text size="sm">{t(`insights.metrics.${row.metric}`)}</Text>
                        </Table.Td>
                        {(['low', 'high', 'target'] as const).map((field) => (
                          <Table.Td key={field}>
                            <TargetInput
                              unit={unit}
                              value={row[field]}
                              onChange={(value) => update(index, { [field]: value })}
                              label={`${t(`insights.metrics.${row.metric}`)} ${t(`insights.references.${field}`)}`}
                              size="xs"
                            />
                          </Table.Td>
                        ))}
                        <Table.Td>
                          <ActionIcon
                            variant="subtle"
                            color="red"
                            disabled={!editable}
                            aria-label={`${t('common.delete')}: ${t(`insights.metrics.${row.metric}`)}`}
                            onClick={() => setCustom((rows) => rows.filter((_, i) => i !== index))}
                          >
                            <IconTrash size={16} />
                          </ActionIcon>
                        </Table.Td>
                      </Table.Tr>
                    );
                  })}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
          {editable && unused.length > 0 && (
            <Select
              placeholder={t('insights.references.addMetric')}
              leftSection={<IconPlus size={16} />}
              data={unused.map((value) => ({ value, label: t(`insights.metrics.${value}`) }))}
              value={null}
              onChange={(value) =>
                value &&
                setCustom((rows) => [...rows, { metric: value as GoalMetric, low: null, high: null, target: null }])
              }
              w={280}
              data-testid="references-add"
            />
          )}
        </Stack>
        {editable && (
          <Group justify="flex-end">
            <Button onClick={submit} loading={save.isPending} data-testid="references-save">
              {t('common.save')}
            </Button>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
