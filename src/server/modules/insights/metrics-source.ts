/** The one place this module reaches the metrics core: every figure comes from computeMetrics. */
export { computeMetrics } from '../metrics/report.ts';
