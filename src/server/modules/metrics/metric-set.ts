import type { DurationFigure, Interval, MetricSet, ProportionFigure } from '../../../shared/contracts/metrics.ts';
import { kindScale } from '../../../shared/metrics/bands.ts';
import { figuresFromCounts } from '../../../shared/metrics/figures.ts';
import { wilsonInterval } from '../../../shared/metrics/intervals.ts';
import { type Durations, emptyDuration } from './family-durations.ts';
import { emptyRates, type RateCounts } from './family-rates.ts';
import { emptyCounts, type KindCounts, type ResponseRateCounts } from './family-satisfaction.ts';
import { emptyVolume, type VolumeCounts } from './family-volume.ts';

/** The counts of one group (or the totals) from every family, from which its MetricSet is computed. */
export interface MetricCounts {
  scores: KindCounts;
  responseRate: ResponseRateCounts;
  durations: Durations;
  rates: RateCounts;
  volume: VolumeCounts;
}

export const emptyMetricCounts = (): MetricCounts => ({
  scores: { csat: emptyCounts(), nps: emptyCounts(), ces7: emptyCounts(), ces5: emptyCounts() },
  responseRate: { delivered: 0, responses: 0 },
  durations: { first_response: emptyDuration(), resolution: emptyDuration(), reply: emptyDuration() },
  rates: emptyRates(),
  volume: emptyVolume(),
});

const percentInterval = (interval: Interval | null): Interval | null =>
  interval ? [interval[0] * 100, interval[1] * 100] : null;

/** count ÷ n as a percent with its Wilson interval; null (and no interval) when n = 0. */
export function proportion(count: number, n: number): ProportionFigure {
  return {
    percent: n > 0 ? (100 * count) / n : null,
    n,
    count,
    ci95: percentInterval(wilsonInterval(count, n)),
  };
}

const copyDuration = (figure: DurationFigure): DurationFigure => ({ ...figure });

/** The figures of DESIGN.md "Metric definitions" from one group's counts. */
export function metricSet(counts: MetricCounts): MetricSet {
  const { scores, rates } = counts;
  const csat = figuresFromCounts('csat', kindScale('csat'), scores.csat);
  const nps = figuresFromCounts('nps', kindScale('nps'), scores.nps);
  const ces7 = figuresFromCounts('ces7', kindScale('ces7'), scores.ces7);
  const ces5 = figuresFromCounts('ces5', kindScale('ces5'), scores.ces5);
  const { delivered, responses } = counts.responseRate;
  return {
    csat: {
      percent: csat.score.value,
      average: csat.average.value,
      n: scores.csat.n,
      skipped: scores.csat.skipped,
      ci95: csat.score.ci95,
      average_ci95: csat.average.ci95,
    },
    nps: {
      score: nps.score.value,
      n: scores.nps.n,
      skipped: scores.nps.skipped,
      ci95: nps.score.ci95,
      promoters: scores.nps.positive,
      passives: scores.nps.neutral,
      detractors: scores.nps.negative,
    },
    ces7: {
      average: ces7.average.value,
      n: scores.ces7.n,
      ci95: ces7.average.ci95,
      agree_percent: ces7.positiveShare.value,
    },
    ces5: { average: ces5.average.value, n: scores.ces5.n, ci95: ces5.average.ci95 },
    response_rate: { ...proportion(responses, delivered), responses, delivered },
    first_response: copyDuration(counts.durations.first_response),
    reply: copyDuration(counts.durations.reply),
    resolution: copyDuration(counts.durations.resolution),
    fcr: proportion(rates.fcr, rates.fcrEligible),
    one_touch: proportion(rates.oneTouch, rates.resolved),
    reopen: proportion(rates.reopened, rates.resolved),
    volume: { ...counts.volume },
  };
}
