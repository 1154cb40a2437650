import type { z } from 'zod';
import type { AppContext } from '../../server/context.ts';

/** How a command reports how far it is; `signal` aborts when the user presses Ctrl-C or the caller hangs up. */
export interface Progress {
  report(done: number, total: number, label?: string): void;
  readonly signal: AbortSignal;
}

/**
 * A command that needs the database. It runs identically in the CLI's own process
 * (no server holds the data directory) and inside a running `koe serve`, reached
 * through the admin channel: arguments and result are plain JSON either way.
 */
export interface AdminCommand<A extends z.ZodType = z.ZodType, R = unknown> {
  name: string;
  args: A;
  run(app: AppContext, args: z.output<A>, progress: Progress): Promise<R>;
}

export function defineCommand<A extends z.ZodType, R>(command: AdminCommand<A, R>): AdminCommand<A, R> {
  return command;
}

export const silentProgress = (signal: AbortSignal = new AbortController().signal): Progress => ({
  report: () => undefined,
  signal,
});

export class CommandAbortedError extends Error {
  constructor() {
    super('Stopped before it finished.');
  }
}

export function throwIfAborted(signal: AbortSignal): void {
  if (signal.aborted) throw new CommandAbortedError();
}
