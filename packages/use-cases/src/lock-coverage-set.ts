import type { CatalogueStore, ProjectStore } from '@allot/core';
import type { Acting } from './acting.js';
import {
  COVERAGE_SET_KIND,
  projectScope,
  recordById,
  type CoverageSetBody,
  type CoverageSetRecord,
  type InProject,
} from './coverage-records.js';

/**
 * Locks a coverage set version for the caller, so that only they change it
 * and its rules; their own lock is renewed. Compare-and-set in the store:
 * of two lockers at once, one wins.
 *
 * @throws {@link CatalogueLockedError} `CATALOGUE_LOCKED` naming the holder when someone else holds it.
 * @throws {@link AllotError} `NOT_FOUND` for an unknown id.
 */
export async function lockCoverageSet(
  store: ProjectStore & CatalogueStore,
  input: InProject & { id: string; timeoutSeconds?: number | null },
  acting: Acting,
): Promise<CoverageSetRecord> {
  const scope = await projectScope(store, input);
  await recordById<CoverageSetBody>(store, scope, COVERAGE_SET_KIND, input.id);
  const record = await store.lockCatalogue(
    scope.workspace,
    input.id,
    { holder: acting.user, timeoutSeconds: input.timeoutSeconds ?? null },
    acting.now,
  );
  return record as CoverageSetRecord;
}
