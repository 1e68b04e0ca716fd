import { AllotError, readSchema, type SchemaFormat, type Store } from '@allot/core';
import type { Acting } from './acting.js';
import type { EventLog } from './event-log.js';
import { readProject } from './read-project.js';
import { nextSynthId, SCHEMA_KIND, synthName, type SchemaBody } from './synth-records.js';

/** What an upload gives: the schema's text (or a parsed JSON Schema) and how to read it. */
export interface SchemaUpload {
  project: number;
  name: string;
  description?: string;
  /** Read from the text when omitted: `<` first is XSD, anything else JSON Schema. */
  format?: SchemaFormat;
  source: string | object;
  /** XSD: the global element a record is (the first one when omitted). */
  recordElement?: string;
}

/**
 * Reads a JSON Schema or XSD into its field tree, and only when that works
 * stores it as a `schema` record numbered by the workspace, then records
 * `schema.uploaded`. A construct generation does not support fails the
 * upload, naming it, and stores nothing.
 *
 * @throws {@link AllotError} `NOT_FOUND` (project), `INVALID_SCHEMA`, `UNSUPPORTED_SCHEMA`, `INVALID_INPUT`
 */
export async function uploadSchema(
  store: Store,
  events: EventLog,
  upload: SchemaUpload,
  acting: Acting,
): Promise<SchemaBody> {
  await readProject(store, acting.workspace, { id: upload.project });
  const source = typeof upload.source === 'string' ? upload.source : JSON.stringify(upload.source);
  const format: SchemaFormat =
    upload.format ?? (source.trimStart().startsWith('<') ? 'xsd' : 'json-schema');
  if (upload.recordElement !== undefined && format !== 'xsd') {
    throw new AllotError('INVALID_INPUT', 'recordElement is for an XSD', {
      field: 'recordElement',
    });
  }
  const tree = readSchema(
    source,
    format,
    upload.recordElement === undefined ? {} : { recordElement: upload.recordElement },
  );
  const id = await nextSynthId(store, acting.workspace, SCHEMA_KIND, acting.actor, acting.now);
  const body: SchemaBody = {
    id,
    project: upload.project,
    name: upload.name,
    description: upload.description ?? '',
    format,
    source,
    recordElement: upload.recordElement ?? null,
    recordName: tree.recordName,
    createdBy: acting.actor,
    createdAt: acting.now.toISOString(),
  };
  await store.putCatalogue(
    {
      ...synthName(SCHEMA_KIND, acting.workspace, id),
      body,
      actor: acting.actor,
      expectedVersion: null,
    },
    acting.now,
  );
  await events.record({
    workspace: acting.workspace,
    kind: 'schema.uploaded',
    actor: acting.actor,
    ip: acting.ip,
    project: upload.project,
    subject: `schema:${id}`,
    at: acting.now.toISOString(),
    details: { schema: id, name: body.name, format, recordName: body.recordName },
  });
  return body;
}
