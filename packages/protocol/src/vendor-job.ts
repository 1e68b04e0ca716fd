import { Type, type Static } from 'typebox';

/** The vendor's `JobState` values, as its clients compare them. */
export const VENDOR_JOB_STATES = [
  'Created',
  'InQueue',
  'InProgress',
  'Complete',
  'Error',
  'Cancelled',
] as const;

/**
 * The vendor's `JobType` values. Its Java client reads the job into an enum
 * of exactly these, and an unknown value fails the whole read: an allocation
 * job is a `DataGenerationJob`.
 */
export const VENDOR_JOB_TYPES = [
  'TestGenerationJob',
  'DataGenerationJob',
  'AutomationGenerationJob',
  'ExportTestSuiteJob',
  'VIPAutoExecutionJob',
  'RunResultAnalysisAndTestGenerationJob',
  'HopperChildJob',
  'RepairTestJob',
  'ModellerJob',
  'ImportModelJob',
  'VisioExportJob',
] as const;

/** The type of every job allot reports to vendor clients. */
export const ALLOCATION_JOB_TYPE = 'DataGenerationJob' satisfies (typeof VENDOR_JOB_TYPES)[number];

const nullableString = (description: string) =>
  Type.Union([Type.String(), Type.Null()], { description });

/**
 * The job object of the vendor protocol, every field its clients read
 * (the Java client's `Job` class, less the settings objects it does not
 * need). The response serializer drops whatever is not listed here.
 */
export const VendorJobSchema = Type.Object({
  id: Type.Integer({ description: 'An integer: clients parse it as a long.' }),
  jobState: Type.Enum(VENDOR_JOB_STATES),
  jobType: Type.Enum(VENDOR_JOB_TYPES, {
    description: 'Always DataGenerationJob: an allocation produces test data.',
  }),
  createdDate: Type.String({ description: 'ISO 8601, UTC.' }),
  lastUpdate: Type.String({ description: 'ISO 8601, UTC.' }),
  cancel: Type.Boolean({ description: 'Whether the job was cancelled: allot never cancels one.' }),
  expectResult: Type.Boolean({ description: 'True: an allocation has results to read.' }),
  localJob: Type.Boolean({
    description: "False: the job runs inside the allot server, never on a client's own agent.",
  }),
  progressMessage: Type.String(),
  createdUser: nullableString('The user, or the name of the key, that executed the job.'),
  tenant: Type.String({ description: 'The workspace.' }),
  APIKey: nullableString(
    'The public id of the key that executed the job (the part before its secret); never the secret.',
  ),
  noPasses: Type.Integer({ description: 'Tests that got their rows (allocated, made or reused).' }),
  noFailures: Type.Integer({ description: 'Tests left without rows.' }),
});

/** The job object of the vendor protocol. */
export type VendorJob = Static<typeof VendorJobSchema>;

/** The vendor's job states, as its clients compare them. */
export type VendorJobState = (typeof VENDOR_JOB_STATES)[number];
