import type { CatalogueStore, ProjectStore } from '@allot/core';
import type { Acting } from './acting.js';
import {
  BUSINESS_RULE_KIND,
  COVERAGE_RESULT_KIND,
  COVERAGE_SET_KIND,
  listAll,
  projectScope,
  recordById,
  rulePrefix,
  type CoverageSetBody,
  type CoverageSetRecord,
  type InProject,
} from './coverage-records.js';

/**
 * Deletes one version of a coverage set (the one the id names), with its
 * rules and its calculated coverage; the other versions stay. A version
 * locked by someone else stays unless `force`. Callers check the admin role.
 *
 * @throws {@link CatalogueLockedError} `CATALOGUE_LOCKED` naming the holder.
 * @throws {@link AllotError} `NOT_FOUND` for an unknown id.
 */
export async function deleteCoverageSet(
  store: ProjectStore & CatalogueStore,
  input: InProject & { id: string; force?: boolean },
  acting: Acting,
): Promise<CoverageSetRecord> {
  const scope = await projectScope(store, input);
  const set = await recordById<CoverageSetBody>(store, scope, COVERAGE_SET_KIND, input.id);
  const where = { workspace: scope.workspace, project: scope.key, actor: acting.user };
  const force = input.force === true;
  // The set first: a lock refusal leaves its rules and results in place.
  await store.deleteCatalogue(
    { ...where, kind: COVERAGE_SET_KIND, name: set.name, version: set.version, force },
    acting.now,
  );
  const rules = await listAll(store, scope, BUSINESS_RULE_KIND, { namePrefix: rulePrefix(set) });
  for (const name of new Set(rules.map((rule) => rule.name)))
    await store.deleteCatalogue({ ...where, kind: BUSINESS_RULE_KIND, name, force }, acting.now);
  await store.deleteCatalogue(
    { ...where, kind: COVERAGE_RESULT_KIND, name: set.id, force },
    acting.now,
  );
  return set;
}
