import {
  AllotError,
  CatalogueLockedError,
  isCatalogueId,
  levelLabel,
  newCatalogueId,
  liveLock,
  type AttributeRef,
  type BusinessRule,
  type CatalogueRecord,
  type CatalogueStore,
  type CoverageReport,
  type CoverageCombination,
  type DeterminingAttribute,
  type ProjectRecord,
  type ProjectStore,
  type Value,
} from '@allot/core';
import type { Acting } from './acting.js';
import { readProject, type ProjectRef } from './read-project.js';

/** Catalogue kind of a determining attribute; its versions share one id. */
export const ATTRIBUTE_KIND = 'determining-attribute';
/** Catalogue kind of a coverage set; each version has an id of its own. */
export const COVERAGE_SET_KIND = 'coverage-set';
/** Catalogue kind of a business rule of one coverage set version; its versions share one id. */
export const BUSINESS_RULE_KIND = 'business-rule';
/** Catalogue kind of a calculated coverage of one coverage set version; one version per calculation. */
export const COVERAGE_RESULT_KIND = 'coverage-result';

/** The events of business rule changes, what a rule-events report (filterRuleEvents) reads. */
export const RULE_EVENT_KINDS = ['rule.created', 'rule.updated', 'rule.deleted'] as const;
/** The event of a coverage calculation, what a calculate-coverage report reads. */
export const COVERAGE_CALCULATED_EVENT = 'coverage.calculated';

/** A catalogue record with its body typed. */
export type TypedRecord<B> = Omit<CatalogueRecord, 'body'> & { body: B };

/** A stored determining attribute (the record's name is the attribute's). */
export type AttributeRecord = TypedRecord<DeterminingAttribute>;

/** What a coverage set version stores; its name is the record's. */
export interface CoverageSetBody {
  determiningAttributes: AttributeRef[];
}
export type CoverageSetRecord = TypedRecord<CoverageSetBody>;

/** The coverage set version a rule or a result belongs to. */
export interface CoverageSetRef {
  id: string;
  name: string;
  version: string;
}

/** What a business rule stores: its set version and its conditions. */
export interface BusinessRuleBody extends BusinessRule {
  coverageSet: CoverageSetRef;
}
export type BusinessRuleRecord = TypedRecord<BusinessRuleBody>;

/** What one calculation of a coverage set version stores. */
export interface CoverageResultBody {
  coverageSet: CoverageSetRef;
  strength: number | 'all';
  seed: number | string;
  /** The set's attribute names, in the set's order: the data set's columns. */
  columns: string[];
  /** The combinations as stored: a range stays `{minValue, maxValue}`. */
  combinations: CoverageCombination[];
  /** The attributes at the versions the set references, as calculated. */
  attributes: DeterminingAttribute[];
  report: CoverageReport;
}
export type CoverageResultRecord = TypedRecord<CoverageResultBody>;

/** A project of a workspace and the catalogue's name for it. */
export interface ProjectScope {
  workspace: string;
  project: ProjectRecord;
  /** The `project` of the project's catalogue records. */
  key: string;
}

/** Where a use case of this area works: a workspace and one of its projects. */
export interface InProject {
  workspace: string;
  project: ProjectRef;
}

/** Resolves a project by id or name and version; `NOT_FOUND` outside the workspace. */
export async function projectScope(store: ProjectStore, where: InProject): Promise<ProjectScope> {
  const project = await readProject(store, where.workspace, where.project);
  return { workspace: where.workspace, project, key: String(project.id) };
}

/**
 * A record of one kind in one project by id (the version given, else the
 * latest carrying the id). `NOT_FOUND` for a malformed id, another kind,
 * another project or another workspace alike, so nothing can be probed.
 */
export async function recordById<B>(
  store: CatalogueStore,
  scope: ProjectScope,
  kind: string,
  id: string,
  version?: string,
): Promise<TypedRecord<B>> {
  const record = isCatalogueId(id)
    ? await store.getCatalogueById(scope.workspace, id, version)
    : undefined;
  if (record === undefined || record.kind !== kind || record.project !== scope.key) {
    throw new AllotError(
      'NOT_FOUND',
      `no ${kind} of project "${scope.project.name}" ${scope.project.version} has id ${id}` +
        (version === undefined ? '' : ` and version ${version}`),
      { kind, id },
    );
  }
  return record as TypedRecord<B>;
}

/** A record of one kind in one project by name and version (the latest when omitted); `NOT_FOUND` if none. */
export async function recordByName<B>(
  store: CatalogueStore,
  scope: ProjectScope,
  kind: string,
  name: string,
  version?: string,
): Promise<TypedRecord<B>> {
  const record = await store.getCatalogueByName(
    { kind, workspace: scope.workspace, project: scope.key, name },
    version,
  );
  if (record === undefined) {
    throw new AllotError(
      'NOT_FOUND',
      `no ${kind} "${name}"${version === undefined ? '' : ` ${version}`} in project "${scope.project.name}" ${scope.project.version}`,
      { kind, name, ...(version === undefined ? {} : { version }) },
    );
  }
  return record as TypedRecord<B>;
}

/** Every record of a listing (the catalogue pages; these lists are short). */
export async function listAll<B>(
  store: CatalogueStore,
  scope: ProjectScope,
  kind: string,
  options: { namePrefix?: string; latestOnly?: boolean } = {},
): Promise<TypedRecord<B>[]> {
  const all: CatalogueRecord[] = [];
  const limit = 500;
  for (let offset = 0; ; offset += limit) {
    const page = await store.listCatalogue({
      workspace: scope.workspace,
      kind,
      project: scope.key,
      ...options,
      page: { limit, offset },
    });
    all.push(...page);
    if (page.length < limit) return all as TypedRecord<B>[];
  }
}

/**
 * Refuses a change to a coverage set version (or its rules) unless the
 * caller holds its lock: `CATALOGUE_LOCKED` naming the holder when someone
 * else does, `LOCK_REQUIRED` when nobody does.
 */
export function requireOwnLock(record: CatalogueRecord, acting: Acting): void {
  const lock = liveLock(record.lock, acting.now);
  if (lock?.holder === acting.user) return;
  if (lock !== null) {
    throw new CatalogueLockedError(record, lock);
  }
  throw new AllotError(
    'LOCK_REQUIRED',
    `${record.kind} "${record.name}" ${record.version} must be locked by ${acting.user} before it or its rules change`,
    { kind: record.kind, name: record.name, version: record.version },
  );
}

/** The reference of a coverage set version that rules and results carry. */
export function setRef(set: CoverageSetRecord): CoverageSetRef {
  return { id: set.id, name: set.name, version: set.version };
}

/** The catalogue name prefix of the rules of one coverage set version. */
export function rulePrefix(set: CoverageSetRef): string {
  return `${set.id}/`;
}

/** A new rule's catalogue name: its set version's prefix and a random part (rules have no names). */
export function newRuleName(set: CoverageSetRef): string {
  return `${rulePrefix(set)}${newCatalogueId()}`;
}

/** A calculated combination as a data set row: a range becomes its `min..max` label. */
export function combinationCells(
  combination: CoverageCombination,
  columns: readonly string[],
): Value[] {
  return columns.map((column) => {
    const level = combination[column];
    if (level === undefined) return null;
    return typeof level === 'object' ? levelLabel(level) : level;
  });
}

/** The event of a change in this area, about a project. */
export function coverageEvent(
  kind: string,
  scope: ProjectScope,
  subject: string,
  acting: Acting,
  details: Record<string, unknown>,
) {
  return {
    workspace: acting.workspace,
    kind,
    actor: acting.actor,
    ip: acting.ip,
    project: scope.project.id,
    subject,
    at: acting.now.toISOString(),
    details: {
      project: { id: scope.project.id, name: scope.project.name, version: scope.project.version },
      user: acting.user,
      ...details,
    },
  };
}
