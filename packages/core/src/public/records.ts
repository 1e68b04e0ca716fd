/** @allot/core's public API, datasets of variables, events, notifications and projects: re-exported whole by the package's index. */
export {
  DEFAULT_DATASET_NAME,
  datasetValues,
  type DatasetChange,
  type DatasetRecord,
  type NewDataset,
  type DatasetFill,
  type DatasetFillResult,
  type VariableRecord,
} from '../datasets/dataset-record.js';
export {
  datasetExistsError,
  datasetNotFoundError,
  variableExistsError,
  variableNotFoundError,
} from '../datasets/dataset-errors.js';
export {
  checkDatasetName,
  checkDatasetValue,
  MAX_DATASET_NAME_LENGTH,
  MAX_DATASET_VALUE_LENGTH,
} from '../datasets/validate-dataset.js';
export { eventMatches } from '../events/event-record.js';
export type { EventQuery, EventRecord, NewEvent } from '../events/event-record.js';
export type { NotificationQuery, NotificationRecord } from '../events/notification-record.js';
export { DEFAULT_PROJECT_VERSION, PROJECT_ROLES } from '../projects/project-record.js';
export type {
  NewProject,
  ProjectMember,
  ProjectRecord,
  ProjectRole,
} from '../projects/project-record.js';
export { projectExistsError, projectNotFoundError } from '../projects/project-errors.js';
export {
  assertProjectPermission,
  projectPermission,
  type ProjectCaller,
  type ProjectPermission,
} from '../projects/project-access.js';
export {
  PARAMETER_TABLE_FORMATS,
  writeParameterTable,
  type ParameterRow,
  type ParameterTableFormat,
} from '../datasets/write-parameter-table.js';
