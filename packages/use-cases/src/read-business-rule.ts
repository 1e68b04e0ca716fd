import type { CatalogueStore, ProjectStore } from '@allot/core';
import type { BusinessRuleRecord } from './coverage-records.js';
import { ruleById, ruleScope, type InCoverageSet } from './rule-scope.js';

/** A business rule of a coverage set version by id; `NOT_FOUND` for a rule of another set. */
export async function readBusinessRule(
  store: ProjectStore & CatalogueStore,
  input: InCoverageSet & { id: string },
): Promise<BusinessRuleRecord> {
  return ruleById(store, await ruleScope(store, input), input.id);
}
