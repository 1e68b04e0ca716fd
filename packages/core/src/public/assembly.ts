/** @allot/core's public API, data views, scenarios, worksets and data assembly: re-exported whole by the package's index. */
export {
  DATA_VIEW_KIND,
  SCENARIO_KIND,
  WORKSET_KIND,
  type BoundView,
  type DataViewBody,
  type NamedVersion,
  type ScenarioBody,
  type ScenarioStep,
  type WorksetBody,
} from '../assembly/assembly-records.js';
export { AssemblyInputError } from '../assembly/assembly-input-error.js';
export { validateDataView } from '../assembly/validate-data-view.js';
export { validateScenario } from '../assembly/validate-scenario.js';
export {
  WORKSET_NAME_SUFFIX,
  dataViewsAt,
  validateWorkset,
  validateWorksetName,
} from '../assembly/validate-workset.js';
export {
  ASSEMBLY_COLUMNS,
  assembleRecords,
  type AssembledRecords,
  type AssemblyRowError,
} from '../assembly/assemble-records.js';
export {
  assemblyGroups,
  assemblyPool,
  primaryRecords,
  type AssemblyGroup,
  type RecordSlot,
  type LoadedView,
  type PrimaryRecords,
} from '../assembly/plan-assembly.js';
export {
  dataSetVersion,
  runAssembly,
  type AssemblyOutcome,
  type PrimaryDataSet,
  type RunAssemblyOptions,
} from '../assembly/run-assembly.js';
export { escapeMarkup } from '../exports/escape-markup.js';
