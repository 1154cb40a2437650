import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Helpers for the CLI's tests: `koe` as a real child process, as a user runs it. */
export const CLI = fileURLToPath(new URL('./main.ts', import.meta.url));

export interface KoeRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** A fresh data directory; remove it with `removeDir`. */
export const tempDataDir = () => mkdtempSync(join(tmpdir(), 'koe-cli-'));
export const removeDir = (dir: string) => rmSync(dir, { recursive: true, force: true });

/**
 * The environment of a child `koe`: the embedded database in `dataDir` unless a
 * DATABASE_URL is given, no demo seeding, no web build.
 */
export function koeEnv(dataDir: string, extra: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, KOE_DATA_DIR: dataDir, KOE_DEMO: '0', KOE_WEB_BUILD: '0' };
  delete env.DATABASE_URL;
  delete env.PORT;
  delete env.PUBLIC_URL;
  for (const [key, value] of Object.entries(extra)) {
    if (value === undefined) delete env[key];
    else env[key] = value;
  }
  return env;
}

export function runKoe(args: string[], env: NodeJS.ProcessEnv, timeoutMs = 50_000): Promise<KoeRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`koe ${args.join(' ')} did not finish in ${timeoutMs} ms\n${stderr}`));
    }, timeoutMs);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

export interface RunningServe {
  url: string;
  port: number;
  child: ChildProcess;
  output(): string;
  /** Sends SIGTERM and waits for the exit code. */
  stop(): Promise<number | null>;
}

/** `koe serve` on a free port; resolves once it prints its URL. */
export function startServe(env: NodeJS.ProcessEnv, timeoutMs = 50_000): Promise<RunningServe> {
  const child = spawn(process.execPath, [CLI, 'serve'], {
    env: { ...env, PORT: '0', HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`koe serve did not start in ${timeoutMs} ms\n${output}`));
    }, timeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Koe is running at (http:\/\/\S+)/.exec(output);
      if (!match?.[1]) return;
      clearTimeout(timer);
      const url = match[1];
      resolve({
        url,
        port: Number(new URL(url).port),
        child,
        output: () => output,
        async stop() {
          if (child.exitCode === null) child.kill('SIGTERM');
          return exited;
        },
      });
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`koe serve exited with ${code} before starting\n${output}`));
    });
  });
}

export const parseJsonLine = (stdout: string): Record<string, unknown> => {
  const lines = stdout.split('\n').filter((line) => line.trim());
  if (lines.length !== 1) throw new Error(`expected one line of JSON on stdout, got ${lines.length}:\n${stdout}`);
  return JSON.parse(lines[0] ?? '') as Record<string, unknown>;
};
