import type { CompiledCalendar } from '../../../shared/business-hours.ts';
import { durationSeconds } from '../../../shared/business-hours.ts';
import type { SlaTargetKind } from '../../../shared/contracts/sla.ts';
import type { Tx } from '../../db/client.ts';
import { slaTargets } from '../../db/schema/index.ts';
import { newId } from '../../lib/id.ts';
import { runClock, secondsLeft } from './clock.ts';
import { selectPolicy } from './matching.ts';
import type { SlaConversation } from './state.ts';
import type { PolicyRow } from './store.ts';
import {
  breach,
  earliestDue,
  type Fired,
  isOpen,
  nothingFired,
  saveDueAt,
  saveTargets,
  type TargetRow,
} from './targets.ts';

const RESPONSE_KINDS: readonly SlaTargetKind[] = ['first_response', 'next_response'];
const SECONDS_OF: Record<SlaTargetKind, (p: PolicyRow) => number | null> = {
  first_response: (p) => p.firstResponseSeconds,
  next_response: (p) => p.nextResponseSeconds,
  resolution: (p) => p.resolutionSeconds,
};
const DEFAULT_WARN_PERCENT = 80;

/** Compiled calendars by id; none (or a deleted one) counts calendar time. */
type SlaCalendars = (calendarId: string | null) => CompiledCalendar | null;

/**
 * One conversation's SLA clocks during one step (engine.ts feeds it the step's events in
 * order): the state machine, in memory, then `save()` writes what changed.
 */
export class ConversationClocks {
  readonly fired: Fired = nothingFired();
  private readonly inserted: TargetRow[] = [];
  private readonly dirty = new Set<TargetRow>();
  private reselected = false;

  private readonly tx: Tx;
  private readonly workspaceId: string;
  private readonly state: SlaConversation;
  private readonly targets: TargetRow[];
  private readonly policies: PolicyRow[];
  private readonly calendars: SlaCalendars;

  constructor(
    tx: Tx,
    workspaceId: string,
    state: SlaConversation,
    targets: TargetRow[],
    policies: PolicyRow[],
    calendars: SlaCalendars,
  ) {
    this.tx = tx;
    this.workspaceId = workspaceId;
    this.state = state;
    this.targets = targets;
    this.policies = policies;
    this.calendars = calendars;
  }

  private policy(id: string): PolicyRow | undefined {
    return this.policies.find((p) => p.id === id);
  }

  private calendarOf(t: { calendarId: string | null }): CompiledCalendar | null {
    return this.calendars(t.calendarId);
  }

  private warnPercent(policyId: string): number {
    return this.policy(policyId)?.warnAtPercent ?? DEFAULT_WARN_PERCENT;
  }

  private touch(t: TargetRow, at: Date): void {
    t.updatedAt = at;
    if (!this.inserted.includes(t)) this.dirty.add(t);
  }

  private open(cycle: number, kinds?: readonly SlaTargetKind[]): TargetRow[] {
    return this.targets.filter((t) => t.cycle === cycle && isOpen(t) && (!kinds || kinds.includes(t.kind)));
  }

  /** The policy of the cycle's open clocks, else the one the conversation selects now. */
  private cyclePolicy(cycle: number): PolicyRow | null {
    const running = this.open(cycle)[0];
    const current = running ? this.policy(running.policyId) : undefined;
    return current ?? selectPolicy(this.policies, this.state);
  }

  /** Breaches every running clock whose deadline is before `at` (the change comes after it). */
  catchUp(at: Date): void {
    for (const t of this.targets) {
      if (t.status === 'active' && t.dueAt && t.dueAt < at) {
        breach(t, this.state.contactId, at, this.fired);
        this.touch(t, at);
      }
    }
  }

  /** A new clock of `policy` (none when the policy has no such target) started at `startedAt`. */
  private start(
    kind: SlaTargetKind,
    policy: PolicyRow,
    cycle: number,
    at: Date,
    options: { sequence?: number; startedAt?: Date; paused?: boolean } = {},
  ): void {
    const seconds = SECONDS_OF[kind](policy);
    if (seconds === null) return;
    const startedAt = options.startedAt ?? at;
    const calendar = this.calendars(policy.calendarId);
    // Time already spent (a policy applying later in the cycle): counted in the new calendar.
    const remaining = seconds - durationSeconds(calendar, startedAt, at);
    const clock = options.paused ? null : runClock(calendar, at, remaining, seconds, policy.warnAtPercent);
    const target: TargetRow = {
      workspaceId: this.workspaceId,
      id: newId(at.getTime()),
      conversationId: this.state.id,
      cycle,
      kind,
      sequence: options.sequence ?? 1,
      policyId: policy.id,
      targetSeconds: seconds,
      calendarId: policy.calendarId,
      startedAt,
      dueAt: clock?.dueAt ?? null,
      warnAt: clock?.warnAt ?? null,
      remainingSeconds: options.paused ? Math.max(0, remaining) : null,
      pausedAt: options.paused ? at : null,
      status: options.paused ? 'paused' : 'active',
      warnedAt: null,
      breachedAt: null,
      metAt: null,
      agentId: this.state.assigneeId,
      teamId: this.state.teamId,
      channel: this.state.channel,
      createdAt: at,
      updatedAt: at,
    };
    this.targets.push(target);
    this.inserted.push(target);
  }

  private nextSequence(cycle: number): number {
    const used = this.targets.filter((t) => t.cycle === cycle && t.kind === 'next_response').map((t) => t.sequence);
    return Math.max(0, ...used) + 1;
  }

  /** The clocks of a new care cycle; anything still open from an earlier cycle is withdrawn. */
  startCycle(cycle: number, at: Date): void {
    for (const t of this.targets) if (t.cycle < cycle && isOpen(t)) this.cancel(t, at);
    const policy = selectPolicy(this.policies, this.state);
    if (!policy) return;
    this.start('first_response', policy, cycle, at);
    this.start('resolution', policy, cycle, at);
  }

  private meet(t: TargetRow, at: Date, agentId: string | null): void {
    if (t.status === 'paused' || t.status === 'active') t.status = 'met';
    t.metAt = at;
    t.pausedAt = null;
    if (t.remainingSeconds !== null) t.remainingSeconds = null;
    if (agentId) t.agentId = agentId;
    this.touch(t, at);
  }

  private cancel(t: TargetRow, at: Date): void {
    // A breached clock keeps its breach (breached_at) when withdrawn.
    t.status = 'cancelled';
    t.pausedAt = null;
    this.touch(t, at);
  }

  /** A public human reply meets the open response clocks of the cycle. */
  reply(cycle: number, at: Date, responderId: string | null): void {
    for (const t of this.open(cycle, RESPONSE_KINDS)) this.meet(t, at, responderId ?? this.state.assigneeId);
  }

  /** A customer message once the cycle has had a reply, with no response clock open: the next-response clock. */
  customerMessage(cycle: number, at: Date): void {
    if (!this.state.firstResponseAt || this.state.status !== 'open') return;
    if (this.open(cycle, RESPONSE_KINDS).length > 0) return;
    const policy = this.cyclePolicy(cycle);
    if (policy) this.start('next_response', policy, cycle, at, { sequence: this.nextSequence(cycle) });
  }

  /** Pending: every clock stops, keeping the business seconds left; breached clocks leave the inbox's due time. */
  pause(cycle: number, at: Date): void {
    for (const t of this.open(cycle)) {
      if (t.pausedAt) continue;
      if (t.status === 'active' && t.dueAt) {
        t.remainingSeconds = secondsLeft(this.calendarOf(t), at, t.dueAt);
        t.status = 'paused';
        t.dueAt = null;
        t.warnAt = null;
      }
      t.pausedAt = at;
      this.touch(t, at);
    }
  }

  /** Back from pending: due = now + the seconds left, in the clock's calendar. */
  resume(cycle: number, at: Date): void {
    for (const t of this.open(cycle)) {
      if (!t.pausedAt) continue;
      if (t.status === 'paused') {
        const clock = runClock(
          this.calendarOf(t),
          at,
          t.remainingSeconds ?? 0,
          t.targetSeconds,
          this.warnPercent(t.policyId),
        );
        t.dueAt = clock.dueAt;
        t.warnAt = clock.warnAt;
        t.remainingSeconds = null;
        t.status = 'active';
      }
      t.pausedAt = null;
      this.touch(t, at);
    }
  }

  /** Resolved: the resolution clock is met; response clocks no longer apply. */
  resolve(cycle: number, at: Date, resolverId: string | null): void {
    for (const t of this.open(cycle)) {
      if (t.kind === 'resolution') this.meet(t, at, resolverId ?? this.state.assigneeId);
      else this.cancel(t, at);
    }
  }

  /** Who the open clocks concern follows assignment and team changes until they are decided. */
  follow(cycle: number, at: Date, change: { agentId?: string | null; teamId?: string | null }): void {
    for (const t of this.open(cycle)) {
      const agentId = change.agentId === undefined ? t.agentId : change.agentId;
      const teamId = change.teamId === undefined ? t.teamId : change.teamId;
      if (agentId === t.agentId && teamId === t.teamId) continue;
      t.agentId = agentId;
      t.teamId = teamId;
      this.touch(t, at);
    }
  }

  /**
   * Priority or tags changed: the policy is selected again. When another policy applies,
   * each open, unbreached clock takes the new policy's target for its kind and keeps the
   * time already spent (seconds left = new target − seconds spent, counted in the old
   * calendar; at once overdue if none is left), or is cancelled when the new policy has no
   * such target (or none applies). Clocks the new policy has and the cycle lacks start as
   * if they had run since the cycle started (first response and resolution) or since the
   * customer began waiting (next response). Breached clocks stay as they are. Runs once per
   * change, and only while the conversation is open or pending.
   */
  reselect(cycle: number, at: Date): void {
    if (this.reselected || (this.state.status !== 'open' && this.state.status !== 'pending')) return;
    this.reselected = true;
    const next = selectPolicy(this.policies, this.state);
    const open = this.open(cycle).filter((t) => t.status === 'active' || t.status === 'paused');
    const currentId = this.open(cycle)[0]?.policyId ?? null;
    if ((next?.id ?? null) === currentId && currentId !== null) return;
    if (!next && open.length === 0) return;
    for (const t of open) {
      const seconds = next ? SECONDS_OF[t.kind](next) : null;
      if (!next || seconds === null) {
        this.cancel(t, at);
        continue;
      }
      const left =
        t.status === 'paused' ? (t.remainingSeconds ?? 0) : secondsLeft(this.calendarOf(t), at, t.dueAt ?? at);
      const remaining = seconds - (t.targetSeconds - left);
      t.policyId = next.id;
      t.targetSeconds = seconds;
      t.calendarId = next.calendarId;
      if (t.status === 'paused') t.remainingSeconds = Math.max(0, remaining);
      else {
        const clock = runClock(this.calendarOf(t), at, remaining, seconds, next.warnAtPercent);
        t.dueAt = clock.dueAt;
        t.warnAt = clock.warnAt;
      }
      this.touch(t, at);
    }
    if (!next) return;
    const paused = this.state.status === 'pending';
    const had = (kind: SlaTargetKind) => this.targets.some((t) => t.cycle === cycle && t.kind === kind);
    if (!had('first_response') && !this.state.firstResponseAt) {
      this.start('first_response', next, cycle, at, { startedAt: this.state.cycleStartedAt, paused });
    }
    if (!had('resolution')) this.start('resolution', next, cycle, at, { startedAt: this.state.cycleStartedAt, paused });
    const waiting = this.state.waitingSince;
    if (this.state.firstResponseAt && waiting && this.open(cycle, RESPONSE_KINDS).length === 0) {
      this.start('next_response', next, cycle, at, { sequence: this.nextSequence(cycle), startedAt: waiting, paused });
    }
  }

  async save(): Promise<void> {
    if (this.inserted.length > 0) await this.tx.insert(slaTargets).values(this.inserted);
    await saveTargets(this.tx, [...this.dirty]);
    const due = earliestDue(this.targets);
    if ((due?.getTime() ?? null) !== (this.state.slaDueAt?.getTime() ?? null)) {
      await saveDueAt(this.tx, this.workspaceId, this.state.id, due);
    }
  }
}
