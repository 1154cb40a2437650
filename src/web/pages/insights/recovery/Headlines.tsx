import { SimpleGrid, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { RecoveryMetrics } from '../../../../shared/contracts/recovery-metrics.ts';
import type { CaseQuery } from '../../../api/recovery.ts';
import type { Drill } from './DrillDrawer.tsx';
import { FigureCard } from './FigureCard.tsx';
import { useFormat } from './format.ts';

/** The five headline figures, each opening its cases. */
export function Headlines({ data, onDrill }: { data: RecoveryMetrics; onDrill: (drill: Drill) => void }) {
  const { t } = useTranslation();
  const f = useFormat();
  const period = { from: data.from, to: data.to };
  const cases = (title: string, query: CaseQuery) => () => onDrill({ kind: 'cases', title, query });
  const rate = data.recoveryRate;
  const open = (title: string, value: string) => t('insights.headline.open', { metric: title, value });
  const titles = {
    opened: t('recovery.insights.opened'),
    firstContact: t('recovery.insights.firstContact'),
    recoveryRate: t('recovery.insights.recoveryRate'),
    overdue: t('recovery.insights.overdue'),
    overdueNow: t('recovery.insights.overdueNow'),
  };
  const values = {
    opened: f.count(data.opened),
    firstContact: f.duration(data.firstContact.medianSeconds),
    recoveryRate: f.percent(rate.percent),
    overdue: f.percent(data.overdue.percent),
    overdueNow: f.count(data.overdueNow),
  };
  return (
    <SimpleGrid cols={{ base: 1, xs: 2, md: 3, lg: 5 }} spacing="md">
      <FigureCard
        testId="figure-opened"
        title={titles.opened}
        hint={t('recovery.insights.openedHint')}
        value={values.opened}
        detail={t('recovery.insights.n', { n: f.count(data.opened) })}
        onOpen={cases(titles.opened, { ...period, period: 'opened' })}
        openLabel={open(titles.opened, values.opened)}
      />
      <FigureCard
        testId="figure-first-contact"
        title={titles.firstContact}
        hint={t('recovery.insights.firstContact')}
        value={values.firstContact}
        detail={
          <Stack gap={0}>
            <span>
              {t('recovery.insights.n', { n: f.count(data.firstContact.n) })} ·{' '}
              {t('recovery.insights.p90', { value: f.duration(data.firstContact.p90Seconds) })}
            </span>
            <span>
              {t('recovery.insights.firstContactBusiness', {
                value: f.duration(data.firstContact.businessMedianSeconds),
              })}
            </span>
          </Stack>
        }
        onOpen={cases(titles.firstContact, { ...period, period: 'contacted', contacted: true })}
        openLabel={open(titles.firstContact, values.firstContact)}
      />
      <FigureCard
        testId="figure-recovery-rate"
        title={titles.recoveryRate}
        hint={t('recovery.insights.recoveryRateHint')}
        value={values.recoveryRate}
        detail={
          <Stack gap={0}>
            <span>
              {t('recovery.insights.n', { n: f.count(rate.n) })}
              {rate.ci95 ? ` · ${t('recovery.insights.ci', { range: f.range(rate.ci95) })}` : ''}
            </span>
            <span>{t('recovery.insights.unreachable', { count: data.unreachable })}</span>
          </Stack>
        }
        onOpen={cases(titles.recoveryRate, { ...period, period: 'closed', outcome: ['recovered', 'not_recovered'] })}
        openLabel={open(titles.recoveryRate, values.recoveryRate)}
      />
      <FigureCard
        testId="figure-overdue"
        title={titles.overdue}
        hint={t('recovery.insights.overdueHint')}
        value={values.overdue}
        color={data.overdue.count > 0 ? 'red.8' : undefined}
        detail={`${f.count(data.overdue.count)} / ${f.count(data.overdue.n)}`}
        onOpen={cases(titles.overdue, { ...period, period: 'opened', overdue: true })}
        openLabel={open(titles.overdue, values.overdue)}
      />
      <FigureCard
        testId="figure-overdue-now"
        title={titles.overdueNow}
        hint={t('recovery.insights.overdueNowHint')}
        value={values.overdueNow}
        color={data.overdueNow > 0 ? 'red.8' : undefined}
        detail={t('recovery.insights.overdueNowHint')}
        onOpen={cases(titles.overdueNow, {
          status: ['new', 'contacted', 'action', 'follow_up'],
          overdue: true,
          contacted: false,
        })}
        openLabel={open(titles.overdueNow, values.overdueNow)}
      />
    </SimpleGrid>
  );
}
