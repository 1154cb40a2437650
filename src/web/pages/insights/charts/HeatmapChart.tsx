import './register.ts';
import { Box, VisuallyHidden } from '@mantine/core';
import type { EChartsType } from 'echarts/core';
import { type KeyboardEvent, useCallback, useMemo, useRef, useState } from 'react';
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

/** Where an arrow key moves the keyboard's cell: rows wrap at neither end, hours neither. */
const MOVES: Record<string, [number, number]> = {
  ArrowUp: [-1, 0],
  ArrowDown: [1, 0],
  ArrowLeft: [0, -1],
  ArrowRight: [0, 1],
};

/**
 * Rows × hours of the day, shaded by value (white → Koe blue), the value in the tooltip. Every
 * cell is drawn (empty ones at 0), so the grid reads as a whole. When cells can be opened, the
 * chart is one tab stop: arrow keys move between cells (the tooltip and a screen-reader
 * announcement follow), Home and End go to a row's ends, Enter or Space opens the cell.
 */
export default function HeatmapChart({ rows, cells, label, valueText, testId, onCellClick }: HeatmapChartProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  /** values[row][hour], every cell. */
  const values = useMemo(() => {
    const grid = rows.map(() => Array.from({ length: 24 }, () => 0));
    for (const [row, hour, value] of cells) {
      const line = grid[row];
      if (line && hour >= 0 && hour < 24) line[hour] = value;
    }
    return grid;
  }, [rows, cells]);
  const cellName = useCallback(
    (row: number, hour: number) =>
      `${rows[row] ?? ''} ${t('insights.heatmap.hourRange', { from: hour, to: hour + 1 })}`,
    [rows, t],
  );

  const option = useMemo((): ChartOption => {
    const max = Math.max(1, ...values.flat());
    return {
      grid: { left: 64, right: 16, top: 8, bottom: 56 },
      tooltip: {
        className: 'koe-heatmap-tooltip',
        // Above the cell, or below it in the top row: above, it would cover the card's title and hint.
        position: (point, _params, _dom, rect, size) => {
          const [width, height] = size.contentSize;
          const cell = rect ?? { x: point[0], y: point[1], width: 0, height: 0 };
          const x = Math.min(Math.max(0, cell.x + cell.width / 2 - width / 2), size.viewSize[0] - width);
          const above = cell.y - height - 6;
          return [x, above >= 0 ? above : cell.y + cell.height + 6];
        },
        formatter: (params) => {
          const item = Array.isArray(params) ? params[0] : params;
          const [hour, row, value] = (item?.value ?? [0, 0, 0]) as [number, number, number];
          return `${cellName(row, hour)}<br/><b>${valueText(value)}</b>`;
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
          // Row by row, so a cell's data index is row × 24 + hour.
          data: values.flatMap((line, row) => line.map((value, hour) => [hour, row, value])),
          label: { show: false },
          itemStyle: { borderColor: '#fff', borderWidth: 1 },
          emphasis: { itemStyle: { borderColor: '#212529', borderWidth: 1 } },
        },
      ],
    };
  }, [rows, values, valueText, locale, cellName]);

  const open = useCallback(
    (row: number, hour: number) => {
      const value = values[row]?.[hour] ?? 0;
      if (value > 0) onCellClick?.({ row, hour, value });
    },
    [values, onCellClick],
  );
  const onItemClick = useCallback(
    ({ dataIndex }: { dataIndex: number }) => open(Math.floor(dataIndex / 24), dataIndex % 24),
    [open],
  );

  const chart = useRef<EChartsType | null>(null);
  const [focused, setFocused] = useState<{ row: number; hour: number } | null>(null);
  const show = useCallback((cell: { row: number; hour: number } | null) => {
    const instance = chart.current;
    if (instance) {
      instance.dispatchAction({ type: 'downplay', seriesIndex: 0 });
      if (cell) {
        const dataIndex = cell.row * 24 + cell.hour;
        instance.dispatchAction({ type: 'highlight', seriesIndex: 0, dataIndex });
        instance.dispatchAction({ type: 'showTip', seriesIndex: 0, dataIndex });
      } else instance.dispatchAction({ type: 'hideTip' });
    }
    setFocused(cell);
  }, []);
  /** The busiest cell first: what a person tabbing in most likely wants. */
  const busiest = useCallback(() => {
    let best = { row: 0, hour: 0, value: -1 };
    values.forEach((line, row) => {
      line.forEach((value, hour) => {
        if (value > best.value) best = { row, hour, value };
      });
    });
    return { row: best.row, hour: best.hour };
  }, [values]);
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const at = focused ?? busiest();
    const move = MOVES[event.key];
    let next: { row: number; hour: number } | null = null;
    if (move) {
      next = {
        row: Math.min(rows.length - 1, Math.max(0, at.row + move[0])),
        hour: Math.min(23, Math.max(0, at.hour + move[1])),
      };
    } else if (event.key === 'Home') next = { row: at.row, hour: 0 };
    else if (event.key === 'End') next = { row: at.row, hour: 23 };
    else if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      open(at.row, at.hour);
      return;
    } else return;
    event.preventDefault();
    show(next);
  };

  const drawn = (
    <EChart
      option={option}
      height={rows.length * 30 + 72}
      label={label}
      testId={testId}
      onItemClick={onCellClick ? onItemClick : undefined}
      onChart={(instance) => {
        chart.current = instance;
      }}
    />
  );
  if (!onCellClick) return drawn;
  return (
    <Box
      tabIndex={0}
      className="koe-chart-keys"
      aria-label={`${label}. ${t('insights.heatmap.keys')}`}
      aria-describedby={testId ? `${testId}-cell` : undefined}
      onKeyDown={onKeyDown}
      onFocus={() => show(focused ?? busiest())}
      onBlur={() => show(null)}
      data-testid={testId ? `${testId}-keys` : undefined}
    >
      {drawn}
      <VisuallyHidden id={testId ? `${testId}-cell` : undefined} aria-live="polite">
        {focused
          ? `${cellName(focused.row, focused.hour)}: ${valueText(values[focused.row]?.[focused.hour] ?? 0)}`
          : ''}
      </VisuallyHidden>
    </Box>
  );
}
