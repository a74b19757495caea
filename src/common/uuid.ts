const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Whether a text is a UUID. Ids arrive from URLs and tokens as any text; PostgreSQL refuses a
 * malformed one in a `uuid` comparison with an error, so callers check first and treat it as "none".
 */
export function isUuid(text: string): boolean {
  return UUID.test(text);
}
