import { z } from 'zod';
import { DEFAULT_SEED, type DemoResult, DemoStopped, generateDemo } from '../../server/demo/generate.ts';
import { CommandAbortedError, defineCommand } from './command.ts';

export const DemoArgs = z.object({
  days: z
    .number('must be a whole number')
    .int('must be a whole number')
    .min(1, 'must be at least 1')
    .max(365, 'must be at most 365')
    .default(30),
  conversations: z
    .number('must be a whole number')
    .int('must be a whole number')
    .min(0, 'must be 0 or more')
    .max(100_000, 'must be at most 100000')
    .default(200),
  workspaceId: z.uuid('must be a workspace id (a UUID)').optional(),
  seed: z.string().min(1, 'must not be empty').max(200).default(DEFAULT_SEED),
  /** "Today" for the demo (ISO 8601), for a demo that is the same on every run. */
  now: z.iso
    .datetime({ offset: true, message: 'must be an ISO 8601 date-time such as 2026-04-01T12:00:00+09:00' })
    .optional(),
});
export type DemoArgs = z.infer<typeof DemoArgs>;

export interface DemoCommandResult extends Omit<DemoResult, 'login'> {
  login: { email: string; password: string; url: string } | null;
  seconds: number;
}

export const demo = defineCommand({
  name: 'demo',
  args: DemoArgs,
  async run(app, args, progress): Promise<DemoCommandResult> {
    const started = performance.now();
    try {
      const result = await generateDemo(app.db, {
        days: args.days,
        conversations: args.conversations,
        workspaceId: args.workspaceId,
        seed: args.seed,
        now: args.now ? new Date(args.now) : undefined,
        // PGlite is one connection; PostgreSQL writes several conversations at once.
        concurrency: app.database.engine === 'postgres' ? 6 : 1,
        onProgress: progress.report,
        signal: progress.signal,
      });
      return {
        ...result,
        login: result.login ? { ...result.login, url: app.config.publicUrl } : null,
        seconds: Math.round((performance.now() - started) / 100) / 10,
      };
    } catch (error) {
      if (error instanceof DemoStopped) throw new CommandAbortedError();
      throw error;
    }
  },
});
