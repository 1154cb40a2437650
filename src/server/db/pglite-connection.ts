import { EventEmitter } from 'node:events';
import type { PGlite } from '@electric-sql/pglite';
import { serialize } from 'pg-protocol';

type Message = { name: string };

/**
 * node-postgres's `Connection`, over an embedded PGlite instead of a socket, so one
 * driver (pg, Drizzle, pg-boss) serves both engines. PGlite's own adapter hands every
 * protocol message to the engine on its own; an extended query is five of them (parse,
 * bind, describe, execute, sync), and each hand-over costs a parser, a file-system sync
 * check and a trip into WebAssembly. This one keeps the messages of an extended query
 * until its sync (or flush) and hands them over together, as a socket would carry them;
 * PGlite runs every message in what it is given.
 */
export class PGliteConnection extends EventEmitter {
  // node-postgres reads and writes these on its connection.
  _connecting = false;
  parsedStatements: Record<string, unknown> = {};
  submittedNamedStatements: Record<string, unknown> = {};
  stream = { destroy: () => this.end() };

  readonly #pglite: PGlite;
  #queue: Promise<unknown>;
  #pending: Buffer[] = [];
  #messageListeners = false;

  constructor(pglite: PGlite) {
    super();
    this.#pglite = pglite;
    this.#queue = pglite.waitReady;
    this.on('newListener', (event) => {
      if (event === 'message') this.#messageListeners = true;
    });
  }

  async connect(): Promise<void> {
    this._connecting = true;
    await this.#pglite.waitReady;
    process.nextTick(() => this.emit('readyForQuery'));
  }

  // No socket, no TLS, no authentication: the engine is in this process.
  requestSsl(): void {}
  startup(): void {}
  cancel(): void {}
  password(): void {}
  ref(): void {}
  unref(): void {}

  sendSASLInitialResponseMessage(mechanism: string, response: string): void {
    this.#send(serialize.sendSASLInitialResponseMessage(mechanism, response));
  }
  sendSCRAMClientFinalMessage(data: string): void {
    this.#send(serialize.sendSCRAMClientFinalMessage(data));
  }

  /** A simple query: on its own, with its implicit sync. */
  query(text: string): void {
    this.#send(serialize.query(text));
  }

  parse(query: { name?: string; text: string; types?: unknown }): void {
    // node-postgres passes its type-parser override here as `types`; only an array of parameter oids is meant for the server.
    this.#pending.push(serialize.parse({ ...query, types: Array.isArray(query.types) ? query.types : undefined }));
  }
  bind(config: Parameters<typeof serialize.bind>[0]): void {
    this.#pending.push(serialize.bind(config));
  }
  describe(message: Parameters<typeof serialize.describe>[0]): void {
    this.#pending.push(serialize.describe(message));
  }
  execute(config: Parameters<typeof serialize.execute>[0]): void {
    this.#pending.push(serialize.execute(config));
  }
  close(message: Parameters<typeof serialize.close>[0]): void {
    this.#pending.push(serialize.close(message));
  }
  flush(): void {
    this.#send(serialize.flush());
  }
  sync(): void {
    this.#send(serialize.sync());
  }

  sendCopyFromChunk(chunk: Buffer): void {
    this.#send(serialize.copyData(chunk));
  }
  endCopyFrom(): void {
    this.#send(serialize.copyDone());
  }
  sendCopyFail(message: string): void {
    this.#send(serialize.copyFail(message));
  }

  end(): void {
    this.#queue = this.#queue.then(() => {
      this.emit('end');
    });
    for (const event of this.eventNames()) if (event !== 'newListener') this.removeAllListeners(event);
    this.#messageListeners = false;
  }

  /** Hands what is pending, and this message, to the engine in one call; replies are emitted in order. */
  #send(message: Buffer): void {
    this.#pending.push(message);
    const bytes = this.#pending.length === 1 ? message : Buffer.concat(this.#pending);
    this.#pending = [];
    this.#queue = this.#queue
      .then(() => this.#pglite.execProtocolStream(bytes, { throwOnError: false }))
      .then((replies: Message[]) => {
        for (const reply of replies) {
          if (this.#messageListeners) this.emit('message', reply);
          this.emit(reply.name === 'error' ? 'errorMessage' : reply.name, reply);
        }
      })
      .catch((error: unknown) => {
        this.emit('error', error);
      });
  }
}
