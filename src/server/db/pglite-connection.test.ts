import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { engine } from '../../../test/support/database.ts';
import { type Database, openDatabase } from './client.ts';

// node-postgres over the embedded engine, with each extended query's messages handed over together.
describe.runIf(engine() === 'pglite')('PGliteConnection', () => {
  let database: Database;
  beforeAll(async () => {
    database = await openDatabase({ dataDir: 'memory://' });
  });
  afterAll(() => database?.close());

  test('parameters, named statements run twice, and simple queries', async () => {
    const { pool } = database;
    expect((await pool.query('select $1::int + 1 as n', [41])).rows).toEqual([{ n: 42 }]);
    const named = { name: 'pglite_connection_test', text: 'select $1::text as t, now() is not null as ok' };
    expect((await pool.query({ ...named, values: ['a'] })).rows).toEqual([{ t: 'a', ok: true }]);
    expect((await pool.query({ ...named, values: ['b'] })).rows).toEqual([{ t: 'b', ok: true }]);
    const several = (await pool.query('select 1 as one; select 2 as two')) as unknown as { rows: unknown[] }[];
    expect(several.map((r) => r.rows)).toEqual([[{ one: 1 }], [{ two: 2 }]]);
  });

  test('an unnamed statement is named the first time its text runs, then only bound', async () => {
    const { pool } = database;
    const text = 'select $1::int * 2 as n';
    for (const n of [1, 2, 3]) expect((await pool.query(text, [n])).rows).toEqual([{ n: n * 2 }]);
    const named = await pool.query<{ name: string }>(
      'select name from pg_prepared_statements where statement = $1 and not from_sql',
      [text],
    );
    expect(named.rows).toHaveLength(1);
    expect(named.rows[0]?.name).toMatch(/^koe_auto_\d+$/);
    // An error in a named statement's run leaves it usable.
    await expect(pool.query(text, ['x'])).rejects.toThrow(/invalid input syntax/);
    expect((await pool.query(text, [5])).rows).toEqual([{ n: 10 }]);
  });

  test('a schema change closes the named statements, so none returns an old shape', async () => {
    const { pool } = database;
    await pool.query('create table pglite_connection_shape (a int)');
    await pool.query('insert into pglite_connection_shape values ($1)', [1]);
    const select = 'select * from pglite_connection_shape where a = $1';
    expect((await pool.query(select, [1])).rows).toEqual([{ a: 1 }]);
    expect((await pool.query(select, [1])).rows).toEqual([{ a: 1 }]);
    await pool.query('alter table pglite_connection_shape add column b int default 7');
    expect((await pool.query(select, [1])).rows).toEqual([{ a: 1, b: 7 }]);
    const stale = await pool.query('select count(*)::int as n from pg_prepared_statements where statement = $1', [
      select,
    ]);
    expect(stale.rows).toEqual([{ n: 1 }]);
  });

  test('replies larger than one write of the engine arrive whole', async () => {
    const { pool } = database;
    const wide = await pool.query('select repeat($1::text, 3000000) as t', ['ab']);
    expect(wide.rows[0].t).toHaveLength(6_000_000);
    const many = await pool.query('select n, md5(n::text) as h from generate_series(1, 50000) n');
    expect(many.rows).toHaveLength(50_000);
    expect(many.rows[49_999]).toEqual({ n: 50_000, h: createHash('md5').update('50000').digest('hex') });
  });

  test('an error mid-query is that query’s error; the connection goes on, transactions roll back', async () => {
    const { pool } = database;
    await expect(pool.query('select $1::int as n', ['not a number'])).rejects.toThrow(/invalid input syntax/);
    await expect(pool.query('select * from no_such_table')).rejects.toThrow(/does not exist/);
    expect((await pool.query('select 7 as n')).rows).toEqual([{ n: 7 }]);

    await pool.query('create table pglite_connection_t (id int primary key)');
    const client = await pool.connect();
    try {
      await client.query('begin');
      await client.query('insert into pglite_connection_t values ($1)', [1]);
      await expect(client.query('insert into pglite_connection_t values ($1)', [1])).rejects.toThrow(/duplicate key/);
      await client.query('rollback');
    } finally {
      client.release();
    }
    expect((await pool.query('select count(*)::int as n from pglite_connection_t')).rows).toEqual([{ n: 0 }]);
  });
});
