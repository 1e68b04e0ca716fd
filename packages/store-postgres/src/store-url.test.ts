import { describe, expect, it } from 'vitest';
import { parseStoreUrl } from './store-url.js';

describe('parseStoreUrl', () => {
  it('leaves a URL without a schema parameter as it is', () => {
    const url = 'postgres://u:p%40ss@db:5432/allot?sslmode=require';
    expect(parseStoreUrl(url)).toEqual({ connectionString: url, schema: undefined });
  });

  it('takes the schema off the URL and keeps the other parameters', () => {
    const parsed = parseStoreUrl(
      'postgres://u:p%40ss@db:5432/allot?schema=allot_staging&sslmode=require',
    );
    expect(parsed.schema).toBe('allot_staging');
    expect(parsed.connectionString).toBe('postgres://u:p%40ss@db:5432/allot?sslmode=require');
  });

  it('treats an empty schema parameter as none', () => {
    expect(parseStoreUrl('postgresql://db/allot?schema=').schema).toBeUndefined();
  });
});
