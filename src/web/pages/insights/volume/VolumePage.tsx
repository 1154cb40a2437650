import { SimpleGrid, Skeleton, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { type InsightsFilters, useVolume } from '../../../api/metrics.ts';
import { ErrorState } from '../../../components/ErrorState.tsx';
import { InsightsFrame } from '../InsightsFrame.tsx';
import { AnnotationsCard } from './AnnotationsCard.tsx';
import { ForecastCard } from './ForecastCard.tsx';
import { SpikesCard } from './SpikesCard.tsx';
import { TopicsCard } from './TopicsCard.tsx';

function VolumeBody({ filters }: { filters: InsightsFilters }) {
  const volume = useVolume(filters);
  let analysis: React.ReactNode;
  if (volume.isPending) {
    analysis = (
      <Stack gap="md" aria-busy="true">
        <SimpleGrid cols={{ base: 1, lg: 2 }}>
          <Skeleton height={320} />
          <Skeleton height={320} />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, lg: 2 }}>
          <Skeleton height={300} />
          <Skeleton height={300} />
        </SimpleGrid>
      </Stack>
    );
  } else if (volume.isError) {
    analysis = <ErrorState error={volume.error} onRetry={() => void volume.refetch()} />;
  } else {
    analysis = (
      <Stack gap="md">
        <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
          <TopicsCard topics={volume.data.topics} />
          <SpikesCard spikes={volume.data.spikes} />
        </SimpleGrid>
        <ForecastCard forecast={volume.data.forecast} />
      </Stack>
    );
  }
  return (
    <Stack gap="md">
      {analysis}
      <AnnotationsCard from={filters.from} to={filters.to} />
    </Stack>
  );
}

export function VolumePage() {
  const { t } = useTranslation();
  return (
    <InsightsFrame active="volume" title={t('insights.volume.title')} description={t('insights.volume.description')}>
      {(state) => <VolumeBody filters={state.filters} />}
    </InsightsFrame>
  );
}
