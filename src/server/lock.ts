import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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

/** Takes the lock before the database is opened; call `update` once the port is known. */
export function acquireLock(dataDir: string): { adminToken: string; update(port: number): void; release(): void } {
  const holder = readLock(dataDir);
  if (holder) throw new DataDirLockedError(holder);
  const adminToken = randomSecret(32);
  const write = (port: number) =>
    writeFileSync(
      lockPath(dataDir),
      JSON.stringify({ pid: process.pid, port, adminToken, startedAt: new Date().toISOString() } satisfies LockInfo),
      { mode: 0o600 },
    );
  write(0);
  return {
    adminToken,
    update: write,
    release() {
      try {
        const info = JSON.parse(readFileSync(lockPath(dataDir), 'utf8')) as LockInfo;
        if (info.pid === process.pid) rmSync(lockPath(dataDir), { force: true });
      } catch {
        // already gone
      }
    },
  };
}
