import { Type, type Static } from 'typebox';

/** How one test of a job fared: rows found, rows made, rows kept from a live job, or none. */
export const TEST_STATUSES = ['allocated', 'made', 'cached', 'failed'] as const;

/** How one test of a job fared: rows found, rows made, rows kept from a live job, or none. */
export type TestStatus = (typeof TEST_STATUSES)[number];

// Documented as a plain string, as it always was; the static type names the values the server sends.
const TestStatusString = Type.Unsafe<TestStatus>(Type.String());

/** One test of a job, as `GET /api/v1/jobs/{id}` reports it (values come from the result routes). */
export const JobTestSchema = Type.Object({
  pool: Type.String(),
  suite: Type.String(),
  test: Type.String(),
  status: TestStatusString,
  reason: Type.Union([Type.String(), Type.Null()]),
  fromJob: Type.Union([Type.Integer(), Type.Null()]),
  releasedAt: Type.Union([Type.String(), Type.Null()]),
});

/** One test of a job: for a failure `reason` says why it got no data; for `cached`, `fromJob` holds the rows. */
export type JobTestStatus = Static<typeof JobTestSchema>;

/** Where a running job is: its phase and how far through it. */
export const JobProgressSchema = Type.Object({
  phase: Type.String(),
  done: Type.Integer(),
  total: Type.Integer(),
  message: Type.Optional(Type.String()),
});

/** Where a running job is: its phase and how far through it. */
export type JobProgress = Static<typeof JobProgressSchema>;

/**
 * A job of the `/api/v1` routes: `running` until it ends `complete` (every
 * test got data), `failed` (some test got none, the rest are leased) or
 * `error` (the job itself failed and leased nothing).
 */
export const JobStatusSchema = Type.Object({
  id: Type.Integer(),
  answeredBy: Type.Union([Type.Integer(), Type.Null()], {
    description:
      'The committed job that holds the results; differs from id when an earlier live job answered the same bundle.',
  }),
  state: Type.Enum(['running', 'complete', 'failed', 'error']),
  queued: Type.Boolean({
    description: 'A running job still waiting for the earlier jobs of its workspace to finish.',
  }),
  progress: Type.Union([JobProgressSchema, Type.Null()]),
  message: Type.String(),
  server: Type.Union([Type.String(), Type.Null()], {
    description:
      'The resolution server that ran the job (the default server when an unknown name was given).',
  }),
  createdUser: Type.Union([Type.String(), Type.Null()], {
    description: 'Who executed the job: the user of the key, else the name of the key.',
  }),
  keyId: Type.Union([Type.String(), Type.Null()], {
    description: 'The public id of the key that executed the job (never its secret).',
  }),
  createdAt: Type.String(),
  updatedAt: Type.String(),
  expiresAt: Type.Union([Type.String(), Type.Null()]),
  releasedAt: Type.Union([Type.String(), Type.Null()]),
  namespace: Type.Union([Type.String(), Type.Null()], {
    description: "The job's {{run.namespace}}, as its makes used it; null until it has committed.",
  }),
  allocated: Type.Integer(),
  made: Type.Integer(),
  reused: Type.Integer(),
  failed: Type.Integer(),
  tests: Type.Array(JobTestSchema),
});

/** A job's state as `GET /api/v1/jobs/{id}` reports it, whichever replica runs it. */
export type JobStatus = Static<typeof JobStatusSchema>;

/** A job as the job listing returns it: its counts, not its tests. */
export const JobSummarySchema = Type.Object({
  id: Type.Integer(),
  state: Type.String(),
  createdAt: Type.String(),
  expiresAt: Type.String(),
  releasedAt: Type.Union([Type.String(), Type.Null()]),
  tests: Type.Integer(),
  allocated: Type.Integer(),
  made: Type.Integer(),
  reused: Type.Integer(),
  failed: Type.Integer(),
});

/** A job as the job listing returns it. */
export type JobSummary = Static<typeof JobSummarySchema>;
