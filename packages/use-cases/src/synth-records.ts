import {
  AllotError,
  readSchema,
  type CatalogueRecord,
  type CatalogueStore,
  type ConstraintSet,
  type SchemaFormat,
  type SchemaTree,
  type SynthFormat,
} from '@allot/core';

/**
 * Schemas, constraint sets and datasets are catalogue records of these
 * kinds. Each is addressed by a number of its workspace (the TDMP API's
 * `schema_id`, `dataset_id` …), which is also the record's name, padded so
 * the catalogue's order by name is the order of the numbers. The project is
 * in the body, not in the catalogue name, so a number alone finds a record.
 */
export const SCHEMA_KIND = 'schema';
export const CONSTRAINT_SET_KIND = 'constraint-set';
export const DATASET_KIND = 'dataset';
/** One piece of a generated file: files are stored in pieces, never as one value. */
export const DATASET_CHUNK_KIND = 'dataset-chunk';
/** The queue kind of a dataset's generation. */
export const DATASET_GENERATION_KIND = 'dataset-generation';

const SEQUENCE_KIND = 'synth-sequence';
/** Records listed at most when a listing filters by project. */
const LIST_SCAN = 100_000;

/** A schema as stored. */
export interface SchemaBody {
  id: number;
  project: number;
  name: string;
  description: string;
  format: SchemaFormat;
  /** The schema's text, as uploaded (JSON Schema as JSON text). */
  source: string;
  /** The record name the tree was read with (XSD: the element), null when none was given. */
  recordElement: string | null;
  /** The record name of the tree: the entity name references use. */
  recordName: string;
  createdBy: string;
  createdAt: string;
}

/** A constraint set as stored. */
export interface ConstraintSetBody {
  id: number;
  project: number;
  schema: number;
  name: string;
  description: string;
  constraints: ConstraintSet;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
}

/** One generated file: a format, an entity, a part of it when split. */
export interface DatasetFile {
  format: SynthFormat;
  /** Its position among the files of its format, from 0 (`file_index`). */
  index: number;
  entity: string;
  /** The file name it downloads as. */
  name: string;
  records: number;
  bytes: number;
  chunks: number;
  sha256: string;
}

/** A data block version a dataset's rows became. */
export interface DatasetBlock {
  entity: string;
  block: string;
  version: string;
  rows: number;
}

/** Generation parameters. */
export interface DatasetParams {
  seed: string | number;
  locale: string;
  batchSize: number;
  /** Records per file; null: one file per entity and format. */
  fileSplit: number | null;
  /** The data block the rows become a version of; null: the record name of the schema. */
  block: string | null;
}

/** One more entity generated with the dataset's own (its references can point at it). */
export interface DatasetEntity {
  schema: number;
  constraintSet: number | null;
  recordCount: number;
}

/** Where a dataset is: a stored status, read with its queued job while it is not final. */
export type DatasetStatus = 'queued' | 'running' | 'completed' | 'failed';

/** A dataset as stored. */
export interface DatasetBody {
  id: number;
  project: number;
  name: string;
  schema: number;
  constraintSet: number | null;
  recordCount: number;
  entities: DatasetEntity[];
  /** The constraints of each entity (the dataset's own first) as they were when it was created. */
  constraints: (ConstraintSet | null)[];
  formats: SynthFormat[];
  params: DatasetParams;
  /** `queued` until the generation writes its outcome (`completed` or `failed`). */
  status: DatasetStatus;
  queuedJob: string | null;
  error: { code: string; message: string } | null;
  files: DatasetFile[];
  blocks: DatasetBlock[];
  createdBy: string;
  /** The user notified of the outcome. */
  createdByUser: string;
  createdAt: string;
  finishedAt: string | null;
}

/** The catalogue name of record `id` of a kind. */
export function synthName(kind: string, workspace: string, id: number) {
  return { kind, workspace, project: null, name: String(id).padStart(10, '0') };
}

/**
 * The next number of a kind in a workspace: a put of a sequence name, whose
 * versions the catalogue hands out distinct and consecutive even to
 * concurrent callers (1.0 → 1, 1.1 → 2 …). Older versions of the sequence
 * are deleted as it goes, so it stays one record.
 */
export async function nextSynthId(
  store: CatalogueStore,
  workspace: string,
  kind: string,
  actor: string,
  now: Date,
): Promise<number> {
  const name = { kind: SEQUENCE_KIND, workspace, project: null, name: kind };
  const put = await store.putCatalogue({ ...name, body: null, actor }, now);
  const minor = Number(put.version.split('.')[1]);
  if (minor > 0) {
    await store
      .deleteCatalogue({ ...name, version: `1.${minor - 1}`, actor }, now)
      .catch(() => undefined);
  }
  return minor + 1;
}

/** The latest version of record `id` of a kind, or undefined. */
export async function findSynthRecord(
  store: CatalogueStore,
  workspace: string,
  kind: string,
  id: number,
): Promise<CatalogueRecord | undefined> {
  if (!Number.isSafeInteger(id) || id < 1) return undefined;
  return store.getCatalogueByName(synthName(kind, workspace, id));
}

/** The body of record `id`, `NOT_FOUND` naming it when the workspace (or the project, when given) has none. */
export async function readSynthBody<B extends { project: number }>(
  store: CatalogueStore,
  options: { workspace: string; kind: string; id: number; project?: number | undefined },
): Promise<B> {
  return (await readSynthVersion<B>(store, options)).body;
}

/**
 * The latest version of record `id` and its body, for a put that requires
 * that version; `NOT_FOUND` as {@link readSynthBody}.
 */
export async function readSynthVersion<B extends { project: number }>(
  store: CatalogueStore,
  options: { workspace: string; kind: string; id: number; project?: number | undefined },
): Promise<{ body: B; version: string }> {
  const record = await findSynthRecord(store, options.workspace, options.kind, options.id);
  const body = record?.body as B | undefined;
  if (
    record === undefined ||
    body === undefined ||
    (options.project !== undefined && body.project !== options.project)
  ) {
    const where = options.project === undefined ? '' : ` in project ${options.project}`;
    throw new AllotError('NOT_FOUND', `no ${options.kind} ${options.id}${where}`, {
      kind: options.kind,
      id: options.id,
    });
  }
  return { body, version: record.version };
}

/** Bodies of a kind, by number, of one project or the whole workspace, one page. */
export async function listSynthBodies<B extends { project: number }>(
  store: CatalogueStore,
  options: {
    workspace: string;
    kind: string;
    project?: number | undefined;
    filter?: (body: B) => boolean;
    page: { limit: number; offset: number };
  },
): Promise<B[]> {
  const records = await store.listCatalogue({
    workspace: options.workspace,
    kind: options.kind,
    project: null,
    latestOnly: true,
    page: { limit: LIST_SCAN, offset: 0 },
  });
  return records
    .map((r) => r.body as B)
    .filter((b) => options.project === undefined || b.project === options.project)
    .filter((b) => options.filter?.(b) ?? true)
    .slice(options.page.offset, options.page.offset + options.page.limit);
}

/** Reads a stored schema's text back into its field tree. */
export function schemaTreeOf(body: SchemaBody): SchemaTree {
  return readSchema(
    body.source,
    body.format,
    body.recordElement === null ? {} : { recordElement: body.recordElement },
  );
}
