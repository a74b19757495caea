/** `?` placeholders (MikroORM's) as `$1, $2, …` (pg's), to run the service's own SQL through `pg`. */
export function numbered(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}
