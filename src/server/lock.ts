import { existsSync, linkSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomSecret } from './lib/tokens.ts';

/**
 * Only one process may open an embedded (PGlite) data directory. `koe serve` holds
 * it with this lock file, which also names a local admin channel (port and token)
 * through which other `koe` commands reach the database while the server runs.
 */
export interface LockInfo {
  pid: number;
  port: number;
  adminToken: string;
  startedAt: string;
  /** Whether the holder serves HTTP (and so the admin channel once `port` is set); absent in old lock files. */
  http?: boolean;
}

export const lockPath = (dataDir: string) => join(dataDir, 'koe.lock');

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The live holder of the data directory, or null (a stale lock of a dead process is ignored). */
export function readLock(dataDir: string): LockInfo | null {
  const file = lockPath(dataDir);
  if (!existsSync(file)) return null;
  try {
    const info = JSON.parse(readFileSync(file, 'utf8')) as LockInfo;
    return info.pid !== process.pid && alive(info.pid) ? info : null;
  } catch {
    return null;
  }
}

export class DataDirLockedError extends Error {
  readonly holder: LockInfo;
  constructor(holder: LockInfo) {
    super(
      `The data directory is in use by Koe (pid ${holder.pid}, port ${holder.port}). Stop it first, or use that server.`,
    );
    this.holder = holder;
  }
}

/**
 * The lock file is only ever seen whole: it is written beside and then linked
 * (create, failing if it exists) or renamed (update) into place, because other
 * `koe` commands read it while the server starts.
 */
function createExclusive(file: string, content: string): boolean {
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, content, { mode: 0o600 });
  try {
    linkSync(temporary, file);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    rmSync(temporary, { force: true });
  }
}

function replace(file: string, content: string): void {
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, content, { mode: 0o600 });
  renameSync(temporary, file);
}

/** Takes the lock before the database is opened; call `update` once the port is known. */
export function acquireLock(
  dataDir: string,
  options: { http?: boolean } = {},
): { adminToken: string; update(port: number): void; release(): void } {
  const adminToken = randomSecret(32);
  const info = (port: number): string =>
    JSON.stringify({
      pid: process.pid,
      port,
      adminToken,
      startedAt: new Date().toISOString(),
      http: options.http ?? true,
    } satisfies LockInfo);
  mkdirSync(dataDir, { recursive: true });
  for (let attempt = 0; !createExclusive(lockPath(dataDir), info(0)); attempt++) {
    const holder = readLock(dataDir);
    if (holder) throw new DataDirLockedError(holder);
    if (attempt > 0) throw new Error(`Could not take the lock ${lockPath(dataDir)}; try again.`);
    rmSync(lockPath(dataDir), { force: true }); // stale: its process is gone
  }
  return {
    adminToken,
    update: (port: number) => replace(lockPath(dataDir), info(port)),
    release() {
      try {
        const held = JSON.parse(readFileSync(lockPath(dataDir), 'utf8')) as LockInfo;
        if (held.pid === process.pid) rmSync(lockPath(dataDir), { force: true });
      } catch {
        // already gone
      }
    },
  };
}
