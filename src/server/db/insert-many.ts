import { getTableColumns, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Tx } from './client.ts';

/**
 * Inserts many rows with one array parameter per column
 * (`insert into t (a, b) select * from unnest($1::uuid[], $2::text[])`): the statement
 * is the same for any number of rows, and building it costs per column, not per value
 * (Drizzle's multi-row VALUES builds every value). Every row must have the same keys;
 * values go through each column's own driver mapping.
 */
export async function insertMany<T extends PgTable>(tx: Tx, table: T, rows: T['$inferInsert'][]): Promise<void> {
  const first = rows[0];
  if (!first) return;
  const columns = getTableColumns(table);
  const keys = Object.keys(first).filter((key) => columns[key]);
  const names = sql.join(
    keys.map((key) => sql.identifier(columns[key]?.name ?? key)),
    sql`, `,
  );
  const arrays = sql.join(
    keys.map((key) => {
      const column = columns[key];
      const values = rows.map((row) => {
        const value = (row as Record<string, unknown>)[key];
        return value === null || value === undefined ? null : column?.mapToDriverValue(value);
      });
      return sql`${sql.param(values)}::${sql.raw(column?.getSQLType() ?? 'text')}[]`;
    }),
    sql`, `,
  );
  await tx.execute(sql`insert into ${table} (${names}) select * from unnest(${arrays})`);
}
