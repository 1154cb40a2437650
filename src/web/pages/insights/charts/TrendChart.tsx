import './register.ts';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Interval } from '../../../../shared/contracts/metrics.ts';
import EChart, { type ChartOption } from '../../../components/charts/EChart.tsx';
import { formatNumber } from '../../../lib/format.ts';
import { useLocale } from '../../../lib/useLocale.ts';
import { type FigureUnit, formatFigure, formatRange } from '../figures.ts';

export interface TrendPoint {
  /** The bucket's first day, 2026-11-24. */
  key: string;
  value: number | null;
  n: number;
  ci95: Interval | null;
}

export interface TrendChartProps {
  points: TrendPoint[];
  unit: FigureUnit;
  label: string;
  bucket: 'day' | 'week';
  goal?: number | null;
  benchmark?: { low: number | null; high: number | null; target: number | null } | null;
  annotations?: { day: string; label: string }[];
  onPointClick?: (key: string) => void;
  /** A forecast has no sample size to print; its band is the expected range, not a 95 % interval. */
  forecast?: boolean;
  /** Counts of separate events (cases opened a day) read as bars: a line between days suggests a level in between. */
  bars?: boolean;
  testId?: string;
}

const LINE = '#485bd8';
const BAND = 'rgba(72, 91, 216, 0.16)';
const GOAL = '#2f9e44';
const BENCHMARK = '#868e96';
const NOTE = '#f08c00';

/** Durations are drawn in hours so the axis reads 0, 2, 4 … instead of seconds. */
const scale = (unit: FigureUnit, value: number | null) =>
  value === null ? null : unit === 'duration' ? value / 3600 : value;

/** The bucket an annotation's day falls in: the last bucket starting on or before it. */
function bucketIndex(keys: string[], day: string): number {
  let found = -1;
  keys.forEach((key, index) => {
    if (key <= day) found = index;
  });
  return found;
}

/** A figure per day or week as a line in its 95 % band (or as bars), with goal and benchmark lines and annotations. */
export default function TrendChart(props: TrendChartProps) {
  const { points, unit, label, bucket, goal, benchmark, annotations, onPointClick, forecast, bars, testId } = props;
  const { t } = useTranslation();
  const locale = useLocale();

  const option = useMemo((): ChartOption => {
    const dateFormat = new Intl.DateTimeFormat(locale === 'ja' ? 'ja-JP' : 'en-US', {
      month: 'short',
      day: 'numeric',
      timeZone: 'UTC',
    });
    const weekdayFormat = new Intl.DateTimeFormat(locale === 'ja' ? 'ja-JP' : 'en-US', {
      month: 'numeric',
      day: 'numeric',
      weekday: 'short',
      timeZone: 'UTC',
    });
    const keys = points.map((point) => point.key);
    const labels = keys.map((key) => dateFormat.format(new Date(`${key}T00:00:00Z`)));
    const lower = points.map((point) => scale(unit, point.ci95?.[0] ?? null));
    const width = points.map((point) => (point.ci95 ? (scale(unit, point.ci95[1] - point.ci95[0]) ?? null) : null));
    const values = points.map((point) => scale(unit, point.value));
    const markLines: { yAxis?: number; xAxis?: number; name: string; color: string; dashed: boolean }[] = [];
    if (goal !== null && goal !== undefined) {
      markLines.push({ yAxis: scale(unit, goal) ?? 0, name: t('insights.trends.goal'), color: GOAL, dashed: false });
    }
    if (benchmark?.target !== null && benchmark?.target !== undefined) {
      markLines.push({
        yAxis: scale(unit, benchmark.target) ?? 0,
        name: t('insights.trends.benchmark'),
        color: BENCHMARK,
        dashed: true,
      });
    }
    for (const note of annotations ?? []) {
      const index = bucketIndex(keys, note.day);
      if (index >= 0) markLines.push({ xAxis: index, name: note.label, color: NOTE, dashed: true });
    }
    const band =
      benchmark && benchmark.target === null && benchmark.low !== null && benchmark.high !== null
        ? [scale(unit, benchmark.low) ?? 0, scale(unit, benchmark.high) ?? 0]
        : null;
    const axisUnit = unit === 'duration' ? (locale === 'ja' ? ' 時間' : ' h') : unit === 'percent' ? '%' : '';
    const format = (value: number) => formatFigure(unit === 'duration' ? value * 3600 : value, unit, locale);

    return {
      grid: { left: 52, right: 24, top: 28, bottom: 28 },
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: bars ? 'shadow' : 'line' },
        formatter: (params) => {
          const first = Array.isArray(params) ? params[0] : params;
          const index = first?.dataIndex ?? -1;
          const point = points[index];
          if (!point) return '';
          const head = bucket === 'week' ? t('insights.trends.weekOf', { day: labels[index] }) : labels[index];
          if (point.value === null) return `${head}<br/>${t('insights.trends.noData')}`;
          if (forecast) {
            const range = point.ci95 ? ` (${formatRange(point.ci95, unit, locale)})` : '';
            return `${head}<br/>${t('insights.volume.expected')} <b>${formatFigure(point.value, unit, locale)}</b>${range}`;
          }
          const interval = point.ci95 ? ` · ${t('insights.ci')} ${formatRange(point.ci95, unit, locale)}` : '';
          const notes = (annotations ?? [])
            .filter((note) => bucketIndex(keys, note.day) === index)
            .map((note) => `<br/>◆ ${note.label.replace(/[<>&]/g, '')}`)
            .join('');
          // A count is its own sample size: no "(n=…)" after it.
          const sample = unit === 'count' && !point.ci95 ? '' : ` (n=${formatNumber(point.n, locale)}${interval})`;
          return `${head}<br/><b>${formatFigure(point.value, unit, locale)}</b>${sample}${notes}`;
        },
      },
      xAxis: {
        type: 'category',
        data: forecast ? keys.map((key) => weekdayFormat.format(new Date(`${key}T00:00:00Z`))) : labels,
        boundaryGap: Boolean(bars),
        axisLabel: { color: '#868e96' },
      },
      yAxis: {
        type: 'value',
        ...(unit === 'percent' ? { min: 0, max: 100 } : {}),
        ...(unit === 'index' ? { min: -100, max: 100 } : {}),
        // A count has no half cases: whole-number ticks.
        ...(unit === 'count' ? { minInterval: 1 } : {}),
        splitLine: { lineStyle: { color: '#f1f3f5' } },
        axisLabel: { color: '#868e96', formatter: (value: number) => `${value}${axisUnit}` },
      },
      series: [
        // The interval band: an invisible line at the lower bound with the width stacked on top of it.
        { type: 'line', data: lower, stack: 'ci', lineStyle: { opacity: 0 }, symbol: 'none', silent: true },
        {
          type: 'line',
          data: width,
          stack: 'ci',
          lineStyle: { opacity: 0 },
          areaStyle: { color: BAND },
          symbol: 'none',
          silent: true,
        },
        {
          ...(bars
            ? { type: 'bar' as const, barMaxWidth: 28, itemStyle: { color: LINE, borderRadius: [3, 3, 0, 0] } }
            : {
                type: 'line' as const,
                connectNulls: false,
                lineStyle: { color: LINE, width: 2 },
                itemStyle: { color: LINE },
                symbolSize: points.length > 40 ? 3 : 6,
              }),
          name: label,
          data: values,
          markLine: {
            symbol: 'none',
            silent: true,
            data: markLines.map((line) => ({
              ...(line.yAxis !== undefined ? { yAxis: line.yAxis } : { xAxis: line.xAxis }),
              name: line.name,
              lineStyle: { color: line.color, type: line.dashed ? 'dashed' : 'solid', width: 1.4 },
              label: {
                formatter:
                  line.xAxis !== undefined
                    ? line.name.length > 12
                      ? `${line.name.slice(0, 11)}…`
                      : line.name
                    : `${line.name} ${format(line.yAxis ?? 0)}`,
                color: line.color,
                // Goal above its line, benchmark below, so the two never print over each other.
                position: line.xAxis !== undefined ? 'end' : line.dashed ? 'insideEndBottom' : 'insideEndTop',
                fontSize: 11,
              },
            })),
          },
          ...(band
            ? {
                markArea: {
                  silent: true,
                  itemStyle: { color: 'rgba(134, 142, 150, 0.08)' },
                  label: { show: true, position: 'insideTopLeft', color: BENCHMARK, fontSize: 11 },
                  data: [[{ yAxis: band[0], name: t('insights.trends.benchmark') }, { yAxis: band[1] }]],
                },
              }
            : {}),
        },
      ],
    };
  }, [points, unit, label, bucket, goal, benchmark, annotations, forecast, bars, locale, t]);

  return (
    <EChart
      option={option}
      height={220}
      label={label}
      testId={testId}
      onItemClick={
        onPointClick ? ({ dataIndex }) => points[dataIndex] && onPointClick(points[dataIndex].key) : undefined
      }
    />
  );
}
