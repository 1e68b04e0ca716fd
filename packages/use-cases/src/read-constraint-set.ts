import type { CatalogueStore, Page } from '@allot/core';
import type { SynthRef } from './read-schema-record.js';
import {
  CONSTRAINT_SET_KIND,
  listSynthBodies,
  readSynthBody,
  type ConstraintSetBody,
} from './synth-records.js';

/**
 * A stored constraint set.
 *
 * @throws {@link AllotError} `NOT_FOUND` when the workspace (or project) has none of this number.
 */
export function readConstraintSet(
  store: CatalogueStore,
  ref: SynthRef,
): Promise<ConstraintSetBody> {
  return readSynthBody<ConstraintSetBody>(store, { ...ref, kind: CONSTRAINT_SET_KIND });
}

/** The constraint sets of a workspace or project (of one schema, when given), by number. */
export function listConstraintSets(
  store: CatalogueStore,
  options: {
    workspace: string;
    project?: number | undefined;
    schema?: number | undefined;
    page: Page;
  },
): Promise<ConstraintSetBody[]> {
  const { schema, ...rest } = options;
  return listSynthBodies<ConstraintSetBody>(store, {
    ...rest,
    kind: CONSTRAINT_SET_KIND,
    ...(schema === undefined ? {} : { filter: (set: ConstraintSetBody) => set.schema === schema }),
  });
}
