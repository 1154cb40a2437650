import type pg from 'pg';
import type { Tx } from './client.ts';

type Queryable = Pick<pg.PoolClient, 'query'>;

/**
 * The node-postgres client under a Drizzle transaction (or the pool under the database),
 * for the few hot paths that send fixed, named statements: no query building, and the
 * server parses and plans each text once per connection. Everything else uses Drizzle.
 */
export function rawClient(tx: Tx): Queryable {
  const client = (tx as unknown as { session?: { client?: Queryable } }).session?.client;
  if (!client || typeof client.query !== 'function') {
    throw new Error('rawClient: no node-postgres client under this Drizzle handle (driver changed?)');
  }
  return client;
}

/** Runs a named statement (parsed and planned once per connection) and returns its rows. */
export async function namedQuery<Row>(tx: Tx, name: string, text: string, values: unknown[]): Promise<Row[]> {
  const result = await rawClient(tx).query({ name, text, values });
  return result.rows as Row[];
}
