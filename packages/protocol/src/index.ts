/**
 * @allot/protocol: allot's wire types, once. TypeBox schemas of what the
 * server's `/api/v1` and vendor-compatible routes send and accept, and of
 * the results file, each with its static type. The server validates with
 * the schemas; the client, CLI, action and test framework packages type
 * against them.
 */
export { ErrorSchema, withErrors } from './error-body.js';
export type { ErrorBody } from './error-body.js';
export { Links, PageOf, PageQuery } from './page.js';
export type { PageParams } from './page.js';
export { AnyJson, Name, RowObjectSchema, TestRefSchema, ValueSchema } from './values.js';
export type { Row, TestRef, Value } from './values.js';
export {
  JobProgressSchema,
  JobStatusSchema,
  JobSummarySchema,
  JobTestSchema,
  TEST_STATUSES,
} from './job-status.js';
export type {
  JobProgress,
  JobStatus,
  JobSummary,
  JobTestStatus,
  TestStatus,
} from './job-status.js';
export { ReleaseSchema } from './release-outcome.js';
export type { ReleaseOutcome } from './release-outcome.js';
export {
  ALLOCATION_JOB_TYPE,
  VENDOR_JOB_STATES,
  VENDOR_JOB_TYPES,
  VendorJobSchema,
} from './vendor-job.js';
export type { VendorJob, VendorJobState } from './vendor-job.js';
export { BlockMetaSchema, BlockUploadSchema } from './block.js';
export type { BlockUpload, BlockVersion } from './block.js';
export { BlockDownloadQuery, EXPORT_FORMAT_NAMES, X12_TEMPLATE_NAMES } from './export-format.js';
export type { BlockDownloadParams, ExportFormatName } from './export-format.js';
export { AllocationTestSchema, PoolBody, PoolSchema, PoolSummarySchema, TestBody } from './pool.js';
export type { Pool, PoolSummary, PoolTest } from './pool.js';
export { ResultSchema } from './result.js';
export type { StoredResult } from './result.js';
export { ResultsEntrySchema, ResultsFileSchema } from './results-file.js';
export type { ResultsEntry, ResultsFileContent } from './results-file.js';
export {
  CreatedWebhookSchema,
  NewWebhookBody,
  QueuedDeliverySchema,
  WebhookAttemptSchema,
  WebhookEventKindSchema,
  WebhookPatchBody,
  WebhookSchema,
} from './webhook.js';
export type { WebhookAttemptView, WebhookView } from './webhook.js';
export { QueuedJobSchema, QueuedJobStateSchema, QueueQuery } from './queued-job.js';
export { MadeRowQuery, MadeRowSchema, MadeRowStateSchema, TopUpQueuedSchema } from './made-row.js';
export type { MadeRow } from './made-row.js';
export type { QueuedJobView } from './queued-job.js';
export {
  AcceptInvitationBody,
  AccountRoleSchema,
  InvitationSchema,
  KeyRoleSchema,
  LoginBody,
  PasswordSchema,
  SessionSchema,
  UserSchema,
  WorkspaceBody,
  WorkspaceSchema,
} from './account.js';
export type { Invitation, Login, Session, UserView, Workspace } from './account.js';
export {
  NewProjectBody,
  ProjectChangesBody,
  ProjectMemberBody,
  ProjectMemberSchema,
  ProjectName,
  ProjectRoleSchema,
  ProjectSchema,
  ProjectVersion,
} from './project.js';
export type { Project } from './project.js';
export { EventSchema, NotificationSchema } from './event.js';
export type { Event, Notification } from './event.js';
export {
  AssemblyPartParamsSchema,
  AssemblyProgressSchema,
  AssemblyRecordSchema,
  AssemblyRequestSchema,
  BoundViewSchema,
  CatalogueLockSchema,
  DataViewBodySchema,
  EventReportNameSchema,
  EventReportQuerySchema,
  NamedVersionSchema,
  NewWorksetBody,
  ScenarioBodySchema,
  WorksetChangesBody,
} from './assembly.js';
export type { AssemblyProgressView, AssemblyRecord } from './assembly.js';
export {
  AttributeRefSchema,
  BusinessRuleBodySchema,
  BusinessRuleSchema,
  CalculateCoverageBody,
  CatalogueIdSchema,
  CoverageDataSetSchema,
  CoverageReportSchema,
  CoverageSetChangesBody,
  CoverageSetRefSchema,
  CoverageSetSchema,
  DeterminingAttributeChangesBody,
  DeterminingAttributeSchema,
  LockBody,
  LockSchema,
  NewCoverageSetBody,
  NewDeterminingAttributeBody,
} from './coverage.js';
export type {
  BusinessRuleView,
  CoverageDataSetView,
  CoverageSetView,
  DeterminingAttributeView,
} from './coverage.js';
export {
  ConstraintSetChangesBody,
  ConstraintSetSchema,
  ConstraintsSchema,
  SyntheticDatasetFileQuery,
  SyntheticDatasetFileSchema,
  SyntheticDatasetSchema,
  FieldConstraintSchema,
  NewConstraintSetBody,
  NewSyntheticDatasetBody,
  SchemaFormatSchema,
  SchemaRecordSchema,
  SchemaReprSchema,
  SchemaUploadBody,
  SynthFormatSchema,
} from './synth.js';
export type { SyntheticDatasetViewSchema, SchemaRecordView } from './synth.js';
export {
  DatasetExportBody,
  DatasetExportSchema,
  type DatasetExportView,
} from './dataset-export.js';
export {
  BlockRowsPageSchema,
  ListQuery,
  ODataQuery,
  type BlockRowsPage,
  type ListParams,
} from './odata.js';
export {
  DatasetChangesBody,
  DatasetName,
  DatasetSchema,
  DatasetsFromJobBody,
  DatasetsFromJobSchema,
  DatasetValue,
  NewDatasetBody,
  VariableBody,
  VariableSchema,
  type Dataset,
} from './dataset.js';
export {
  DailyRowsSchema,
  FindForecastSchema,
  ForecastQuery,
  PoolForecastSchema,
} from './forecast.js';
export type { FindForecastView, PoolForecast } from './forecast.js';
export { LeaseQuery, LeaseSchema } from './lease.js';
export type { Lease } from './lease.js';
export {
  AllocateCoverageBody,
  CoverageAllocationSchema,
  CoverageOutcomeSchema,
} from './coverage-allocation.js';
export type { CoverageAllocationView } from './coverage-allocation.js';
