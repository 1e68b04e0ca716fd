import {
  AllotError,
  CatalogueInUseError,
  WORKSET_KIND,
  type CatalogueStore,
  type ProjectStore,
  type WorksetBody,
} from '@allot/core';
import type { Acting } from './acting.js';
import { worksetUsesCoverageSet } from './check-workset-refs.js';
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
 * locked by someone else stays unless `force`. Refused while any version
 * of a workset of the project names it as its primary data set, since that
 * workset could no longer assemble: the store checks in the delete's own
 * atomic step, and a workset's put requires the set version in its own, so
 * of a delete and a workset create racing, one of them is refused. Callers
 * check the admin role.
 *
 * @throws {@link CatalogueLockedError} `CATALOGUE_LOCKED` naming the holder.
 * @throws {@link AllotError} `NOT_FOUND` for an unknown id; `IN_USE` naming the first workset version that uses it.
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
  try {
    await store.deleteCatalogue(
      {
        ...where,
        kind: COVERAGE_SET_KIND,
        name: set.name,
        version: set.version,
        force,
        unlessUsedBy: {
          kind: WORKSET_KIND,
          uses: (body) => worksetUsesCoverageSet(body as WorksetBody, set),
        },
      },
      acting.now,
    );
  } catch (error) {
    if (!(error instanceof CatalogueInUseError)) throw error;
    const user = error.user;
    throw new AllotError(
      'IN_USE',
      `coverage set "${set.name}" ${set.version} is used by workset "${user.name}" ${user.version}: delete or update the workset first`,
      { workset: user.name, version: user.version },
    );
  }
  const rules = await listAll(store, scope, BUSINESS_RULE_KIND, { namePrefix: rulePrefix(set) });
  for (const name of new Set(rules.map((rule) => rule.name)))
    await store.deleteCatalogue({ ...where, kind: BUSINESS_RULE_KIND, name, force }, acting.now);
  await store.deleteCatalogue(
    { ...where, kind: COVERAGE_RESULT_KIND, name: set.id, force },
    acting.now,
  );
  return set;
}
