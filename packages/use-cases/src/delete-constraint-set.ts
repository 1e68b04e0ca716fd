import type { CatalogueStore } from '@allot/core';
import type { Acting } from './acting.js';
import { readConstraintSet } from './read-constraint-set.js';
import type { SynthRef } from './read-schema-record.js';
import { CONSTRAINT_SET_KIND, synthName } from './synth-records.js';

/**
 * Deletes a constraint set, every version of it. Datasets generated with it
 * keep their files and keep naming it.
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
