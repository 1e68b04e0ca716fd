import type { PoolDefinition } from '@allot/core';

/** A definition back in pool-file form, so an edited pool goes through the same validation. */
export function toRawPool(pool: PoolDefinition): Record<string, unknown> {
  const raw = {
    pool: pool.name,
    description: pool.description,
    key: pool.key,
    blocks: pool.blocks.map((b) => ({ name: b.name })),
    secrets: pool.secrets,
    tests: pool.tests,
  };
  // A JSON round trip drops `undefined` members, which the schema would reject.
  return JSON.parse(JSON.stringify(raw)) as Record<string, unknown>;
}

/**
 * A pool without block file paths: a server must never read files named by a
 * client, and a stored path would leak the server's layout.
 */
export function withoutBlockFiles(pool: PoolDefinition): PoolDefinition {
  return { ...pool, blocks: pool.blocks.map((b) => ({ name: b.name })) };
}

export function poolView(pool: PoolDefinition) {
  return JSON.parse(JSON.stringify(withoutBlockFiles(pool))) as PoolDefinition;
}

export function poolSummary(pool: PoolDefinition) {
  const summary = {
    name: pool.name,
    key: pool.key,
    blocks: pool.blocks.map((b) => b.name),
    tests: pool.tests.length,
  };
  return pool.description === undefined ? summary : { ...summary, description: pool.description };
}
