import type { PoolDefinition } from '@allot/core';
import { Type } from 'typebox';
import { AnyJson, Name } from './common.js';

/** A pool as the API returns it (finds and makes are free-form JSON, checked by the core). */
export const PoolSchema = Type.Object({
  name: Type.String(),
  description: Type.Optional(Type.String()),
  key: Type.String(),
  blocks: Type.Array(Type.Object({ name: Type.String() })),
  secrets: Type.Array(Type.String()),
  tests: Type.Array(AnyJson),
});

export const PoolSummarySchema = Type.Object({
  name: Type.String(),
  description: Type.Optional(Type.String()),
  key: Type.String(),
  blocks: Type.Array(Type.String()),
  tests: Type.Integer(),
});

export const AllocationTestSchema = Type.Object({
  suite: Type.String(),
  test: Type.String(),
  count: Type.Integer(),
  consume: Type.Boolean(),
  readOnly: Type.Boolean(),
  find: AnyJson,
  make: Type.Optional(AnyJson),
  columns: Type.Optional(Type.Array(Type.String())),
});

/**
 * A pool document as a body: the pool file's shape. Only its outline is
 * checked here; the core's pool schema and rules check the rest and name
 * every offending path.
 */
export const PoolBody = Type.Object(
  {
    pool: Name,
    key: Type.String(),
    blocks: Type.Optional(Type.Array(AnyJson)),
    tests: Type.Array(AnyJson),
  },
  { additionalProperties: true },
);

/** An allocation test as a body: `suite` and `test` may come from the path. */
export const TestBody = Type.Object(
  {
    suite: Type.Optional(Name),
    test: Type.Optional(Name),
    find: Type.Object({}, { additionalProperties: true }),
  },
  { additionalProperties: true },
);

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
