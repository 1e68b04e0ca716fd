import { Type, type Static } from 'typebox';
import { AnyJson, Name } from './values.js';

const STATES = ['held', 'due', 'queued', 'running', 'done', 'failed', 'kept'] as const;

/** Where a made row's teardown is. */
export const MadeRowStateSchema = Type.Enum([...STATES]);

/**
 * A made row with a lifecycle, as `/api/v1/made-rows` returns it: its test,
 * its values, its teardown (headers name environment variables, never
 * values) and where the teardown is: `failed` rows are the teardowns that
 * failed, with the last error.
 */
export const MadeRowSchema = Type.Object({
  pool: Type.String(),
  suite: Type.String(),
  test: Type.String(),
  block: Type.String(),
  key: Type.String(),
  values: Type.Record(Type.String(), AnyJson),
  server: Type.Union([Type.String(), Type.Null()]),
  teardown: Type.Union([AnyJson, Type.Null()]),
  origin: Type.Enum(['make', 'top-up']),
  jobId: Type.Union([Type.Integer(), Type.Null()]),
  expiresAt: Type.Union([Type.String(), Type.Null()]),
  state: MadeRowStateSchema,
  attempts: Type.Integer(),
  lastError: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});

/** A made row as the API returns it. */
export type MadeRow = Static<typeof MadeRowSchema>;

/** `?state&pool&origin&limit&offset` of `GET /api/v1/made-rows`. */
export const MadeRowQuery = Type.Object({
  state: Type.Optional(MadeRowStateSchema),
  pool: Type.Optional(Name),
  origin: Type.Optional(Type.Enum(['make', 'top-up'])),
  limit: Type.Integer({ minimum: 1, maximum: 1000, default: 50 }),
  offset: Type.Integer({ minimum: 0, maximum: 1_000_000_000, default: 0 }),
});

/** `POST /api/v1/pools/{pool}/top-up`: the queued top-up jobs. */
export const TopUpQueuedSchema = Type.Object({ jobs: Type.Array(Type.String()) });
