import { Type, type Static } from 'typebox';
import { TEST_STATUSES } from './job-status.js';
import { RowObjectSchema } from './values.js';

/** One test's entry in the results file. */
export const ResultsEntrySchema = Type.Object({
  pool: Type.String(),
  suite: Type.String(),
  test: Type.String(),
  status: Type.Enum(TEST_STATUSES),
  values: Type.Array(RowObjectSchema),
  secrets: Type.Optional(
    Type.Array(Type.String(), {
      description:
        'The pool secret columns: readers mask them wherever they show values (absent in files of older writers).',
    }),
  ),
  reason: Type.Union([Type.String(), Type.Null()], {
    description: 'For a failure: why the test got no data.',
  }),
});

/** One test's entry, as `allot run` and the GitHub Action write it. */
export type ResultsEntry = Static<typeof ResultsEntrySchema>;

/**
 * The results file `allot run` and the GitHub Action write for later steps
 * and test fixtures: the job, its namespace and lease end, and every test
 * with its values (secrets included: tests log in with them).
 */
export const ResultsFileSchema = Type.Object({
  jobId: Type.Integer(),
  namespace: Type.String(),
  expiresAt: Type.String(),
  results: Type.Array(ResultsEntrySchema),
});

/** The results file's content. */
export type ResultsFileContent = Static<typeof ResultsFileSchema>;
