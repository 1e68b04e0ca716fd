import type { CatalogueStore, ProjectStore } from '@allot/core';
import {
  BUSINESS_RULE_KIND,
  listAll,
  rulePrefix,
  type BusinessRuleBody,
  type BusinessRuleRecord,
} from './coverage-records.js';
import { ruleScope, type InCoverageSet } from './rule-scope.js';

/** The business rules of a coverage set version, in the order they were made. */
export async function listBusinessRules(
  store: ProjectStore & CatalogueStore,
  input: InCoverageSet,
): Promise<BusinessRuleRecord[]> {
  const { scope, set } = await ruleScope(store, input);
  const rules = await listAll<BusinessRuleBody>(store, scope, BUSINESS_RULE_KIND, {
    namePrefix: rulePrefix(set),
    latestOnly: true,
  });
  // Names number the rules of a set version in the order they were made.
  return rules.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
