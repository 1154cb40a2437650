import type { Locale } from '../../shared/contracts/common.ts';
import type { SlaTargetSummary } from '../../shared/contracts/sla-targets.ts';

/**
 * What a conversation's SLA badge says: the most urgent open clock — the nearest running
 * deadline (overdue first), else the paused clock with the least time left — and its tone:
 * red when overdue, amber once its warning time is reached, neutral otherwise.
 */
export type SlaTone = 'overdue' | 'warning' | 'running' | 'paused';

export interface SlaClockView {
  target: SlaTargetSummary;
  tone: SlaTone;
  /** Seconds left (running, paused) or past the deadline (overdue); never negative. */
  seconds: number;
}

export function slaClockView(targets: readonly SlaTargetSummary[], now: number): SlaClockView | null {
  let running: SlaTargetSummary | null = null;
  for (const t of targets) {
    if (t.dueAt && (!running?.dueAt || t.dueAt < running.dueAt)) running = t;
  }
  if (running?.dueAt) {
    const due = Date.parse(running.dueAt);
    if (due < now) return { target: running, tone: 'overdue', seconds: Math.floor((now - due) / 1000) };
    const warned = running.warnedAt !== null || (running.warnAt !== null && Date.parse(running.warnAt) <= now);
    return { target: running, tone: warned ? 'warning' : 'running', seconds: Math.ceil((due - now) / 1000) };
  }
  let paused: SlaTargetSummary | null = null;
  for (const t of targets) {
    if (t.remainingSeconds !== null && (paused === null || t.remainingSeconds < (paused.remainingSeconds ?? 0))) {
      paused = t;
    }
  }
  if (paused) return { target: paused, tone: 'paused', seconds: paused.remainingSeconds ?? 0 };
  const breached = targets.find((t) => t.breachedAt !== null);
  return breached ? { target: breached, tone: 'paused', seconds: 0 } : null;
}

/** Two units at most, for a badge: "2 日 3 時間" / "2 d 3 h", "1 時間 5 分" / "1 h 5 min", "12 分" / "12 min". */
export function formatShortDuration(seconds: number, locale: Locale, coarse = false): string {
  const minutes = Math.max(1, Math.round(seconds / 60));
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const rest = minutes % 60;
  const ja = locale === 'ja';
  if (days > 0) {
    const d = ja ? `${days} 日` : `${days} d`;
    return hours > 0 && !coarse ? `${d} ${ja ? `${hours} 時間` : `${hours} h`}` : d;
  }
  if (hours > 0) {
    const h = ja ? `${hours} 時間` : `${hours} h`;
    // Coarse (a list row): from two hours on, whole hours are enough; the tooltip has the exact time.
    return rest > 0 && !(coarse && hours >= 2) ? `${h} ${ja ? `${rest} 分` : `${rest} min`}` : h;
  }
  return ja ? `${rest} 分` : `${rest} min`;
}
