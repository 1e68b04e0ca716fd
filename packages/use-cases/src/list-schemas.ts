import type { CatalogueStore, Page } from '@allot/core';
import { listSynthBodies, SCHEMA_KIND, type SchemaBody } from './synth-records.js';

/** The schemas of a workspace, or of one of its projects, by number. */
export function listSchemas(
  store: CatalogueStore,
  options: { workspace: string; project?: number | undefined; page: Page },
): Promise<SchemaBody[]> {
  return listSynthBodies<SchemaBody>(store, { ...options, kind: SCHEMA_KIND });
}
