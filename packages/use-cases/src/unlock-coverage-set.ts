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
 * Unlocks a coverage set version: its holder may, and with `force` (an
 * admin, as the caller decides) anyone may; a free set stays free.
 *
 * @throws {@link CatalogueLockedError} `CATALOGUE_LOCKED` naming the holder when someone else holds it.
 * @throws {@link AllotError} `NOT_FOUND` for an unknown id.
 */
export async function unlockCoverageSet(
  store: ProjectStore & CatalogueStore,
  input: InProject & { id: string; force?: boolean },
  acting: Acting,
): Promise<CoverageSetRecord> {
  const scope = await projectScope(store, input);
  await recordById<CoverageSetBody>(store, scope, COVERAGE_SET_KIND, input.id);
  const record = await store.unlockCatalogue(
    scope.workspace,
    input.id,
    { holder: acting.user, force: input.force === true },
    acting.now,
  );
  return record as CoverageSetRecord;
}
