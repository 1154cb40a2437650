import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { InsightsFilters } from '../../api/metrics.ts';
import { useSession } from '../../api/session.ts';
import { type InsightPeriod, isInsightPeriod, periodRange } from './period.ts';

export const LIST_FILTERS = ['channel', 'teamId', 'agentId', 'tag'] as const;
export type ListFilter = (typeof LIST_FILTERS)[number];

/** The drill-down open over a page, kept in the URL so it can be shared and survives a reload. */
export const DRILL_PARAMS = ['drill', 'drillBy', 'drillKey', 'drillBand', 'drillLabel'] as const;

/**
 * The Insights filter bar's state, read from and written to the URL query:
 * `period`, `from`/`to` (custom), repeated `channel`/`teamId`/`agentId`/`tag`, `segmentId`, `bh=1`.
 */
export function useInsightsFilters() {
  const me = useSession();
  const [params, setParams] = useSearchParams();
  const periodParam = params.get('period');
  const period: InsightPeriod = isInsightPeriod(periodParam) ? periodParam : '30d';

  const filters = useMemo((): InsightsFilters => {
    const range = periodRange(period, me.workspace.timeZone, { from: params.get('from'), to: params.get('to') });
    return {
      ...range,
      channel: params.getAll('channel'),
      teamId: params.getAll('teamId'),
      agentId: params.getAll('agentId'),
      tag: params.getAll('tag'),
      segmentId: params.get('segmentId') ?? undefined,
      businessHours: params.get('bh') === '1',
    };
  }, [params, period, me.workspace.timeZone]);

  const update = (change: (next: URLSearchParams) => void) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        change(next);
        return next;
      },
      { replace: true },
    );

  const setList = (key: ListFilter, values: string[]) =>
    update((next) => {
      next.delete(key);
      for (const value of values) next.append(key, value);
    });

  const setValue = (key: string, value: string | null) =>
    update((next) => {
      if (value) next.set(key, value);
      else next.delete(key);
    });

  const setPeriod = (value: InsightPeriod, custom?: { from: string; to: string }) =>
    update((next) => {
      if (value === '30d') next.delete('period');
      else next.set('period', value);
      if (custom) {
        next.set('from', custom.from);
        next.set('to', custom.to);
      } else {
        next.delete('from');
        next.delete('to');
      }
    });

  const isFiltered =
    LIST_FILTERS.some((key) => params.getAll(key).length > 0) || Boolean(params.get('segmentId')) || params.has('bh');

  const clear = () =>
    update((next) => {
      for (const key of [...LIST_FILTERS, 'segmentId', 'bh']) next.delete(key);
    });

  /** The same filters as a query string, for links between the Insights pages. */
  const carried = () => {
    const next = new URLSearchParams(params);
    for (const key of DRILL_PARAMS) next.delete(key);
    const text = next.toString();
    return text ? `?${text}` : '';
  };

  return { filters, period, setPeriod, setList, setValue, isFiltered, clear, carried, params, update };
}
