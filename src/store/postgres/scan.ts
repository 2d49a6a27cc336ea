// Reading a large table in key order, a page at a time (keyset pagination), so that an export or a
// start-up over millions of rows holds one page in memory and no long-lived cursor on the server.
import type pg from 'pg';

/** Rows per page of a scan. */
export const SCAN_PAGE = 10_000;

/**
 * Calls `each` for every row of `sql`, which must select the `keys` columns (in this order) after
 * its other columns, order by them and take the keyset condition as `$KEYSET` and the page size as
 * `$LIMIT`. `args` are its other parameters ($1...).
 */
export async function scan<R extends Record<string, unknown>>(
  pool: pg.Pool, q: { sql: string; keys: readonly string[]; args?: readonly unknown[] }, each: (row: R) => void,
): Promise<void> {
  const args = [...(q.args ?? [])];
  let last: unknown[] | undefined;
  for (;;) {
    const n = args.length;
    const keyset = last
      ? `(${q.keys.join(', ')}) > (${q.keys.map((_, i) => `$${n + 1 + i}`).join(', ')})`
      : 'TRUE';
    const sql = q.sql.replace('$KEYSET', keyset).replace('$LIMIT', `$${n + (last ? q.keys.length : 0) + 1}`);
    const { rows } = await pool.query<R>(sql, [...args, ...(last ?? []), SCAN_PAGE]);
    for (const r of rows) each(r);
    if (rows.length < SCAN_PAGE) return;
    const tail = rows[rows.length - 1]!;
    // A key may be qualified (e.seq); the row carries it under its column name.
    last = q.keys.map((k) => tail[k.slice(k.lastIndexOf('.') + 1)]);
  }
}
