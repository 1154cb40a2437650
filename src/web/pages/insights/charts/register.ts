import { HeatmapChart } from 'echarts/charts';
import { LegendComponent, MarkAreaComponent, VisualMapComponent } from 'echarts/components';
import { use } from 'echarts/core';

// The parts only Insights draws (heatmaps, colour scales, legends, shaded areas), registered
// when its charts load; EChart.tsx registers the lines and bars every chart uses.
use([HeatmapChart, VisualMapComponent, LegendComponent, MarkAreaComponent]);
