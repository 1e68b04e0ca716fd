import type { Pool, PoolSummary, StoredResult } from '@allot/protocol';
import { AllotClientError } from './allot-client-error.js';
import { fileLabel, readFileSource, type FileSource } from './file-source.js';
import { displayUrl, send, type TransportOptions } from './transport.js';

/** The largest page the pool listing serves. */
const PAGE = 1000;

/** Every pool of the key's workspace, page after page. */
export function listPools(transport: TransportOptions): Promise<PoolSummary[]> {
  return everyPage<PoolSummary>(transport, '/api/v1/pools', 'listing pools');
}

/** Every stored result of a pool (each test's current rows), page after page: one request per 1,000 tests. */
export function listPoolResults(
  transport: TransportOptions,
  pool: string,
): Promise<StoredResult[]> {
  return everyPage<StoredResult>(
    transport,
    `/api/v1/pools/${encodeURIComponent(pool)}/results`,
    `listing the results of pool ${JSON.stringify(pool)}`,
  );
}

async function everyPage<T>(
  transport: TransportOptions,
  path: string,
  subject: string,
): Promise<T[]> {
  const items: T[] = [];
  for (let offset = 0; ; offset += PAGE) {
    const page = await send<{ items?: unknown }>(transport, {
      method: 'GET',
      path: `${path}?limit=${PAGE}&offset=${offset}`,
      keyInHeader: true,
      subject,
    });
    if (!Array.isArray(page.items))
      throw badResponse(transport, subject, 'the answer has no items list');
    items.push(...(page.items as T[]));
    if (page.items.length < PAGE) return items;
  }
}

/** One pool with its tests and secret columns. */
export async function readPool(transport: TransportOptions, pool: string): Promise<Pool> {
  const subject = `reading pool ${JSON.stringify(pool)}`;
  const answer = await send<Pool>(transport, {
    method: 'GET',
    path: `/api/v1/pools/${encodeURIComponent(pool)}`,
    keyInHeader: true,
    subject,
  });
  return checkPool(transport, answer, subject);
}

/** Creates or replaces a pool from a pool file (`.yaml`, `.yml` or `.json`); needs the manager role. */
export async function uploadPool(transport: TransportOptions, file: FileSource): Promise<Pool> {
  const subject = `uploading pool file ${fileLabel(file)}`;
  const answer = await send<Pool>(transport, {
    method: 'POST',
    path: '/api/v1/pools/upload',
    file: await readFileSource(file, 'pool file'),
    keyInHeader: true,
    subject,
  });
  return checkPool(transport, answer, subject);
}

function checkPool(transport: TransportOptions, answer: Pool, subject: string): Pool {
  const pool = answer as Partial<Pool> | null;
  if (
    typeof pool?.name === 'string' &&
    Array.isArray(pool.tests) &&
    Array.isArray(pool.secrets) &&
    pool.secrets.every((s) => typeof s === 'string')
  )
    return answer;
  throw badResponse(transport, subject, 'the answer is not a pool (name, tests, secrets)');
}

function badResponse(transport: TransportOptions, subject: string, what: string) {
  return new AllotClientError({
    code: 'BAD_RESPONSE',
    message: `${subject} at ${displayUrl(transport.baseUrl)}: ${what}; is this an allot server?`,
  });
}
