import { EventEmitter } from 'node:events';
import type { PGlite } from '@electric-sql/pglite';
import { serialize } from 'pg-protocol';
import type { BackendMessage } from 'pg-protocol/dist/messages.js';
import { Parser } from 'pg-protocol/dist/parser.js';

/**
 * node-postgres's `Connection`, over an embedded PGlite instead of a socket, so one
 * driver (pg, Drizzle, pg-boss) serves both engines. PGlite's own adapter hands every
 * protocol message to the engine on its own; an extended query is five of them (parse,
 * bind, describe, execute, sync), and each hand-over costs a parser, a file-system sync
 * check and a trip into WebAssembly. This one keeps the messages of an extended query
 * until its sync (or flush) and hands them over together, as a socket would carry them;
 * PGlite runs every message in what it is given. The replies come back as the engine's
 * bytes and are read by node-postgres's own parser, which reads text fields straight
 * from the buffer (PGlite's copies every field into a new array first).
 */
export class PGliteConnection extends EventEmitter {
  // node-postgres reads and writes these on its connection.
  _connecting = false;
  parsedStatements: Record<string, unknown> = {};
  submittedNamedStatements: Record<string, unknown> = {};
  stream = { destroy: () => this.end() };

  readonly #pglite: PGlite;
  readonly #parser = new Parser();
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
      .then(async () => {
        // The engine's reply bytes as it writes them (views into its memory: copied). Only the
        // raw stream skips PGlite's own parse (execProtocolRaw parses too, and keeps what it
        // parsed until the next execProtocol call). The file systems Koe opens PGlite on (a
        // directory, memory) write through, so there is nothing to sync after a request.
        const chunks: Buffer[] = [];
        await this.#pglite.execProtocolRawStream(bytes, {
          syncToFs: false,
          onRawData: (chunk: Uint8Array) => chunks.push(Buffer.from(chunk)),
        });
        for (const chunk of chunks) {
          this.#parser.parse(chunk, (reply: BackendMessage) => {
            if (this.#messageListeners) this.emit('message', reply);
            this.emit(reply.name === 'error' ? 'errorMessage' : reply.name, reply);
          });
        }
      })
      .catch((error: unknown) => {
        this.emit('error', error);
      });
  }
}
