import { useSearchParams } from 'react-router';
import { DRILLDOWN_METRICS, type DrilldownMetric, MetricGroupBy } from '../../../../shared/contracts/metrics.ts';
import type { DrilldownTarget } from '../../../api/metrics.ts';

const BANDS = ['negative', 'neutral', 'positive', 'counted', 'not_counted'] as const;
type Band = (typeof BANDS)[number];

/** What is opened: the target and the words naming the group ("メール", "佐藤 健"). */
export interface OpenDrilldown extends DrilldownTarget {
  label?: string;
}

const isMetric = (value: string | null): value is DrilldownMetric =>
  (DRILLDOWN_METRICS as readonly (string | null)[]).includes(value);

/** A whole number from the URL within [min, max], else undefined. */
function wholeParam(value: string | null, min: number, max: number): number | undefined {
  if (value === null || !/^\d+$/.test(value)) return undefined;
  const number = Number(value);
  return number >= min && number <= max ? number : undefined;
}

/**
 * The drill-down over an Insights page, kept in the URL (`drill`, `drillBy`, `drillKey`, `drillBand`,
 * `drillWeekday`, `drillHour`, `drillLabel`).
 */
export function useDrilldownParams() {
  const [params, setParams] = useSearchParams();
  const metric = params.get('drill');
  const by = MetricGroupBy.safeParse(params.get('drillBy'));
  const band = params.get('drillBand');
  const current: OpenDrilldown | null = isMetric(metric)
    ? {
        metric,
        by: by.success ? by.data : undefined,
        key: params.get('drillKey') ?? undefined,
        band: (BANDS as readonly (string | null)[]).includes(band) ? (band as Band) : undefined,
        weekday: wholeParam(params.get('drillWeekday'), 1, 7),
        hour: wholeParam(params.get('drillHour'), 0, 23),
        label: params.get('drillLabel') ?? undefined,
      }
    : null;

  const write = (target: OpenDrilldown | null) =>
    setParams((existing) => {
      const next = new URLSearchParams(existing);
      const values: Record<string, string | undefined> = {
        drill: target?.metric,
        drillBy: target?.by,
        drillKey: target?.key,
        drillBand: target?.band,
        drillWeekday: target?.weekday?.toString(),
        drillHour: target?.hour?.toString(),
        drillLabel: target?.label,
      };
      for (const [key, value] of Object.entries(values)) {
        if (value) next.set(key, value);
        else next.delete(key);
      }
      return next;
    });

  return {
    current,
    open: (target: OpenDrilldown) => write(target),
    setBand: (value: Band | undefined) => current && write({ ...current, band: value }),
    close: () => write(null),
  };
}
