import { Type } from 'typebox';

export const JobTestSchema = Type.Object({
  pool: Type.String(),
  suite: Type.String(),
  test: Type.String(),
  status: Type.String(),
  reason: Type.Union([Type.String(), Type.Null()]),
  fromJob: Type.Union([Type.Integer(), Type.Null()]),
  releasedAt: Type.Union([Type.String(), Type.Null()]),
});

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
  progress: Type.Union([
    Type.Object({ phase: Type.String(), done: Type.Integer(), total: Type.Integer() }),
    Type.Null(),
  ]),
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

export const ReleaseSchema = Type.Object({ released: Type.Integer(), consumed: Type.Integer() });
