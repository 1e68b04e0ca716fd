/** A store URL split into what `pg` connects with and the schema it names. */
export interface StoreUrl {
  /** The URL without allot's own `schema` parameter. */
  connectionString: string;
  /** The `schema` query parameter, when given. */
  schema: string | undefined;
}

/**
 * Reads allot's `schema` parameter off a `postgres://` URL
 * (`postgres://host/db?schema=allot_staging`), so one `--store` value can
 * name both the database and the schema. Other parameters pass through to
 * `pg` untouched.
 */
export function parseStoreUrl(url: string): StoreUrl {
  if (!/[?&]schema=/.test(url)) return { connectionString: url, schema: undefined };
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error(
      'the store URL cannot be parsed; expected postgres://user:password@host:port/database?schema=name',
    );
  }
  const schema = parsed.searchParams.get('schema') ?? undefined;
  parsed.searchParams.delete('schema');
  return { connectionString: parsed.toString(), schema: schema === '' ? undefined : schema };
}
