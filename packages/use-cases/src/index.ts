/**
 * @allot/use-cases: what allot does, one use case per file, over the store
 * slices of @allot/core. The server's routes and facades, the CLI and the
 * GitHub Action call these and only translate their own shapes around them:
 * nothing here knows HTTP, a command line or a workflow.
 */

// Jobs
export {
  executeBundle,
  isLifecycleStore,
  type BundleOptions,
  type ExecuteStore,
} from './execute-bundle.js';
export { lifecycleHooks, type LifecycleHooksInput } from './lifecycle-hooks.js';
export {
  runTeardown,
  TEARDOWN_KIND,
  TEARDOWN_STALE_MS,
  type TeardownExecutor,
} from './run-teardown.js';
export { queueTeardowns, TEARDOWN_RETRY } from './queue-teardowns.js';
export { listMadeRows } from './list-made-rows.js';
export { queueTopUp } from './queue-top-up.js';
export { topUpPool, TOP_UP_KIND, type TopUpInput, type TopUpServer } from './top-up-pool.js';
export { syncPoolFiles, type SyncStore } from './sync-pool-files.js';
export { trackJob } from './track-job.js';
export { HEARTBEAT_MS, STALE_AFTER_MS } from './job-heartbeat.js';
export { listJobs } from './list-jobs.js';
export { ALLOCATION_WORK_KIND, allocationWorkItem } from './allocation-work-item.js';
export { listWork, readWork, type WorkPage } from './list-work.js';
export { readJob } from './read-job.js';
export { releaseJob, type JobRelease } from './release-job.js';

// Results
export { readResult } from './read-result.js';
export { findResult } from './find-result.js';
export { listResults } from './list-results.js';
export { explainMissingResult } from './explain-missing-result.js';
export { releaseTest } from './release-test.js';

// Data blocks
export { importBlockVersion, type ImportStore } from './import-block-version.js';
export { listBlocks } from './list-blocks.js';
export { listBlockVersions } from './list-block-versions.js';
export { readBlockVersion } from './read-block-version.js';
export { exportBlock } from './export-block.js';
export {
  exportBlockVersion,
  type BlockExport,
  type ExportRequest,
} from './export-block-version.js';
export { readBlock } from './read-block.js';

// Pools and their tests
export { listPools } from './list-pools.js';
export { findPool } from './find-pool.js';
export { readPool } from './read-pool.js';
export { createPool, type PoolCreation } from './create-pool.js';
export { putPool, type PoolPut } from './put-pool.js';
export { uploadPoolFile, type UploadPoolStore } from './upload-pool-file.js';
export { deletePool } from './delete-pool.js';
export { addAllocationTest, type AllocationTestAddition } from './add-allocation-test.js';
export { readAllocationTest } from './read-allocation-test.js';
export { saveAllocationTest } from './save-allocation-test.js';
export { deleteAllocationTest } from './delete-allocation-test.js';

// Audit, events and notifications
export { listAudit } from './list-audit.js';
export { recordAudit } from './record-audit.js';
export { EventLog, type EventListener, type EventSubscriptions } from './event-log.js';
export type { Acting } from './acting.js';
export { listEvents } from './list-events.js';
export { searchAudit } from './search-audit.js';
export {
  countUnreadNotifications,
  deleteNotification,
  listNotifications,
  markNotificationsRead,
  readNotification,
} from './notifications.js';

// Projects
export { createProject, type NewProjectInput } from './create-project.js';
export { projectEvent } from './project-event.js';
export { readProject, type ProjectRef } from './read-project.js';
export { listProjects } from './list-projects.js';
export { updateProject, type ProjectChanges } from './update-project.js';
export { deleteProject } from './delete-project.js';
export { addProjectMember, removeProjectMember } from './project-members.js';
export {
  PROJECT_SCHEMA_LINK_KIND,
  linkProjectSchema,
  listProjectSchemas,
  type ProjectSchemaLink,
} from './project-schema-links.js';

// Workspaces, keys and users
export { ensureWorkspace, type WorkspaceCheck } from './ensure-workspace.js';
export { createApiKey, type KeySecret, type NewApiKey } from './create-api-key.js';
export { readApiKey } from './read-api-key.js';
export { listApiKeys } from './list-api-keys.js';
export { rotateApiKey, type KeyRotation } from './rotate-api-key.js';
export { revokeApiKey } from './revoke-api-key.js';
export { createUser, type UserCreation } from './create-user.js';
export { findUser } from './find-user.js';
export { readUser } from './read-user.js';
export { listUsers } from './list-users.js';
export { updateUser, type UserChanges } from './update-user.js';
export { deleteUser } from './delete-user.js';
export { changePassword } from './change-password.js';
export { readUserSettings, updateUserSettings, type UserSettings } from './user-settings.js';

// Webhooks
export { createWebhook, type CheckWebhookDestination, type NewWebhook } from './create-webhook.js';
export { listWebhooks, MAX_WEBHOOKS } from './list-webhooks.js';
export { readWebhook } from './read-webhook.js';
export { updateWebhook } from './update-webhook.js';
export { deleteWebhook } from './delete-webhook.js';
export {
  publishWebhookEvent,
  queueDelivery,
  type QueuedDelivery,
  type WebhookDeliveryPayload,
  type WebhookRetryPolicy,
} from './publish-webhook-event.js';
export { pingWebhook } from './ping-webhook.js';
export { recordWebhookAttempt } from './record-webhook-attempt.js';
export { listWebhookAttempts } from './list-webhook-attempts.js';
export { findWebhookRecord, toWebhook, WEBHOOK_DELIVERY_KIND } from './webhook-records.js';
// Accounts: passwords, sessions, invitations, workspaces
export { ACCOUNT_ROLES, accountRoleOf, type AccountRole } from './account-role.js';
export { MAX_PASSWORD_LENGTH, hashPassword, passwordMatches } from './password-hash.js';
export {
  DEFAULT_LOGIN_THROTTLE,
  LoginThrottle,
  type LoginAttempt,
  type LoginThrottleLimits,
} from './login-throttle.js';
export {
  LOGIN_FAILED_EVENT,
  logIn,
  type LoginOutcome,
  type LoginRefusal,
  type LoginRequest,
} from './log-in.js';
export { confirmTwoFactor, startTwoFactor, type TwoFactorSetup } from './enable-two-factor.js';
export { disableTwoFactor } from './disable-two-factor.js';
export { isSessionRevoked, revokeSession, type SessionRef } from './revoke-session.js';
export { areUserSessionsRevoked, revokeUserAccess } from './revoke-user-access.js';
export { sessionSecret } from './session-secret.js';
export {
  DEFAULT_INVITATION_TTL_SECONDS,
  createInvitation,
  type NewInvitation,
} from './create-invitation.js';
export { acceptInvitation, type InvitationUse } from './accept-invitation.js';
export {
  WORKSPACE_ID_PATTERN,
  createWorkspace,
  type WorkspaceCreation,
} from './create-workspace.js';
export { listWorkspaces } from './list-workspaces.js';
// Data views, scenarios, worksets and data assembly
export { latestRecords, projectKey, recordById, recordByName } from './assembly-catalogue.js';
export { putAssemblyPart, type AssemblyPartPut } from './put-assembly-part.js';
export { deleteAssemblyPart, type AssemblyPartDelete } from './delete-assembly-part.js';
export {
  ASSEMBLY_DELETE_ROLE,
  WORKSET_CHANGE_ROLE,
  assertAssemblyRole,
  type AssemblyCaller,
} from './assembly-role.js';
export { createWorkset } from './create-workset.js';
export { updateWorkset } from './update-workset.js';
export { cloneWorkset } from './clone-workset.js';
export { unlockWorkset } from './unlock-workset.js';
export { deleteWorkset } from './delete-workset.js';
export {
  ASSEMBLY_LOCK_SECONDS,
  DATA_ASSEMBLY_KIND,
  requestAssembly,
  type AssemblyRequest,
  type DataAssemblyPayload,
} from './request-assembly.js';
export {
  MAX_REPORTED_ROW_ERRORS,
  dataAssemblyHandler,
  type DataAssemblyDeps,
} from './data-assembly-handler.js';
export { readAssemblyProgress, type AssemblyProgress } from './read-assembly-progress.js';
// Two-step uploads, downloads and event reports
export {
  STAGED_UPLOAD_KIND,
  STAGED_UPLOAD_SECONDS,
  checkTdoCsv,
  stageUpload,
} from './staged-upload.js';
export { bindUpload, type BindUpload } from './bind-upload.js';
export { recordBlockDownload } from './record-block-download.js';
export {
  EVENT_REPORT_KINDS,
  eventReport,
  type EventReportKind,
  type EventReportLine,
  type EventReportQuery,
} from './event-report.js';
export { assemblyOutput } from './assembly-output.js';
// Coverage: determining attributes, coverage sets, business rules, calculated coverage
export {
  ATTRIBUTE_KIND,
  BUSINESS_RULE_KIND,
  COVERAGE_CALCULATED_EVENT,
  COVERAGE_RESULT_KIND,
  COVERAGE_SET_KIND,
  RULE_EVENT_KINDS,
  type AttributeRecord,
  type BusinessRuleBody,
  type BusinessRuleRecord,
  type CoverageResultBody,
  type CoverageResultRecord,
  type CoverageSetBody,
  type CoverageSetRecord,
  type CoverageSetRef,
  type InProject,
  type TypedRecord,
} from './coverage-records.js';
export {
  createDeterminingAttribute,
  type NewDeterminingAttribute,
} from './create-determining-attribute.js';
export {
  updateDeterminingAttribute,
  type DeterminingAttributeChanges,
} from './update-determining-attribute.js';
export { readDeterminingAttribute, type AttributeAddress } from './read-determining-attribute.js';
export { listDeterminingAttributes } from './list-determining-attributes.js';
export { deleteDeterminingAttribute } from './delete-determining-attribute.js';
export { createCoverageSet, type NewCoverageSet } from './create-coverage-set.js';
export {
  updateCoverageSet,
  type CoverageSetChanges,
  type CoverageSetUpdate,
} from './update-coverage-set.js';
export { readCoverageSet, type CoverageSetAddress } from './read-coverage-set.js';
export { listCoverageSets } from './list-coverage-sets.js';
export { lockCoverageSet } from './lock-coverage-set.js';
export { unlockCoverageSet } from './unlock-coverage-set.js';
export { deleteCoverageSet } from './delete-coverage-set.js';
export { type InCoverageSet } from './rule-scope.js';
export { createBusinessRule, type NewBusinessRule } from './create-business-rule.js';
export { updateBusinessRule, type BusinessRuleChanges } from './update-business-rule.js';
export { readBusinessRule } from './read-business-rule.js';
export { listBusinessRules } from './list-business-rules.js';
export { deleteBusinessRule } from './delete-business-rule.js';
export {
  calculateSetCoverage,
  type CoverageCalculation,
  type CoverageCalculator,
} from './calculate-set-coverage.js';
export {
  readCoverageDataSet,
  type CoverageDataSet,
  type CoverageDataSetRequest,
} from './read-coverage-data-set.js';
export {
  readWorkspaceDetails,
  updateWorkspaceSettings,
  type WorkspaceDetails,
} from './workspace-settings.js';

// Synthetic data: schemas, constraint sets, datasets
export {
  CONSTRAINT_SET_KIND,
  DATASET_CHUNK_KIND,
  DATASET_GENERATION_KIND,
  DATASET_KIND,
  SCHEMA_KIND,
  type ConstraintSetBody,
  type DatasetBlock,
  type DatasetBody,
  type DatasetEntity,
  type DatasetFile,
  type DatasetParams,
  type DatasetStatus,
  type SchemaBody,
} from './synth-records.js';
export { uploadSchema, type SchemaUpload } from './upload-schema.js';
export { readSchemaRecord, readSchemaRepr, type SynthRef } from './read-schema-record.js';
export { listSchemas } from './list-schemas.js';
export { deleteSchema } from './delete-schema.js';
export type { ConstraintSetInput } from './check-constraint-set.js';
export { createConstraintSet, type NewConstraintSet } from './create-constraint-set.js';
export { listConstraintSets, readConstraintSet } from './read-constraint-set.js';
export { updateConstraintSet, type ConstraintSetChanges } from './update-constraint-set.js';
export { deleteConstraintSet } from './delete-constraint-set.js';
export {
  createSyntheticDataset,
  DATASET_ATTEMPTS,
  MAX_DATASET_RECORDS,
  type DatasetGenerationPayload,
  type NewSyntheticDataset,
} from './create-synthetic-dataset.js';
export { datasetGenerationHandler, type DatasetGenerationDeps } from './generate-dataset.js';
export { readSyntheticDataset, type SyntheticDatasetView } from './read-synthetic-dataset.js';
export { listSyntheticDatasets } from './list-synthetic-datasets.js';
export { deleteSyntheticDataset } from './delete-synthetic-dataset.js';
export { regenerateSyntheticDataset } from './regenerate-synthetic-dataset.js';
export {
  readSyntheticDatasetFile,
  type SyntheticDatasetDownload,
} from './read-synthetic-dataset-file.js';
export { coveragePrimaryDataSet } from './coverage-primary-data-set.js';

// Datasets of variables
export {
  datasetView,
  type DatasetCaller,
  type DatasetsStore,
  type DatasetView,
} from './dataset-caller.js';
export { listDatasets } from './list-datasets.js';
export { readDataset } from './read-dataset.js';
export { addDataset, type NewDatasetInput } from './add-dataset.js';
export { updateDataset, type DatasetChangeInput } from './update-dataset.js';
export { deleteDataset } from './delete-dataset.js';
export { listVariables } from './list-variables.js';
export { addVariable } from './add-variable.js';
export { renameVariable, deleteVariable } from './change-variable.js';
export type { DatasetValuesInput } from './dataset-values-input.js';
export { queryBlockRows, type BlockRowsPage } from './query-block-rows.js';
export { datasetsFromJob, type DatasetsFromJob } from './datasets-from-job.js';
export { exportDatasets, type DatasetsExport } from './export-datasets.js';
export {
  forecastPool,
  type FindDepletion,
  type ForecastOptions,
  type PoolForecastView,
} from './forecast-pool.js';
export { listLeases, type LeaseFilter, type LeaseView } from './list-leases.js';
export {
  planCoverageAllocation,
  type CoverageAllocationEntry,
  type CoverageAllocationPlan,
  type CoverageAllocationRequest,
  type ExistingRowsCoverage,
} from './plan-coverage-allocation.js';
export {
  allocateCoverage,
  coverageAllocationReport,
  withPool,
  type AllocateCoverageOptions,
  type CoverageAllocationReport,
  type CoverageOutcome,
  type JobTestOutcome,
} from './allocate-coverage.js';
export type { ObjectStorage, ObjectUpload, S3Target } from './object-storage.js';
export {
  checkS3Target,
  listS3Integrations,
  s3IntegrationRecord,
  S3_INTEGRATION_KIND,
  toS3Integration,
  type S3IntegrationView,
} from './s3-integration-records.js';
export { createS3Integration } from './create-s3-integration.js';
export { updateS3Integration } from './update-s3-integration.js';
export { deleteS3Integration } from './delete-s3-integration.js';
export { testS3Integration } from './test-s3-integration.js';
export { DATASET_EXPORT_KIND, type DatasetExportPayload } from './dataset-export-records.js';
export { exportDatasetToS3, type DatasetExport } from './export-dataset-to-s3.js';
export { datasetExportHandler, type DatasetExportDeps } from './dataset-export-handler.js';
export {
  AVATAR_MAX_BYTES,
  setUserAvatar,
  USER_AVATAR_KIND,
  type AvatarBody,
} from './set-user-avatar.js';
export { readUserAvatar } from './read-user-avatar.js';
