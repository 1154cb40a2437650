import { Badge, Group, Stack, Text } from '@mantine/core';
import { IconBolt } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { VolumeAnalysis } from '../../../../shared/contracts/metrics.ts';
import { formatDateTime, formatNumber } from '../../../lib/format.ts';
import { useLocale } from '../../../lib/useLocale.ts';
import { TitledCard } from '../TitledCard.tsx';

/** Hours far above the usual level for that weekday and hour, newest first. */
export function SpikesCard({ spikes }: { spikes: VolumeAnalysis['spikes'] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const one = new Intl.NumberFormat(locale === 'ja' ? 'ja-JP' : 'en-US', { maximumFractionDigits: 1 });
  const sorted = [...spikes].sort((a, b) => b.at.localeCompare(a.at)).slice(0, 10);
  return (
    <TitledCard title={t('insights.volume.spikes')} hint={t('insights.volume.spikesHint')} testId="volume-spikes">
      {sorted.length === 0 ? (
        <Text size="sm" c="dimmed" py="xl" ta="center">
          {t('insights.volume.noSpikes')}
        </Text>
      ) : (
        <Stack gap="xs">
          {sorted.map((spike) => (
            <Group key={spike.at} justify="space-between" wrap="nowrap" data-testid="volume-spike">
              <Group gap="xs" wrap="nowrap" style={{ minWidth: 0 }}>
                <IconBolt size={16} color="var(--mantine-color-orange-6)" aria-hidden />
                <Text size="sm" truncate>
                  {formatDateTime(spike.at, locale)}
                </Text>
              </Group>
              <Group gap="xs" wrap="nowrap">
                <Text size="sm" fw={600}>
                  {t('insights.volume.spikeCount', { n: formatNumber(spike.created, locale) })}
                </Text>
                <Badge variant="light" color="orange" radius="sm">
                  {t('insights.volume.spikeExpected', { n: one.format(spike.expected) })}
                </Badge>
              </Group>
            </Group>
          ))}
        </Stack>
      )}
    </TitledCard>
  );
}
