import { addBusinessSeconds, type CompiledCalendar, durationSeconds } from '../../../shared/business-hours.ts';

/**
 * SLA clock arithmetic, pure: deadlines count the seconds of the policy's business-hours
 * calendar, or calendar time when it has none.
 */

/** The instant at which `seconds` of the calendar's time have passed since `from`. */
export function deadline(calendar: CompiledCalendar | null, from: Date, seconds: number): Date {
  if (seconds <= 0) return new Date(from.getTime());
  if (calendar) {
    try {
      return addBusinessSeconds(calendar, from, seconds);
    } catch {
      // A calendar never open (no ranges left): count calendar time rather than never.
    }
  }
  return new Date(from.getTime() + seconds * 1000);
}

/** The calendar's seconds from `now` to `due` (0 when it has passed). */
export function secondsLeft(calendar: CompiledCalendar | null, now: Date, due: Date): number {
  return durationSeconds(calendar, now, due);
}

/** The warning fires when `warnAtPercent` of the target has passed: this many seconds before the deadline. */
export function warnLead(targetSeconds: number, warnAtPercent: number): number {
  return Math.round((targetSeconds * (100 - warnAtPercent)) / 100);
}

export interface RunningClock {
  dueAt: Date;
  warnAt: Date;
}

/**
 * A clock that runs from `now` with `remaining` seconds left: its deadline, and when its
 * warning is due (at once when less than the warning's lead is left).
 */
export function runClock(
  calendar: CompiledCalendar | null,
  now: Date,
  remaining: number,
  targetSeconds: number,
  warnAtPercent: number,
): RunningClock {
  const left = Math.max(0, remaining);
  const lead = warnLead(targetSeconds, warnAtPercent);
  return {
    dueAt: deadline(calendar, now, left),
    warnAt: left > lead ? deadline(calendar, now, left - lead) : new Date(now.getTime()),
  };
}
