import type { CatalogueStore, ProjectStore } from '@allot/core';
import {
  BUSINESS_RULE_KIND,
  listAll,
  rulePrefix,
  type BusinessRuleBody,
  type BusinessRuleRecord,
} from './coverage-records.js';
import { ruleScope, type InCoverageSet } from './rule-scope.js';

/** The business rules of a coverage set version, oldest first. */
export async function listBusinessRules(
  store: ProjectStore & CatalogueStore,
  input: InCoverageSet,
): Promise<BusinessRuleRecord[]> {
  const { scope, set } = await ruleScope(store, input);
  const rules = await listAll<BusinessRuleBody>(store, scope, BUSINESS_RULE_KIND, {
    namePrefix: rulePrefix(set),
    latestOnly: true,
  });
  // Rule names are random: order by creation, then id, so a list reads in the order rules were made.
  return rules.sort(
    (a, b) => a.createdAt.localeCompare(b.createdAt) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
}
