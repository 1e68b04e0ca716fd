import { Type, type Static } from 'typebox';
import { AnyJson, Name, TestRefSchema } from './values.js';

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

/** How one find of a pool would fare now: demand, supply, and its top-up watermarks. */
export const FindForecastSchema = Type.Object({
  pool: Type.String(),
  block: Type.String(),
  find: Type.String(),
  readOnly: Type.Boolean(),
  tests: Type.Integer(),
  demand: Type.Integer(),
  qualifying: Type.Integer(),
  free: Type.Integer(),
  matched: Type.Integer(),
  makes: Type.Integer(),
  short: Type.Integer(),
  refs: Type.Array(TestRefSchema),
  topUp: Type.Union([
    Type.Object({
      low: Type.Integer(),
      high: Type.Integer(),
      server: Type.Optional(Type.String()),
    }),
    Type.Null(),
  ]),
  madeAhead: Type.Integer(),
});

/** `GET /api/v1/pools/{pool}/forecast`: a dry run of every test of the pool. */
export const PoolForecastSchema = Type.Object({
  pool: Type.String(),
  server: Type.String(),
  finds: Type.Array(FindForecastSchema),
});

/** A pool's forecast as the API returns it. */
export type PoolForecast = Static<typeof PoolForecastSchema>;

/** `?server` of the forecast: the resolution server SQL finds run on; `local` by default. */
export const ForecastQuery = Type.Object({
  server: Type.Optional(Type.String({ minLength: 1, maxLength: 63 })),
});

/** `POST /api/v1/pools/{pool}/top-up`: the queued top-up jobs. */
export const TopUpQueuedSchema = Type.Object({ jobs: Type.Array(Type.String()) });
