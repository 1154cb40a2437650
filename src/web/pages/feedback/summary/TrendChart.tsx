import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { SurveySummary } from '../../../../shared/contracts/survey-results.ts';
import EChart, { type ChartOption } from '../../../components/charts/EChart.tsx';
import { formatNumber } from '../../../lib/format.ts';
import { formatInterval, formatScoreValue } from '../../../lib/surveyScores.ts';
import { useLocale } from '../../../lib/useLocale.ts';

const LINE = '#485bd8';
const BAND = 'rgba(72, 91, 216, 0.16)';

function axisRange(summary: SurveySummary): { min: number; max: number } {
  if (summary.unit === 'percent') return { min: 0, max: 100 };
  if (summary.unit === 'index') return { min: -100, max: 100 };
  return summary.scale;
}

/** The score per period as a line inside its 95 % interval band; hover shows n. Loaded lazily with ECharts. */
export default function TrendChart({ summary, bucket }: { summary: SurveySummary; bucket: 'day' | 'week' | 'month' }) {
  const { t } = useTranslation();
  const locale = useLocale();

  const option = useMemo((): ChartOption => {
    const dateFormat = new Intl.DateTimeFormat(locale === 'ja' ? 'ja-JP' : 'en-US', {
      month: 'short',
      ...(bucket === 'month' ? { year: 'numeric' } : { day: 'numeric' }),
      timeZone: 'UTC',
    });
    const labels = summary.trend.map((point) => dateFormat.format(new Date(`${point.bucket}T00:00:00Z`)));
    const lower = summary.trend.map((point) => point.score.ci95?.[0] ?? null);
    const width = summary.trend.map((point) => (point.score.ci95 ? point.score.ci95[1] - point.score.ci95[0] : null));
    const values = summary.trend.map((point) => point.score.value);
    const range = axisRange(summary);
    const unit = summary.unit;
    const format = (value: number) => formatScoreValue(value, unit, locale);

    return {
      grid: { left: 48, right: 16, top: 16, bottom: 28 },
      tooltip: {
        trigger: 'axis',
        formatter: (params) => {
          const first = Array.isArray(params) ? params[0] : params;
          const point = summary.trend[first?.dataIndex ?? -1];
          if (!point) return '';
          const n = formatNumber(point.score.n, locale);
          if (point.score.value === null)
            return `${labels[first?.dataIndex ?? 0]}<br/>${t('summary.noAnswersInPeriod')}`;
          const interval = point.score.ci95
            ? ` · ${t('summary.ci')} ${formatInterval(point.score.ci95, unit, locale)}`
            : '';
          return `${labels[first?.dataIndex ?? 0]}<br/><b>${format(point.score.value)}</b> (n=${n}${interval})`;
        },
      },
      xAxis: { type: 'category', data: labels, boundaryGap: false, axisLabel: { color: '#868e96' } },
      yAxis: {
        type: 'value',
        min: range.min,
        max: range.max,
        splitLine: { lineStyle: { color: '#f1f3f5' } },
        axisLabel: {
          color: '#868e96',
          formatter: (value: number) => (unit === 'percent' ? `${value}%` : String(value)),
        },
      },
      series: [
        // The interval band: an invisible line at the lower bound with the width stacked on top of it.
        {
          type: 'line',
          data: lower,
          stack: 'ci',
          lineStyle: { opacity: 0 },
          symbol: 'none',
          silent: true,
          tooltip: { show: false },
        },
        {
          type: 'line',
          data: width,
          stack: 'ci',
          lineStyle: { opacity: 0 },
          areaStyle: { color: BAND },
          symbol: 'none',
          silent: true,
          tooltip: { show: false },
        },
        {
          type: 'line',
          name: t('summary.trend'),
          data: values,
          connectNulls: false,
          lineStyle: { color: LINE, width: 2 },
          itemStyle: { color: LINE },
          symbolSize: 6,
        },
      ],
    };
  }, [summary, bucket, locale, t]);

  return <EChart option={option} height={240} label={t('summary.trendLabel')} testId="summary-trend-chart" />;
}
