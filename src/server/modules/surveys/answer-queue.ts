import type { PublicAnswerInput } from '../../../shared/contracts/surveys.ts';
import type { Database, Db } from '../../db/client.ts';
import { type AnswerPlan, planAnswer } from './answer-plan.ts';
import { answerTargets, checkTarget, targetKey } from './answer-target.ts';
import { writeAnswerPlans } from './answer-writes.ts';
import { submitPublicAnswer } from './responses.ts';
import { type InvitationToken, readInvitationToken } from './tokens.ts';

type AnswerResult = Awaited<ReturnType<typeof submitPublicAnswer>>;

interface Waiting {
  input: PublicAnswerInput;
  token: InvitationToken;
  key: string;
  resolve(result: AnswerResult): void;
  reject(error: unknown): void;
}

type Outcome = { ok: true; result: AnswerResult } | { ok: false; error: unknown };

const MAX_BATCH = 64;

/**
 * Group commit for public answers. Answers that arrive while a batch is being written
 * wait for the next one, which writes them all in one transaction with one statement
 * per table: at low load a batch is a single answer and nothing waits; in a burst (a
 * campaign's emails, a busy page) throughput grows instead of the queue. An answer is
 * acknowledged only after its batch commits, and answers never share a fate: one that
 * does not fit its survey gets its own 400, and a batch the database refuses is
 * written again answer by answer.
 */
export class AnswerQueue {
  readonly #db: Db;
  readonly #secret: string;
  /** Batches written at once: 1 on PGlite (one connection), a few on PostgreSQL. */
  readonly #parallel: number;
  #waiting: Waiting[] = [];
  #running = 0;
  /** Invitations in a batch being written: their next answers wait, so answers to one invitation apply in order. */
  readonly #writing = new Set<string>();

  constructor(db: Db, secret: string, parallel: number) {
    this.#db = db;
    this.#secret = secret;
    this.#parallel = parallel;
  }

  submit(input: PublicAnswerInput): Promise<AnswerResult> {
    const token = readInvitationToken(this.#secret, input.token);
    // Shareable links make an invitation per visit, and broken tokens get their 400: the plain path.
    if (!token) return submitPublicAnswer(this.#db, this.#secret, input);
    return new Promise((resolve, reject) => {
      this.#waiting.push({ input, token, key: targetKey(token.w, token.i), resolve, reject });
      if (this.#running < this.#parallel) void this.#drain();
    });
  }

  async #drain(): Promise<void> {
    this.#running++;
    try {
      for (;;) {
        // One turn of the event loop first, so answers that arrived together are read in: PGlite runs a
        // transaction without yielding to I/O, so without this every batch would be the one answer that started it.
        await new Promise((resolve) => setImmediate(resolve));
        const batch = this.#take();
        if (batch.length === 0) break;
        try {
          await this.#write(batch);
        } finally {
          for (const item of batch) this.#writing.delete(item.key);
        }
      }
    } finally {
      this.#running--;
    }
  }

  /** Up to MAX_BATCH answers, one per invitation: a second answer to it waits, so it merges after the first. */
  #take(): Waiting[] {
    const batch: Waiting[] = [];
    const rest: Waiting[] = [];
    for (const item of this.#waiting) {
      if (batch.length < MAX_BATCH && !this.#writing.has(item.key)) {
        batch.push(item);
        this.#writing.add(item.key);
      } else rest.push(item);
    }
    this.#waiting = rest;
    return batch;
  }

  async #write(batch: Waiting[]): Promise<void> {
    let outcomes: Outcome[];
    try {
      outcomes = await this.#db.transaction(async (tx) => {
        const now = new Date();
        const targets = await answerTargets(
          tx,
          batch.map((item) => ({ workspaceId: item.token.w, id: item.token.i })),
        );
        const plans: AnswerPlan[] = [];
        const planned = batch.map((item): Outcome => {
          try {
            const plan = planAnswer(checkTarget(targets.get(item.key), item.token), item.input, now);
            plans.push(plan);
            return { ok: true, result: plan.result };
          } catch (error) {
            return { ok: false, error };
          }
        });
        await writeAnswerPlans(tx, plans, now);
        return planned;
      });
    } catch {
      // The database refused the batch (a lost race, a deadlock): each answer alone, so one cannot fail the others.
      for (const item of batch) submitPublicAnswer(this.#db, this.#secret, item.input).then(item.resolve, item.reject);
      return;
    }
    batch.forEach((item, i) => {
      const outcome = outcomes[i];
      if (outcome?.ok) item.resolve(outcome.result);
      else item.reject(outcome?.error);
    });
  }
}

const queues = new WeakMap<Db, AnswerQueue>();

/** The answer queue of a database (one per server process). */
export function answerQueue(database: Database, secret: string): AnswerQueue {
  let queue = queues.get(database.db);
  if (!queue) {
    queue = new AnswerQueue(database.db, secret, database.engine === 'pglite' ? 1 : 4);
    queues.set(database.db, queue);
  }
  return queue;
}
