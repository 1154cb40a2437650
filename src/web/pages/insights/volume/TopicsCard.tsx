import { Badge, Group, Progress, Stack, Text, UnstyledButton } from '@mantine/core';
import { IconArrowDownRight, IconArrowUpRight } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { VolumeAnalysis } from '../../../../shared/contracts/metrics.ts';
import { formatNumber } from '../../../lib/format.ts';
import { useLocale } from '../../../lib/useLocale.ts';
import { useDrilldownParams } from '../drilldown/useDrilldownParams.ts';
import { TitledCard } from '../TitledCard.tsx';

/** Tags by conversations created, as bars, with the change against the previous period. */
export function TopicsCard({ topics }: { topics: VolumeAnalysis['topics'] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const drill = useDrilldownParams();
  const shown = topics.slice(0, 12);
  const max = Math.max(1, ...shown.map((topic) => topic.created));
  const percent = new Intl.NumberFormat(locale === 'ja' ? 'ja-JP' : 'en-US', { maximumFractionDigits: 0 });

  return (
    <TitledCard title={t('insights.volume.topics')} hint={t('insights.volume.topicsHint')} testId="volume-topics">
      {shown.length === 0 ? (
        <Text size="sm" c="dimmed" py="xl" ta="center">
          {t('insights.volume.noTopics')}
        </Text>
      ) : (
        <Stack gap={6}>
          {shown.map((topic) => {
            const change = topic.change_percent;
            const up = change !== null && change > 0;
            return (
              <UnstyledButton
                key={topic.tag}
                onClick={() => drill.open({ metric: 'created', by: 'tag', key: topic.tag, label: topic.tag })}
                className="koe-insights-card"
                p={4}
                style={{ borderRadius: 'var(--mantine-radius-sm)' }}
                aria-label={t('insights.openItems', { what: topic.tag, value: formatNumber(topic.created, locale) })}
                data-testid="volume-topic"
              >
                <Group gap="sm" wrap="nowrap">
                  <Text size="sm" w={140} truncate="end" title={topic.tag}>
                    {topic.tag}
                  </Text>
                  <Progress value={(topic.created / max) * 100} size={14} radius="sm" style={{ flex: 1 }} aria-hidden />
                  <Text size="sm" fw={600} w={56} ta="right">
                    {formatNumber(topic.created, locale)}
                  </Text>
                  <Text size="xs" c="dimmed" w={44} ta="right">
                    {percent.format(topic.share_percent)} %
                  </Text>
                  <Badge
                    w={104}
                    style={{ flexShrink: 0 }}
                    variant="light"
                    color={change === null ? 'gray' : up ? 'orange' : 'teal'}
                    leftSection={
                      change === null ? null : up ? <IconArrowUpRight size={12} /> : <IconArrowDownRight size={12} />
                    }
                    title={t('insights.volume.previous', { n: formatNumber(topic.previous, locale) })}
                  >
                    {change === null
                      ? t('insights.volume.new')
                      : `${change > 0 ? '+' : change < 0 ? '−' : '±'}${percent.format(Math.abs(change))} %`}
                  </Badge>
                </Group>
              </UnstyledButton>
            );
          })}
        </Stack>
      )}
    </TitledCard>
  );
}
