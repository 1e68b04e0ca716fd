import type { CatalogueStore } from '@allot/core';
import type { Acting } from './acting.js';
import { readConstraintSet } from './read-constraint-set.js';
import type { SynthRef } from './read-schema-record.js';
import { CONSTRAINT_SET_KIND, synthName } from './synth-records.js';

/**
 * Deletes a constraint set, every version of it. Datasets generated with it
 * keep their files, their copy of its constraints and its number, so a set
 * in use is deleted all the same (TDMP's facade documents it so). A
 * dataset created at the same moment either is stored first (and keeps its
 * copy) or is refused `NOT_FOUND`: its put requires the version it read.
 *
 * @throws {@link AllotError} `NOT_FOUND` when the workspace (or project) has none of this number.
 */
export async function deleteConstraintSet(
  store: CatalogueStore,
  ref: Omit<SynthRef, 'workspace'>,
  acting: Acting,
): Promise<void> {
  const set = await readConstraintSet(store, { ...ref, workspace: acting.workspace });
  await store.deleteCatalogue(
    {
      ...synthName(CONSTRAINT_SET_KIND, acting.workspace, set.id),
      actor: acting.actor,
      force: true,
    },
    acting.now,
  );
}
