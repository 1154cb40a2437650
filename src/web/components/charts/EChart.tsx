import type { BarSeriesOption, HeatmapSeriesOption, LineSeriesOption } from 'echarts/charts';
import { BarChart, LineChart } from 'echarts/charts';
import type {
  GridComponentOption,
  LegendComponentOption,
  MarkAreaComponentOption,
  MarkLineComponentOption,
  TooltipComponentOption,
  VisualMapComponentOption,
} from 'echarts/components';
import { AriaComponent, GridComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import { type ComposeOption, type EChartsType, init, use } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

// Only the parts Koe draws, so the chart chunk stays small; this module is always loaded lazily.
use([LineChart, BarChart, GridComponent, TooltipComponent, MarkLineComponent, AriaComponent, SVGRenderer]);

// Heatmaps, visual maps, legends and marked areas are registered by the Insights charts that use them
// (src/web/pages/insights/charts/register.ts), so other chart chunks do not carry them.
export type ChartOption = ComposeOption<
  | LineSeriesOption
  | BarSeriesOption
  | HeatmapSeriesOption
  | GridComponentOption
  | TooltipComponentOption
  | MarkLineComponentOption
  | MarkAreaComponentOption
  | VisualMapComponentOption
  | LegendComponentOption
>;

interface EChartProps {
  option: ChartOption;
  height: number;
  /** What the chart shows, for screen readers (ECharts adds a description of the data too). */
  label: string;
  testId?: string;
  /** Called with the clicked item's position (e.g. to open the items behind a bar). */
  onItemClick?: (item: { dataIndex: number; seriesIndex: number; name: string }) => void;
  /** The chart once drawn (null when it goes), for callers that drive it (keyboard, tooltips). */
  onChart?: (chart: EChartsType | null) => void;
}

/** An ECharts chart that follows its container's width. */
export default function EChart({ option, height, label, testId, onItemClick, onChart }: EChartProps) {
  const ref = useRef<HTMLDivElement>(null);
  const chartRef = useRef<EChartsType | null>(null);
  const clickRef = useRef(onItemClick);
  clickRef.current = onItemClick;
  const chartCallbackRef = useRef(onChart);
  chartCallbackRef.current = onChart;

  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const chart = init(element, undefined, { renderer: 'svg' });
    chartRef.current = chart;
    chart.on('click', (params) => {
      clickRef.current?.({
        dataIndex: params.dataIndex,
        seriesIndex: params.seriesIndex ?? 0,
        name: params.name,
      });
    });
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(element);
    chartCallbackRef.current?.(chart);
    return () => {
      observer.disconnect();
      chartCallbackRef.current?.(null);
      chart.dispose();
      chartRef.current = null;
    };
  }, []);

  useEffect(() => {
    chartRef.current?.setOption({ aria: { enabled: true }, animationDuration: 300, ...option }, true);
  }, [option]);

  return <div ref={ref} style={{ height, width: '100%' }} role="img" aria-label={label} data-testid={testId} />;
}
