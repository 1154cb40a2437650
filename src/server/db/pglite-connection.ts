import { EventEmitter } from 'node:events';
import type { PGlite } from '@electric-sql/pglite';
import { serialize } from 'pg-protocol';
import type { BackendMessage } from 'pg-protocol/dist/messages.js';
import { Parser } from 'pg-protocol/dist/parser.js';

/** At most this many statements are kept named per session; the least recently used are closed. */
const STATEMENT_CACHE = 500;
const INVALID_STATEMENT_NAME = '26000';
/** "cached plan must not change result type": a table the statement reads changed shape. */
const FEATURE_NOT_SUPPORTED = '0A000';

/** Statements worth naming (utility statements run once: migrations). */
const CACHEABLE = /^\s*\(?\s*(select|insert|update|delete|with)\b/i;
/** Longer texts (many-row inserts, whose sizes vary) parse in little time beside their run, and would fill the cache. */
const CACHEABLE_LENGTH = 8_000;
/** A statement that may change what a named statement returns. */
const SCHEMA_CHANGE = /(^|;)\s*(create|alter|drop)\s/i;

type Automatic = { key: string; name: string; parsed: boolean };

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
 *
 * The session is this process's alone, so it also keeps a statement cache: a query
 * node-postgres sends unnamed (as Drizzle does) is named the first time its text runs,
 * and later runs only bind it, skipping PostgreSQL's parse and analysis and, once a
 * generic plan is kept, its planning. A change of schema closes them all.
 */
export class PGliteConnection extends EventEmitter {
  // node-postgres reads and writes these on its connection.
  _connecting = false;
  parsedStatements: Record<string, unknown> = {};
  submittedNamedStatements: Record<string, unknown> = {};
  stream = { destroy: () => this.end() };

  readonly #pglite: PGlite;
  readonly #parser = new Parser();
  /** Unnamed statements' texts, named in the session the first time they run (least recently used first). */
  readonly #statements = new Map<string, string>();
  #statementCount = 0;
  #automatic: Automatic | null = null;
  /** The automatically named statement bound in the messages pending (node-postgres sends one query per sync). */
  #bound: Automatic | null = null;
  /** Statements dropped from the cache, to close in the session before the next request. */
  #evicted: string[] = [];
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
    if (SCHEMA_CHANGE.test(text)) this.#forgetAll();
    this.#send(serialize.query(text));
  }

  parse(query: { name?: string; text: string; types?: unknown }): void {
    // node-postgres passes its type-parser override here as `types`; only an array of parameter oids is meant for the server.
    const types = Array.isArray(query.types) ? (query.types as number[]) : undefined;
    if (query.name || query.text.length > CACHEABLE_LENGTH || !CACHEABLE.test(query.text)) {
      if (SCHEMA_CHANGE.test(query.text)) this.#forgetAll();
      this.#pending.push(serialize.parse({ text: query.text, name: query.name, types }));
      return;
    }
    // An unnamed statement is parsed, analysed and planned on every run; the same text, named
    // once, is only bound and run (and, after a few runs, PostgreSQL keeps its generic plan
    // when that is no worse).
    const key = types?.length ? `${types.join(',')}|${query.text}` : query.text;
    const known = this.#statements.get(key);
    if (known) {
      this.#statements.delete(key);
      this.#statements.set(key, known);
      this.#automatic = { key, name: known, parsed: false };
      return;
    }
    const name = `koe_auto_${++this.#statementCount}`;
    this.#pending.push(serialize.parse({ text: query.text, name, types }));
    this.#automatic = { key, name, parsed: true };
  }
  bind(config: NonNullable<Parameters<typeof serialize.bind>[0]>): void {
    const automatic = this.#automatic;
    if (automatic && !config.statement) {
      this.#pending.push(serialize.bind({ ...config, statement: automatic.name }));
      this.#bound = automatic;
      this.#automatic = null;
      return;
    }
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
    const bound = this.#bound;
    this.#pending = [];
    this.#bound = null;
    this.#queue = this.#queue
      .then(async () => {
        if (this.#evicted.length > 0) await this.#closeEvicted();
        const chunks = await this.#exec(bytes);
        // A statement already named was not parsed again; node-postgres still expects its ParseComplete.
        if (bound && !bound.parsed) this.#emit({ name: 'parseComplete', length: 4 } as BackendMessage);
        for (const chunk of chunks) {
          this.#parser.parse(chunk, (reply: BackendMessage) => {
            if (reply.name === 'parseComplete' && bound?.parsed) this.#remember(bound);
            if (reply.name === 'error') this.#forget((reply as { code?: string }).code, bound);
            this.#emit(reply);
          });
        }
      })
      .catch((error: unknown) => {
        this.emit('error', error);
      });
  }

  #emit(reply: BackendMessage): void {
    if (this.#messageListeners) this.emit('message', reply);
    this.emit(reply.name === 'error' ? 'errorMessage' : reply.name, reply);
  }

  /** After an error: statements that can no longer run (a table changed under a cached plan) or no longer exist are named again. */
  #forget(code: string | undefined, bound: Automatic | null): void {
    if (code === INVALID_STATEMENT_NAME) {
      this.#statements.clear();
      return;
    }
    if (code !== FEATURE_NOT_SUPPORTED || !bound || this.#statements.get(bound.key) !== bound.name) return;
    this.#statements.delete(bound.key);
    this.#evicted.push(bound.name);
  }

  #forgetAll(): void {
    this.#evicted.push(...this.#statements.values());
    this.#statements.clear();
  }

  #remember(automatic: Automatic): void {
    this.#statements.set(automatic.key, automatic.name);
    if (this.#statements.size <= STATEMENT_CACHE) return;
    const [oldest] = this.#statements;
    if (!oldest) return;
    this.#statements.delete(oldest[0]);
    this.#evicted.push(oldest[1]);
  }

  /** Closes statements dropped from the cache; their replies are nobody's. */
  async #closeEvicted(): Promise<void> {
    const closes = this.#evicted.map((name) => serialize.close({ type: 'S', name }));
    this.#evicted = [];
    await this.#exec(Buffer.concat([...closes, serialize.sync()]));
  }

  /**
   * The engine's reply bytes as it writes them (views into its memory: copied). Only the raw
   * stream skips PGlite's own parse (execProtocolRaw parses too, and keeps what it parsed
   * until the next execProtocol call). The file systems Koe opens PGlite on (a directory,
   * memory) write through, so there is nothing to sync after a request.
   */
  async #exec(bytes: Buffer): Promise<Buffer[]> {
    const chunks: Buffer[] = [];
    await this.#pglite.execProtocolRawStream(bytes, {
      syncToFs: false,
      onRawData: (chunk: Uint8Array) => chunks.push(Buffer.from(chunk)),
    });
    return chunks;
  }
}
