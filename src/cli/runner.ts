import { setTimeout as sleep } from 'node:timers/promises';
import type { Config } from '../server/config.ts';
import { DataDirLockedError, type LockInfo, lockPath, readLock } from '../server/lock.ts';
import { startKoe } from '../server/main.ts';
import { callServer, RemoteCommandError, ServerUnreachableError } from './admin-client.ts';
import { UsageError } from './args.ts';
import type { AdminCommand, Progress } from './commands/command.ts';
import { CommandAbortedError } from './commands/command.ts';
import { createProgressDisplay } from './progress-display.ts';

const STARTUP_WAIT_MS = 180_000;

/** Another command (or `koe worker`) holds the directory without an admin channel. */
export class DataDirBusyError extends Error {}

/**
 * The live `koe serve` holding the embedded data directory, once it listens; null
 * when nobody holds it (or only a dead process left its lock behind).
 */
export async function findServer(dataDir: string, log: (line: string) => void): Promise<LockInfo | null> {
  const deadline = Date.now() + STARTUP_WAIT_MS;
  let waited = false;
  for (;;) {
    const holder = readLock(dataDir);
    if (!holder) return null;
    if (holder.http === false) {
      throw new DataDirBusyError(
        `The data directory ${dataDir} is in use by another Koe process without an HTTP server ` +
          `(pid ${holder.pid}, since ${holder.startedAt}: a \`koe worker\` or another command). ` +
          'Wait for it to finish, or run `koe serve` so that commands can share the directory. ' +
          `If no such process exists, delete ${lockPath(dataDir)}.`,
      );
    }
    if (holder.port > 0) return holder;
    if (Date.now() > deadline) {
      throw new DataDirBusyError(`Koe (pid ${holder.pid}) holds ${dataDir} but has not started listening.`);
    }
    if (!waited) log(`Waiting for Koe (pid ${holder.pid}) to finish starting…`);
    waited = true;
    await sleep(250);
  }
}

async function runInProcess<A, R>(config: Config, command: AdminCommand, args: A, progress: Progress): Promise<R> {
  const koe = await startKoe({ ...config, seedDemo: false }, { http: false, worker: false });
  try {
    return (await command.run(koe.app, args, progress)) as R;
  } finally {
    await koe.close();
  }
}

/** Ctrl-C asks the command to stop at its next checkpoint; a second Ctrl-C quits at once. */
function abortOnSignals(): { signal: AbortSignal; dispose(): void } {
  const controller = new AbortController();
  const onSignal = () => {
    if (controller.signal.aborted) process.exit(130);
    process.stderr.write('\nStopping… (press Ctrl-C again to quit at once)\n');
    controller.abort();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  return {
    signal: controller.signal,
    dispose() {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    },
  };
}

/** Where a command ran: in the server holding the data directory, or in this process. */
export type Route = { via: 'server'; pid: number; port: number } | { via: 'process' };

/**
 * Runs a database command where the database is: through the admin channel of
 * the `koe serve` holding the embedded data directory, or in this process
 * (PostgreSQL, or an embedded directory nobody holds).
 */
export async function runCommand<A, R>(
  config: Config,
  command: AdminCommand,
  args: A,
  progressLabel: string,
): Promise<{ result: R; route: Route }> {
  const display = createProgressDisplay(progressLabel);
  const signals = abortOnSignals();
  const progress: Progress = { report: display.report, signal: signals.signal };
  const log = (line: string) => process.stderr.write(`${line}\n`);
  try {
    for (let attempt = 0; ; attempt++) {
      const holder = config.databaseUrl ? null : await findServer(config.dataDir, log);
      if (holder) {
        try {
          const result = (await callServer(holder, command.name, args, progress)) as R;
          return { result, route: { via: 'server', pid: holder.pid, port: holder.port } };
        } catch (error) {
          // A server that just died may still look alive for a moment: look again before giving up.
          if (!(error instanceof ServerUnreachableError) || attempt > 0) throw error;
          await sleep(1000);
          continue;
        }
      }
      try {
        return { result: await runInProcess<A, R>(config, command, args, progress), route: { via: 'process' } };
      } catch (error) {
        // A server took the directory between our look and our open: use it instead.
        if (!(error instanceof DataDirLockedError) || attempt > 0) throw error;
      }
    }
  } catch (error) {
    if (error instanceof RemoteCommandError && error.code === 'usage') throw new UsageError(error.message);
    if (error instanceof RemoteCommandError && error.code === 'aborted') throw new CommandAbortedError();
    throw error;
  } finally {
    display.stop();
    signals.dispose();
  }
}

export const describeRoute = (route: Route) =>
  route.via === 'server' ? ` — through the running Koe server (pid ${route.pid}, port ${route.port})` : '';

/** Where people log in: the server that ran the command, unless PUBLIC_URL says otherwise. */
export const serverUrl = (config: Config, route: Route) =>
  route.via === 'server' && !process.env.PUBLIC_URL ? `http://localhost:${route.port}` : config.publicUrl;
