import {
  AssemblyInputError,
  DATA_VIEW_KIND,
  validateDataView,
  validateScenario,
  type CatalogueRecord,
  type CatalogueStore,
  type ProjectRecord,
} from '@allot/core';
import { nameIn } from './assembly-catalogue.js';

/** A data view or scenario to store: its kind, name and unchecked body. */
export interface AssemblyPartPut {
  kind: typeof DATA_VIEW_KIND | 'scenario';
  name: string;
  body: unknown;
  /** Who stores it (a user id). */
  actor: string;
  now: Date;
}

const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/**
 * Stores a data view or a scenario: version 1.0 for a new name, the next
 * version (same id) otherwise; versions a workset names stay as they were.
 *
 * @throws {@link AssemblyInputError} naming the field of a bad name or body.
 */
export async function putAssemblyPart(
  store: CatalogueStore,
  project: ProjectRecord,
  put: AssemblyPartPut,
): Promise<CatalogueRecord> {
  if (!NAME.test(put.name) || put.name.length > 200)
    throw new AssemblyInputError(
      'name',
      'must be letters, digits, ".", "_" and "-", starting with a letter or digit',
    );
  const body =
    put.kind === DATA_VIEW_KIND ? validateDataView(put.body) : validateScenario(put.body);
  return store.putCatalogue(
    { ...nameIn(project, put.kind, put.name), body, actor: put.actor, keepId: true },
    put.now,
  );
}
