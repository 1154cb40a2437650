import { Button, SimpleGrid, Skeleton, Stack } from '@mantine/core';
import { IconClockHour4, IconSettings } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { InsightsFilters } from '../../../api/metrics.ts';
import { useSession } from '../../../api/session.ts';
import { useSlaPolicies, useSlaReport } from '../../../api/sla.ts';
import { Empty } from '../../../components/Empty.tsx';
import { ErrorState } from '../../../components/ErrorState.tsx';
import { canManage } from '../../../lib/permissions.ts';
import { InsightsFilterBar } from '../InsightsFilterBar.tsx';
import { InsightsFrame } from '../InsightsFrame.tsx';
import { AttainmentCards } from './AttainmentCards.tsx';
import { BreachesCard } from './BreachesCard.tsx';
import { BreakdownCard } from './BreakdownCard.tsx';
import { TrendCard } from './TrendCard.tsx';

function SlaContent({ filters }: { filters: InsightsFilters }) {
  const { t } = useTranslation();
  const me = useSession();
  const report = useSlaReport(filters);
  const policies = useSlaPolicies();
  const manager = canManage(me.role);

  if (report.isPending)
    return (
      <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }}>
        {[0, 1, 2, 3].map((i) => (
          <Skeleton key={i} h={150} radius="md" />
        ))}
      </SimpleGrid>
    );
  if (report.isError) return <ErrorState error={report.error} onRetry={() => void report.refetch()} />;
  if (report.data.all.applied === 0 && policies.data?.length === 0)
    return (
      <Empty
        icon={<IconClockHour4 />}
        title={t('sla.insights.empty')}
        description={t('sla.insights.emptyHint')}
        action={
          manager && (
            <Button component={Link} to="/settings/sla" leftSection={<IconSettings size={16} />}>
              {t('sla.insights.setupLink')}
            </Button>
          )
        }
      />
    );
  return (
    <Stack gap="md">
      <AttainmentCards report={report.data} />
      <BreakdownCard filters={filters} />
      <TrendCard filters={filters} />
      <BreachesCard filters={filters} canExport={manager} />
    </Stack>
  );
}

/** Insights → SLA: attainment per target with intervals, by team/agent/channel/policy, trend, missed deadlines. */
export function SlaInsightsPage() {
  const { t } = useTranslation();
  return (
    <InsightsFrame
      active="sla"
      title={t('sla.insights.title')}
      description={t('sla.insights.description')}
      filterBar={(state) => <InsightsFilterBar state={state} businessHours={false} />}
    >
      {({ filters }) => <SlaContent filters={filters} />}
    </InsightsFrame>
  );
}
