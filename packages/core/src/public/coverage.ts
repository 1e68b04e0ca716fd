/** @allot/core's public API, coverage sets, determining attributes and business rules: re-exported whole by the package's index. */
export type {
  AttributeDataType,
  AttributeRange,
  AttributeRef,
  AttributeSource,
  AttributeValue,
  BusinessRule,
  CoverageSetDefinition,
  DeterminingAttribute,
  RangeAttribute,
  RuleCondition,
  ValueAttribute,
} from '../coverage/determining-attribute.js';
export { ATTRIBUTE_DATA_TYPES } from '../coverage/determining-attribute.js';
export { CoverageInputError } from '../coverage/coverage-input-error.js';
export { validateDeterminingAttribute } from '../coverage/validate-determining-attribute.js';
export {
  COVERAGE_SUFFIX,
  validateAttributeRefs,
  validateCoverageSet,
} from '../coverage/validate-coverage-set.js';
export { validateBusinessRule } from '../coverage/validate-business-rule.js';
export { attributeLabels, levelLabel } from '../coverage/attribute-levels.js';
export { sourceKey } from '../coverage/coverage-model.js';
export type { CoverageInput } from '../coverage/coverage-model.js';
export {
  MAX_COMBINATIONS,
  MAX_STRENGTH,
  calculateCoverage,
} from '../coverage/calculate-coverage.js';
export type {
  CoverageCombination,
  CoverageOptions,
  CoverageReport,
  CoverageResult,
} from '../coverage/calculate-coverage.js';
export { countTuples } from '../coverage/count-tuples.js';
export type { TupleCount } from '../coverage/count-tuples.js';
export { combinationFinds, combinationMake, coverageTests } from '../coverage/coverage-finds.js';
export type { CoverageTestsOptions } from '../coverage/coverage-finds.js';
export { coverFromRows } from '../coverage/cover-from-rows.js';
export type { ExistingCoverage } from '../coverage/cover-from-rows.js';
