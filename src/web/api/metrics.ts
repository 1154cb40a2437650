import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type {
  Annotation,
  DrilldownMetric,
  DrilldownPage,
  Goal,
  GoalInput,
  GoalProgress,
  MetricGroupBy,
  MetricReferences,
  MetricsReport,
  ReferencesInput,
  ScorecardRow,
  VolumeAnalysis,
  VolumeHeatmap,
} from '../../shared/contracts/metrics.ts';
import { api } from './client.ts';
import { useWrite } from './hooks.ts';

/**
 * The filters of the Insights pages as the API reads them. Multi-select values are sent as
 * repeated parameters (`channel=email&channel=chat`), which the metrics routes expect.
 */
export interface InsightsFilters {
  from: string;
  to: string;
  channel?: string[];
  teamId?: string[];
  agentId?: string[];
  tag?: string[];
  segmentId?: string;
  businessHours?: boolean;
}

type Extra = Record<string, string | number | boolean | null | undefined>;

/** `/metrics?from=…&channel=a&channel=b`: a path with its query, repeated keys kept. */
export function metricsPath(path: string, filters: InsightsFilters, extra: Extra = {}): string {
  const params = new URLSearchParams();
  params.set('from', filters.from);
  params.set('to', filters.to);
  for (const key of ['channel', 'teamId', 'agentId', 'tag'] as const) {
    for (const value of filters[key] ?? []) params.append(key, value);
  }
  if (filters.segmentId) params.set('segmentId', filters.segmentId);
  if (filters.businessHours) params.set('businessHours', 'true');
  for (const [key, value] of Object.entries(extra)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  return `${path}?${params.toString()}`;
}

const keys = {
  metrics: ['metrics'] as const,
  references: ['metric-references'] as const,
  goals: ['goals'] as const,
  annotations: ['annotations'] as const,
};

function useFiltered<T>(path: string, filters: InsightsFilters, extra: Extra = {}, enabled = true) {
  const url = metricsPath(path, filters, extra);
  return useQuery({
    queryKey: [...keys.metrics, url],
    queryFn: ({ signal }) => api<T>(url, { signal }),
    enabled,
    staleTime: 60_000,
    placeholderData: keepPreviousData,
  });
}

export const useMetrics = (filters: InsightsFilters, options: { by?: MetricGroupBy; compare?: boolean } = {}) =>
  useFiltered<MetricsReport>('/metrics', filters, { by: options.by, compare: options.compare || undefined });

export const useHeatmap = (filters: InsightsFilters) => useFiltered<VolumeHeatmap>('/metrics/heatmap', filters);

export const useVolume = (filters: InsightsFilters) => useFiltered<VolumeAnalysis>('/metrics/volume', filters);

export const useScorecards = (filters: InsightsFilters, by: 'agent' | 'team') =>
  useFiltered<{ rows: ScorecardRow[] }>('/metrics/scorecards', filters, { by });

/** What a drill-down shows: the items behind one figure, optionally of one group and band. */
export interface DrilldownTarget {
  metric: DrilldownMetric;
  by?: MetricGroupBy;
  key?: string;
  band?: 'negative' | 'neutral' | 'positive' | 'counted' | 'not_counted';
  /** One cell of the volume heatmap: local weekday (1 = Monday) and hour. */
  weekday?: number;
  hour?: number;
}

export function useDrilldown(filters: InsightsFilters, target: DrilldownTarget | null) {
  const base = target
    ? metricsPath('/metrics/drilldown', filters, {
        metric: target.metric,
        by: target.by,
        key: target.key,
        band: target.band,
        weekday: target.weekday,
        hour: target.hour,
        limit: 30,
      })
    : '';
  return useInfiniteQuery({
    queryKey: [...keys.metrics, 'drilldown', base],
    queryFn: ({ pageParam, signal }) =>
      api<DrilldownPage>(pageParam ? `${base}&cursor=${encodeURIComponent(pageParam)}` : base, { signal }),
    initialPageParam: '',
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    enabled: target !== null,
  });
}

export const useReferences = () =>
  useQuery({
    queryKey: keys.references,
    queryFn: ({ signal }) => api<MetricReferences>('/metrics/references', { signal }),
    staleTime: 300_000,
  });

export const useSaveReferences = () =>
  useWrite(
    (input: ReferencesInput) => api<MetricReferences>('/metrics/references', { method: 'PUT', body: input }),
    [keys.references],
  );

export const useGoals = () =>
  useQuery({
    queryKey: keys.goals,
    queryFn: async ({ signal }) => {
      const result = await api<Goal[] | { data: Goal[] }>('/goals', { signal });
      return Array.isArray(result) ? result : result.data;
    },
  });

/** Progress of the goals running today, or of every goal (`all`, for the settings list). */
export const useGoalProgress = (all = false) =>
  useQuery({
    queryKey: [...keys.goals, 'progress', all],
    queryFn: async ({ signal }) => {
      const result = await api<GoalProgress[] | { data: GoalProgress[] }>('/goals/progress', {
        query: { all: all || undefined },
        signal,
      });
      return Array.isArray(result) ? result : result.data;
    },
    staleTime: 60_000,
  });

/** The goal as sent: the contract's input, dates and target already in the metric's unit. */
export type GoalDraft = Omit<GoalInput, 'scope' | 'scopeValue'> & Partial<Pick<GoalInput, 'scope' | 'scopeValue'>>;

export const useSaveGoal = () =>
  useWrite(
    ({ id, ...input }: GoalDraft & { id?: string }) =>
      id
        ? api<Goal>(`/goals/${id}`, { method: 'PATCH', body: input })
        : api<Goal>('/goals', { method: 'POST', body: input }),
    [keys.goals],
  );

export const useDeleteGoal = () =>
  useWrite((id: string) => api<void>(`/goals/${id}`, { method: 'DELETE' }), [keys.goals]);

export function useAnnotations(from: string, to: string) {
  return useQuery({
    queryKey: [...keys.annotations, from, to],
    queryFn: async ({ signal }) => {
      const result = await api<Annotation[] | { data: Annotation[] }>('/annotations', { query: { from, to }, signal });
      return Array.isArray(result) ? result : result.data;
    },
    staleTime: 60_000,
  });
}

export const useAddAnnotation = () =>
  useWrite(
    (input: { day: string; label: string }) => api<Annotation>('/annotations', { method: 'POST', body: input }),
    [keys.annotations],
  );

export const useDeleteAnnotation = () =>
  useWrite((id: string) => api<void>(`/annotations/${id}`, { method: 'DELETE' }), [keys.annotations]);
