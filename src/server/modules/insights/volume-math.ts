import type { VolumeAnalysis } from '../../../shared/contracts/metrics.ts';
import { addDays, isoWeekday, minDay } from './dates.ts';

/**
 * The arithmetic of the volume analysis, on hourly counts of created conversations that
 * SQL grouped by local hour. Pure, so it is tested on hand-made counts.
 */

/** Conversations created in one local hour: `hour` is 'YYYY-MM-DDTHH' local, `at` the instant it began. */
export interface HourCount {
  hour: string;
  at: string;
  created: number;
}

/** How many weeks of the same weekday and hour make the usual level of an hour. */
export const SPIKE_BASELINE_WEEKS = 8;
export const SPIKE_MIN_CREATED = 5;
export const SPIKE_MIN_Z = 3;
export const SPIKE_LIMIT = 50;
/** Weeks averaged for the forecast, and the weeks before them that the trend compares with. */
export const FORECAST_WEEKS = 4;
export const FORECAST_DAYS = 7;
const Z95 = 1.96;

const hourKey = (day: string, hour: number) => `${day}T${String(hour).padStart(2, '0')}`;

function countsByHour(counts: HourCount[]): Map<string, number> {
  const map = new Map<string, number>();
  for (const c of counts) map.set(c.hour, (map.get(c.hour) ?? 0) + c.created);
  return map;
}

/** Mean and sample standard deviation (n − 1). */
function meanAndSd(values: number[]): { mean: number; sd: number } {
  const mean = values.reduce((s, v) => s + v, 0) / values.length;
  if (values.length < 2) return { mean, sd: 0 };
  const variance = values.reduce((s, v) => s + (v - mean) ** 2, 0) / (values.length - 1);
  return { mean, sd: Math.sqrt(variance) };
}

/**
 * Hours of from…to (local dates) whose count is far above the usual level: the mean of the
 * same weekday and hour in each of the 8 weeks before (absent hours count 0), flagged when
 * created ≥ 5 and z = (created − mean) ÷ max(sd, 1) ≥ 3. Newest first, at most 50.
 */
export function findSpikes(counts: HourCount[], from: string, to: string): VolumeAnalysis['spikes'] {
  const byHour = countsByHour(counts);
  const spikes: VolumeAnalysis['spikes'] = [];
  for (const c of counts) {
    const day = c.hour.slice(0, 10);
    if (day < from || day > to || c.created < SPIKE_MIN_CREATED) continue;
    const hour = Number(c.hour.slice(11, 13));
    const baseline: number[] = [];
    for (let week = 1; week <= SPIKE_BASELINE_WEEKS; week++) {
      baseline.push(byHour.get(hourKey(addDays(day, -7 * week), hour)) ?? 0);
    }
    const { mean, sd } = meanAndSd(baseline);
    const z = (c.created - mean) / Math.max(sd, 1);
    if (z >= SPIKE_MIN_Z)
      spikes.push({ at: c.at, weekday: isoWeekday(day), hour, created: c.created, expected: mean, z });
  }
  spikes.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
  return spikes.slice(0, SPIKE_LIMIT);
}

/** Created conversations on the local days first…last (inclusive). */
function totalBetween(counts: HourCount[], first: string, last: string): number {
  let total = 0;
  for (const c of counts) {
    const day = c.hour.slice(0, 10);
    if (day >= first && day <= last) total += c.created;
  }
  return total;
}

/** last 4 weeks ÷ the 4 before, clamped to 0.5–2; 1 when the earlier weeks had nothing. */
export function trendFactor(counts: HourCount[], anchor: string): number {
  const days = 7 * FORECAST_WEEKS;
  const recent = totalBetween(counts, addDays(anchor, -(days - 1)), anchor);
  const earlier = totalBetween(counts, addDays(anchor, -(2 * days - 1)), addDays(anchor, -days));
  if (earlier === 0) return 1;
  return Math.min(2, Math.max(0.5, recent / earlier));
}

/**
 * The 7 days after `anchor`: each local hour expects the mean of the same weekday and hour
 * over the 4 weeks ending at the anchor, times the trend factor; a day expects the sum of
 * its hours, with a Poisson 95 % interval expected ± 1.96 √expected (low ≥ 0).
 */
export function forecastVolume(counts: HourCount[], anchor: string): VolumeAnalysis['forecast'] {
  const byHour = countsByHour(counts);
  const factor = trendFactor(counts, anchor);
  const days: VolumeAnalysis['forecast']['days'] = [];
  const hours: VolumeAnalysis['forecast']['hours'] = [];
  for (let offset = 1; offset <= FORECAST_DAYS; offset++) {
    const day = addDays(anchor, offset);
    let dayExpected = 0;
    for (let hour = 0; hour < 24; hour++) {
      let sum = 0;
      for (let week = 1; week <= FORECAST_WEEKS; week++) sum += byHour.get(hourKey(addDays(day, -7 * week), hour)) ?? 0;
      const expected = (sum / FORECAST_WEEKS) * factor;
      hours.push({ day, hour, expected });
      dayExpected += expected;
    }
    const half = Z95 * Math.sqrt(dayExpected);
    days.push({ day, expected: dayExpected, low: Math.max(0, dayExpected - half), high: dayExpected + half });
  }
  return { from: addDays(anchor, 1), to: addDays(anchor, FORECAST_DAYS), days, hours };
}

/** The first local day whose hourly counts the analysis needs. */
export function earliestNeededDay(from: string, anchor: string): string {
  const forSpikes = addDays(from, -7 * SPIKE_BASELINE_WEEKS);
  const forForecast = addDays(anchor, -(2 * 7 * FORECAST_WEEKS - 1));
  return minDay(forSpikes, forForecast);
}
