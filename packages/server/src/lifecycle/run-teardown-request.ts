import { AllotError, type MadeRowRecord, type TeardownRequest } from '@allot/core';
import type { ResolutionServers } from '../resolution/resolution-servers.js';

/** What running a teardown needs from the server. */
export interface TeardownTargets {
  servers: ResolutionServers;
  /** How long one HTTP teardown may take. */
  timeoutMs: number;
}

/**
 * Runs a bound teardown: a statement on the read-write resolution server
 * the row was made on, or an HTTP request (a 2xx answer, or 404/410 for a
 * row already gone, is success). Messages name the method and URL, never
 * the headers, which carry credentials.
 */
export async function runTeardownRequest(
  targets: TeardownTargets,
  request: TeardownRequest,
  row: MadeRowRecord,
): Promise<void> {
  if (request.kind === 'sql') {
    const database = targets.servers.get(request.server, row.workspace)?.database;
    if (database?.execute === undefined) {
      throw new AllotError(
        'INVALID_INPUT',
        `resolution server "${request.server}" is not registered here; its rows cannot be torn down`,
      );
    }
    await database.execute(request.statement);
    return;
  }
  const response = await fetch(request.url, {
    method: request.method,
    headers: request.headers,
    redirect: 'manual',
    signal: AbortSignal.timeout(targets.timeoutMs),
  }).catch((error: unknown) => {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`${request.method} ${request.url} failed: ${reason}`);
  });
  await response.body?.cancel();
  if (response.ok || response.status === 404 || response.status === 410) return;
  throw new Error(`${request.method} ${request.url} answered ${response.status}`);
}
