import { ActionIcon, Button, Group, Tabs } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import {
  IconChartHistogram,
  IconClockHour4,
  IconLayoutDashboard,
  IconLifebuoy,
  IconTarget,
  IconTrophy,
} from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useSession } from '../../api/session.ts';
import { Page } from '../../components/Page.tsx';
import { canManage } from '../../lib/permissions.ts';
import { DrilldownDrawer } from './drilldown/DrilldownDrawer.tsx';
import { ExportMenu } from './ExportMenu.tsx';
import { InsightsFilterBar } from './InsightsFilterBar.tsx';
import { useInsightsFilters } from './useInsightsFilters.ts';

export type InsightsTab = 'overview' | 'scorecards' | 'volume' | 'sla' | 'recovery';

const PATHS: Record<InsightsTab, string> = {
  overview: '/insights',
  scorecards: '/insights/scorecards',
  volume: '/insights/volume',
  sla: '/insights/sla',
  recovery: '/insights/recovery',
};

interface InsightsFrameProps {
  active: InsightsTab;
  title: string;
  description: string;
  children: (state: ReturnType<typeof useInsightsFilters>) => ReactNode;
  /** A page whose figures obey fewer filters brings its own bar. */
  filterBar?: (state: ReturnType<typeof useInsightsFilters>) => ReactNode;
}

/** The Insights pages' shared frame: title, tabs, the filter bar and the drill-down drawer. */
export function InsightsFrame({ active, title, description, children, filterBar }: InsightsFrameProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const state = useInsightsFilters();
  const phone = useMediaQuery('(max-width: 48em)') ?? false;
  // Exports are for managers, admins and owners (as the API requires).
  const exporter = canManage(useSession().role);
  return (
    <Page
      title={title}
      description={description}
      maxWidth={1360}
      actions={
        <Group gap="xs" wrap="nowrap">
          {exporter && <ExportMenu filters={state.filters} compact={phone} />}
          {phone ? (
            <ActionIcon
              component={Link}
              to="/settings/goals"
              variant="default"
              size="lg"
              aria-label={t('insights.goalsLink')}
            >
              <IconTarget size={18} />
            </ActionIcon>
          ) : (
            <Button
              component={Link}
              to="/settings/goals"
              variant="default"
              leftSection={<IconTarget size={16} />}
              data-testid="insights-goals-link"
            >
              {t('insights.goalsLink')}
            </Button>
          )}
        </Group>
      }
      tabs={
        <Tabs value={active} onChange={(value) => navigate(PATHS[value as InsightsTab] + state.carried())} mb="md">
          <Tabs.List>
            <Tabs.Tab
              value="overview"
              leftSection={<IconLayoutDashboard size={16} />}
              data-testid="insights-tab-overview"
            >
              {t('insights.tabs.overview')}
            </Tabs.Tab>
            <Tabs.Tab value="scorecards" leftSection={<IconTrophy size={16} />} data-testid="insights-tab-scorecards">
              {t('insights.tabs.scorecards')}
            </Tabs.Tab>
            <Tabs.Tab value="volume" leftSection={<IconChartHistogram size={16} />} data-testid="insights-tab-volume">
              {t('insights.tabs.volume')}
            </Tabs.Tab>
            <Tabs.Tab value="sla" leftSection={<IconClockHour4 size={16} />} data-testid="insights-tab-sla">
              {t('sla.insights.tab')}
            </Tabs.Tab>
            <Tabs.Tab value="recovery" leftSection={<IconLifebuoy size={16} />} data-testid="insights-tab-recovery">
              {t('recovery.insights.tab')}
            </Tabs.Tab>
          </Tabs.List>
        </Tabs>
      }
    >
      {filterBar ? filterBar(state) : <InsightsFilterBar state={state} />}
      {children(state)}
      <DrilldownDrawer filters={state.filters} />
    </Page>
  );
}
