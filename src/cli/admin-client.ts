import type { LockInfo } from '../server/lock.ts';
import { ADMIN_PATH, ADMIN_TOKEN_HEADER, type AdminErrorCode, type AdminMessage } from './admin-protocol.ts';
import { CommandAbortedError, type Progress } from './commands/command.ts';

/** The server answered the command with an error (`code` tells usage mistakes from failures). */
export class RemoteCommandError extends Error {
  readonly code: AdminErrorCode;
  constructor(message: string, code: AdminErrorCode) {
    super(message);
    this.code = code;
  }
}

/** Nothing answers on the port in the lock file (the server is stopping, or died and left its lock). */
export class ServerUnreachableError extends Error {}

const HOSTS = ['127.0.0.1', '[::1]'];

async function post(holder: LockInfo, body: string, signal: AbortSignal): Promise<Response> {
  let lastError: unknown;
  // The server may listen on IPv4, IPv6 or both; try loopback on each.
  for (const host of HOSTS) {
    try {
      return await fetch(`http://${host}:${holder.port}${ADMIN_PATH}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [ADMIN_TOKEN_HEADER]: holder.adminToken },
        body,
        signal,
      });
    } catch (error) {
      if (signal.aborted) throw new CommandAbortedError();
      lastError = error;
    }
  }
  const reason = (lastError as { cause?: { code?: string } })?.cause?.code ?? (lastError as Error)?.message;
  throw new ServerUnreachableError(
    `Koe (pid ${holder.pid}) holds the data directory but does not answer on port ${holder.port} (${reason}). ` +
      'If it is stuck, stop it and run the command again.',
  );
}

async function* lines(response: Response): AsyncGenerator<string> {
  if (!response.body) return;
  const decoder = new TextDecoder();
  let buffered = '';
  for await (const chunk of response.body) {
    buffered += decoder.decode(chunk as Uint8Array, { stream: true });
    let newline = buffered.indexOf('\n');
    while (newline >= 0) {
      const line = buffered.slice(0, newline).trim();
      buffered = buffered.slice(newline + 1);
      if (line) yield line;
      newline = buffered.indexOf('\n');
    }
  }
  if (buffered.trim()) yield buffered.trim();
}

/** Runs a command inside the server that holds the data directory, relaying its progress. */
export async function callServer(
  holder: LockInfo,
  command: string,
  args: unknown,
  progress: Progress,
): Promise<unknown> {
  const response = await post(holder, JSON.stringify({ command, args }), progress.signal);
  if (!response.ok) {
    const problem = (await response.json().catch(() => null)) as { detail?: string; title?: string } | null;
    throw new Error(
      `Koe (pid ${holder.pid}) refused the command: ${problem?.detail ?? problem?.title ?? response.statusText}`,
    );
  }
  try {
    for await (const line of lines(response)) {
      const message = JSON.parse(line) as AdminMessage;
      if (message.type === 'progress') progress.report(message.done, message.total, message.label);
      else if (message.type === 'result') return message.result;
      else throw new RemoteCommandError(message.message, message.code);
    }
  } catch (error) {
    if (progress.signal.aborted) throw new CommandAbortedError();
    if (error instanceof RemoteCommandError || error instanceof SyntaxError) throw error;
    throw new Error(`Lost the connection to Koe (pid ${holder.pid}): ${(error as Error).message}`);
  }
  if (progress.signal.aborted) throw new CommandAbortedError();
  throw new Error(`Koe (pid ${holder.pid}) closed the connection before the command finished.`);
}
