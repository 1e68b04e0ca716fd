import { Type, type Static } from 'typebox';
import { AnyJson } from './values.js';

const STATES = ['queued', 'running', 'completed', 'failed', 'cancelled'] as const;

/** A queued job's state. */
export const QueuedJobStateSchema = Type.Enum([...STATES]);

/** A unit of long work in the queue, as `/api/v1/queue` returns it. */
export const QueuedJobSchema = Type.Object({
  id: Type.String(),
  kind: Type.String(),
  state: QueuedJobStateSchema,
  progress: Type.Union([
    Type.Object({
      done: Type.Number(),
      total: Type.Number(),
      message: Type.Optional(Type.String()),
    }),
    Type.Null(),
  ]),
  payload: AnyJson,
  result: AnyJson,
  error: Type.Union([Type.Object({ code: Type.String(), message: Type.String() }), Type.Null()]),
  attempts: Type.Integer(),
  maxAttempts: Type.Integer(),
  createdAt: Type.String(),
  startedAt: Type.Union([Type.String(), Type.Null()]),
  finishedAt: Type.Union([Type.String(), Type.Null()]),
  updatedAt: Type.String(),
});

/** A queued job as the API returns it. */
export type QueuedJobView = Static<typeof QueuedJobSchema>;

/** `?state&kind&limit&offset` of `GET /api/v1/queue`. */
export const QueueQuery = Type.Object({
  state: Type.Optional(QueuedJobStateSchema),
  kind: Type.Optional(Type.String({ pattern: '^[a-z][a-z0-9_-]{0,62}$' })),
  limit: Type.Integer({ minimum: 1, maximum: 1000, default: 50 }),
  offset: Type.Integer({ minimum: 0, maximum: 1_000_000_000, default: 0 }),
});
