import pg from 'pg';

/**
 * The SQL statements `work` sends, counted at the `pg` client that every path here uses (MikroORM
 * through kysely, and the raw writer): a redundant query shows up as a difference in this list.
 * Patches `pg.Client.prototype.query` for the duration only; run nothing else meanwhile.
 */
export async function statementsOf(work: () => Promise<unknown>): Promise<string[]> {
  const seen: string[] = [];
  const original = pg.Client.prototype.query;
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    const q = args[0] as string | { text?: string };
    seen.push((typeof q === 'string' ? q : (q.text ?? '')).split(/\s+/).slice(0, 3).join(' '));
    return (original as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof original;
  try {
    await work();
  } finally {
    pg.Client.prototype.query = original;
  }
  return seen;
}
