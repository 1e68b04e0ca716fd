import {
  AllotError,
  type CatalogueStore,
  type DeterminingAttribute,
  type ProjectStore,
} from '@allot/core';
import {
  BUSINESS_RULE_KIND,
  COVERAGE_SET_KIND,
  projectScope,
  recordById,
  recordByName,
  rulePrefix,
  type BusinessRuleBody,
  type BusinessRuleRecord,
  type CoverageSetBody,
  type CoverageSetRecord,
  type InProject,
  type ProjectScope,
} from './coverage-records.js';
import type { CoverageSetAddress } from './read-coverage-set.js';
import { setAttributes } from './set-attributes.js';

/** Where the rule use cases work: a coverage set version of a project. */
export interface InCoverageSet extends InProject {
  coverageSet: CoverageSetAddress;
}

/** The project and set version a rule use case works in. */
export interface RuleScope {
  scope: ProjectScope;
  set: CoverageSetRecord;
}

/** Resolves the project and the coverage set version; `NOT_FOUND` for either. */
export async function ruleScope(
  store: ProjectStore & CatalogueStore,
  input: InCoverageSet,
): Promise<RuleScope> {
  const scope = await projectScope(store, input);
  const address = input.coverageSet;
  const set =
    'id' in address
      ? await recordById<CoverageSetBody>(store, scope, COVERAGE_SET_KIND, address.id)
      : await recordByName<CoverageSetBody>(
          store,
          scope,
          COVERAGE_SET_KIND,
          address.name,
          address.version,
        );
  return { scope, set };
}

/** The attributes of the set version, for checking a rule against. */
export function ruleAttributes(
  store: CatalogueStore,
  { scope, set }: RuleScope,
): Promise<DeterminingAttribute[]> {
  return setAttributes(store, scope, set.body.determiningAttributes);
}

/** A rule of the set version by id (its latest version); `NOT_FOUND` for a rule of another set. */
export async function ruleById(
  store: CatalogueStore,
  { scope, set }: RuleScope,
  id: string,
): Promise<BusinessRuleRecord> {
  const rule = await recordById<BusinessRuleBody>(store, scope, BUSINESS_RULE_KIND, id).catch(
    () => undefined,
  );
  if (rule === undefined || !rule.name.startsWith(rulePrefix(set))) {
    throw new AllotError(
      'NOT_FOUND',
      `coverage set "${set.name}" ${set.version} has no business rule ${id}`,
      { kind: BUSINESS_RULE_KIND, id },
    );
  }
  return rule;
}
