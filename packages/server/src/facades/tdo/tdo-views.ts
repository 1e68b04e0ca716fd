import type { CatalogueLock } from '@allot/core';
import type {
  AttributeRecord,
  BusinessRuleRecord,
  CoverageDataSet,
  CoverageSetRecord,
} from '@allot/use-cases';

/** The project a TDO entity belongs to, as its context names it. */
export interface TdoProject {
  name: string;
  version: string;
}

const audit = (record: AttributeRecord | CoverageSetRecord | BusinessRuleRecord) => ({
  createdBy: record.createdBy,
  createdDate: record.createdAt,
  updatedBy: record.updatedBy,
  updatedDate: record.updatedAt,
});

/** A determining attribute as the facade answers it: the entity's fields, its id and version. */
export function tdoAttribute(record: AttributeRecord, project: TdoProject) {
  return { id: record.id, ...record.body, version: record.version, project, ...audit(record) };
}

/**
 * The lock fields of a coverage set: who holds it and since when, and its
 * timeout in seconds; blank, null and -1 when free, as the reference shows
 * an unlocked workset.
 */
export function tdoLockFields(lock: CatalogueLock | null) {
  return {
    locked: lock !== null,
    lockedBy: lock?.holder ?? '',
    lockDateTime: lock?.since ?? null,
    lockTimeout: lock === null ? -1 : (lock.timeoutSeconds ?? 0),
  };
}

/**
 * A coverage set version with the details of its attributes, as "get all"
 * and "get details" answer it; an attribute since deleted shows its
 * reference with `missing: true`.
 */
export function tdoCoverageSet(
  set: CoverageSetRecord,
  attributes: ReadonlyArray<AttributeRecord | undefined>,
  project: TdoProject,
) {
  return {
    id: set.id,
    name: set.name,
    version: set.version,
    project,
    determiningAttributes: set.body.determiningAttributes.map((ref, i) => {
      const record = attributes[i];
      return record === undefined ? { ...ref, missing: true } : tdoAttribute(record, project);
    }),
    ...tdoLockFields(set.lock),
    ...audit(set),
  };
}

/** A business rule: its id, the coverage set version it belongs to, its conditions. */
export function tdoBusinessRule(rule: BusinessRuleRecord, project: TdoProject) {
  return {
    id: rule.id,
    version: rule.version,
    project,
    coverage: rule.body.coverageSet,
    conditions: rule.body.conditions,
    ...audit(rule),
  };
}

/** A calculated coverage: the set version, the report, and the combinations as a table. */
export function tdoCoverageDataSet(data: CoverageDataSet, project: TdoProject) {
  return {
    project,
    coverage: data.coverageSet,
    calculation: data.calculation,
    calculatedBy: data.calculatedBy,
    calculatedDate: data.calculatedAt,
    report: data.report,
    columns: data.columns,
    rows: data.rows,
  };
}
