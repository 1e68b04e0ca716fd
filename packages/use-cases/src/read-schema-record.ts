import { schemaRepr, type CatalogueStore, type SchemaRepr } from '@allot/core';
import { readSynthBody, SCHEMA_KIND, schemaTreeOf, type SchemaBody } from './synth-records.js';

/** Where a schema is looked for: its workspace, and its project when the caller names one. */
export interface SynthRef {
  workspace: string;
  id: number;
  project?: number | undefined;
}

/**
 * A stored schema.
 *
 * @throws {@link AllotError} `NOT_FOUND` when the workspace (or project) has no schema of this number.
 */
export function readSchemaRecord(store: CatalogueStore, ref: SynthRef): Promise<SchemaBody> {
  return readSynthBody<SchemaBody>(store, { ...ref, kind: SCHEMA_KIND });
}

/**
 * A stored schema's representation for building constraint sets: every
 * field by path, with what the schema itself constrains.
 *
 * @throws {@link AllotError} `NOT_FOUND` when the workspace (or project) has no schema of this number.
 */
export async function readSchemaRepr(store: CatalogueStore, ref: SynthRef): Promise<SchemaRepr> {
  return schemaRepr(schemaTreeOf(await readSchemaRecord(store, ref)));
}
