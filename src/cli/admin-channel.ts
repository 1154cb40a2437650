import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../server/context.ts';
import { HttpProblem } from '../server/http/problem.ts';
import { safeEqual } from '../server/lib/tokens.ts';
import { ADMIN_PATH, ADMIN_TOKEN_HEADER, type AdminMessage, AdminRequest } from './admin-protocol.ts';
import { type AdminCommand, CommandAbortedError, type Progress } from './commands/command.ts';
import { adminCommands } from './commands/registry.ts';

const PROGRESS_INTERVAL_MS = 100;

/** Only the machine itself: the socket's own address, never a forwarded header (trustProxy is on). */
export function isLoopback(address: string | undefined): boolean {
  if (!address) return false;
  return address === '::1' || address.startsWith('127.') || address.startsWith('::ffff:127.');
}

function authorize(request: FastifyRequest, adminToken: string): void {
  // Answer as if the route did not exist to anyone not on this machine.
  if (!isLoopback(request.raw.socket.remoteAddress)) {
    throw new HttpProblem(404, 'Not found', `No route for ${request.method} ${ADMIN_PATH}.`);
  }
  const sent = request.headers[ADMIN_TOKEN_HEADER];
  if (typeof sent !== 'string' || !safeEqual(sent, adminToken)) {
    throw new HttpProblem(401, 'Not authenticated', `Send the admin token of the lock file as ${ADMIN_TOKEN_HEADER}.`);
  }
}

/**
 * Registers the admin channel on the server that holds the data directory. It is
 * not an API route: not in the OpenAPI document, loopback only, token only.
 */
export function registerAdminChannel(
  fastify: FastifyInstance,
  app: AppContext,
  adminToken: string,
  commands: readonly AdminCommand[] = adminCommands,
): void {
  const byName = new Map(commands.map((c) => [c.name, c]));
  fastify.post(ADMIN_PATH, async (request, reply) => {
    authorize(request, adminToken);
    const parsed = AdminRequest.safeParse(request.body);
    if (!parsed.success) throw new HttpProblem(400, 'Invalid request', 'body: expected {command, args}');
    const command = byName.get(parsed.data.command);
    if (!command)
      throw new HttpProblem(400, 'Invalid request', `body.command: unknown command "${parsed.data.command}"`);
    const args = command.args.safeParse(parsed.data.args);
    if (!args.success) {
      const issue = args.error.issues[0];
      const message = `${issue?.path.join('.') || 'args'}: ${issue?.message ?? 'is invalid'}`;
      return stream(reply, async (send) => send({ type: 'error', code: 'usage', message }));
    }
    app.log.info(`[admin] ${command.name} (from the koe command line)`);
    return stream(reply, (send, signal) => execute(app, command, args.data, send, signal));
  });
}

async function execute(
  app: AppContext,
  command: AdminCommand,
  args: unknown,
  send: (message: AdminMessage) => void,
  signal: AbortSignal,
): Promise<void> {
  let lastSent = 0;
  const progress: Progress = {
    signal,
    report(done, total, label) {
      const now = Date.now();
      if (done < total && now - lastSent < PROGRESS_INTERVAL_MS) return;
      lastSent = now;
      send(label ? { type: 'progress', done, total, label } : { type: 'progress', done, total });
    },
  };
  try {
    send({ type: 'result', result: await command.run(app, args, progress) });
  } catch (error) {
    const aborted = error instanceof CommandAbortedError;
    if (aborted) app.log.info(`[admin] ${command.name} stopped: the command line hung up`);
    else app.log.error(`[admin] ${command.name} failed: ${(error as Error).stack ?? String(error)}`);
    send({ type: 'error', code: aborted ? 'aborted' : 'failed', message: (error as Error).message });
  }
}

/** Streams NDJSON; a client that hangs up (Ctrl-C) aborts the command at its next checkpoint. */
async function stream(
  reply: FastifyReply,
  body: (send: (message: AdminMessage) => void, signal: AbortSignal) => Promise<void>,
): Promise<void> {
  reply.hijack();
  const raw = reply.raw;
  const controller = new AbortController();
  raw.on('close', () => {
    if (!raw.writableFinished) controller.abort();
  });
  raw.writeHead(200, {
    'content-type': 'application/x-ndjson; charset=utf-8',
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  const send = (message: AdminMessage) => {
    if (!raw.destroyed) raw.write(`${JSON.stringify(message)}\n`);
  };
  try {
    await body(send, controller.signal);
  } finally {
    raw.end();
  }
}
