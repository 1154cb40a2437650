import './register.ts';
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import EChart, { type ChartOption } from '../../../components/charts/EChart.tsx';
import { formatNumber } from '../../../lib/format.ts';
import { useLocale } from '../../../lib/useLocale.ts';

export interface HeatmapChartProps {
  /** Row names, top to bottom (月 … 日, or dates). */
  rows: string[];
  /** [row, hour 0–23, value] */
  cells: [number, number, number][];
  label: string;
  /** "12 件" / "12 conversations": how a cell's value is read. */
  valueText: (value: number) => string;
  testId?: string;
  /** A cell with a value was clicked (drill-down). */
  onCellClick?: (cell: { row: number; hour: number; value: number }) => void;
}

const HOURS = Array.from({ length: 24 }, (_, hour) => String(hour));

/** Rows × hours of the day, shaded by value (white → Koe blue), the value in the tooltip. */
export default function HeatmapChart({ rows, cells, label, valueText, testId, onCellClick }: HeatmapChartProps) {
  const { t } = useTranslation();
  const locale = useLocale();

  const option = useMemo((): ChartOption => {
    const max = Math.max(1, ...cells.map((cell) => cell[2]));
    return {
      grid: { left: 64, right: 16, top: 8, bottom: 56 },
      tooltip: {
        position: 'top',
        formatter: (params) => {
          const item = Array.isArray(params) ? params[0] : params;
          const [hour, row, value] = (item?.value ?? [0, 0, 0]) as [number, number, number];
          return `${rows[row] ?? ''} ${t('insights.heatmap.hourRange', { from: hour, to: hour + 1 })}<br/><b>${valueText(value)}</b>`;
        },
      },
      xAxis: {
        type: 'category',
        data: HOURS,
        splitArea: { show: true },
        axisLabel: {
          color: '#868e96',
          interval: 1,
          formatter: (value: string) => `${value}${locale === 'ja' ? '時' : ''}`,
        },
        axisTick: { show: false },
      },
      yAxis: {
        type: 'category',
        data: rows,
        inverse: true,
        splitArea: { show: true },
        axisLabel: { color: '#495057' },
        axisTick: { show: false },
      },
      visualMap: {
        min: 0,
        max,
        calculable: false,
        orient: 'horizontal',
        left: 'center',
        bottom: 0,
        itemHeight: 120,
        itemWidth: 10,
        text: [formatNumber(max, locale), '0'],
        textStyle: { color: '#868e96', fontSize: 11 },
        inRange: { color: ['#f8f9ff', '#b6bdf0', '#485bd8', '#25389a'] },
      },
      series: [
        {
          type: 'heatmap',
          // ECharts reads [x, y, value]: x is the hour, y the row.
          data: cells.map(([row, hour, value]) => [hour, row, value]),
          label: { show: false },
          itemStyle: { borderColor: '#fff', borderWidth: 1 },
          emphasis: { itemStyle: { borderColor: '#212529', borderWidth: 1 } },
        },
      ],
    };
  }, [rows, cells, valueText, locale, t]);

  const onItemClick = useCallback(
    ({ dataIndex }: { dataIndex: number }) => {
      const cell = cells[dataIndex];
      if (cell && cell[2] > 0) onCellClick?.({ row: cell[0], hour: cell[1], value: cell[2] });
    },
    [cells, onCellClick],
  );

  return (
    <EChart
      option={option}
      height={rows.length * 30 + 72}
      label={label}
      testId={testId}
      onItemClick={onCellClick ? onItemClick : undefined}
    />
  );
}
