import { Type, type Static } from 'typebox';
import { TestRefSchema } from './values.js';

/** The query of `GET /api/v1/pools/{pool}/forecast`: how many days of jobs make the rate. */
export const ForecastQuery = Type.Object({
  server: Type.Optional(
    Type.String({
      minLength: 1,
      maxLength: 63,
      description: 'The resolution server SQL finds run on; the workspace default when omitted',
    }),
  ),
  days: Type.Integer({
    minimum: 1,
    maximum: 90,
    default: 14,
    description: 'The window of past jobs whose rows make the consumption rate, in days up to now',
  }),
});

/** Rows one day's jobs took from a find. */
export const DailyRowsSchema = Type.Object({
  date: Type.String({ description: 'A UTC day, YYYY-MM-DD' }),
  rows: Type.Integer(),
});

/** One find of a pool: supply against demand (a dry run of every test), and how fast jobs take its rows. */
export const FindForecastSchema = Type.Object({
  block: Type.String({ description: 'The block version the find reads: customers@1.2' }),
  find: Type.String({ description: 'The find, as people read it: status = active' }),
  readOnly: Type.Boolean(),
  tests: Type.Array(TestRefSchema, { description: 'The tests with this find' }),
  demand: Type.Integer({ description: 'Rows these tests need together' }),
  qualifying: Type.Integer({ description: 'Rows the find selects' }),
  free: Type.Integer({ description: 'Qualifying rows neither leased nor consumed' }),
  leased: Type.Integer({ description: 'Qualifying rows live leases hold' }),
  consumed: Type.Integer({ description: 'Qualifying rows tests consumed: they never come back' }),
  matched: Type.Integer({ description: 'Rows a job of these tests would get now' }),
  makes: Type.Integer({ description: 'Rows makes would have to create' }),
  short: Type.Integer({ description: 'Rows nobody could provide: tests that would fail' }),
  taken: Type.Integer({ description: "Rows the window's jobs gave these tests" }),
  ratePerDay: Type.Number({ description: 'taken / days' }),
  runsOutAt: Type.Union([Type.String(), Type.Null()], {
    description:
      'When the free rows are gone at this rate (now when none are free); null when nothing is taken',
  }),
  daily: Type.Array(DailyRowsSchema, { description: 'Rows taken per day, oldest first' }),
  topUp: Type.Union(
    [
      Type.Object({
        low: Type.Integer(),
        high: Type.Integer(),
        server: Type.Optional(Type.String()),
      }),
      Type.Null(),
    ],
    { description: "The find's top-up watermarks, when a test of it declares them" },
  ),
  madeAhead: Type.Integer({ description: 'Rows the top-up made ahead that wait free in the pool' }),
});

/** One find of a pool's forecast. */
export type FindForecastView = Static<typeof FindForecastSchema>;

/** `GET /api/v1/pools/{pool}/forecast`: every find of the pool, and the tests that cannot be planned. */
export const PoolForecastSchema = Type.Object({
  pool: Type.String(),
  server: Type.String({ description: 'The resolution server the dry run used' }),
  at: Type.String({ description: 'When the forecast was made' }),
  days: Type.Integer(),
  finds: Type.Array(FindForecastSchema),
  unplanned: Type.Array(
    Type.Object({ suite: Type.String(), test: Type.String(), reason: Type.String() }),
    { description: 'Tests whose find cannot run (a missing block, an unknown column)' },
  ),
});

/** A pool's forecast. */
export type PoolForecast = Static<typeof PoolForecastSchema>;
