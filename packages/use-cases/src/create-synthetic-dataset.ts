import {
  AllotError,
  generateEntities,
  SYNTH_FORMATS,
  type Store,
  type SynthFormat,
  type WorkQueue,
} from '@allot/core';
import type { Acting } from './acting.js';
import { resolveDatasetEntities, type EntityRef } from './dataset-entities.js';
import { readProject } from './read-project.js';
import { constraintSetRequirement, schemaRequirement } from './schema-references.js';
import {
  DATASET_GENERATION_KIND,
  DATASET_KIND,
  nextSynthId,
  synthName,
  type DatasetBody,
  type DatasetParams,
} from './synth-records.js';

/** Records of one entity a dataset may ask for. */
export const MAX_DATASET_RECORDS = 1_000_000;
/** Attempts of a generation: a second and third when the replica running it dies. */
export const DATASET_ATTEMPTS = 3;

/** What creating a dataset takes. */
export interface NewSyntheticDataset {
  project: number;
  name: string;
  schema: number;
  constraintSet?: number | null;
  recordCount: number;
  /** More entities generated with it, for references across entities (foreign keys). */
  entities?: EntityRef[];
  /** Default `['json']`. */
  formats?: SynthFormat[];
  params?: Partial<DatasetParams>;
}

/** The payload of a generation job. */
export interface DatasetGenerationPayload {
  [key: string]: number;
  dataset: number;
}

/**
 * Checks a dataset's schema, constraints, formats and parameters, stores it
 * `queued` and queues its generation (kind `dataset-generation`), which any
 * process running the queue picks up. A dataset that cannot be generated
 * (unknown schema, constraints that do not fit, an unknown locale) fails
 * here, before anything is stored. The constraint sets are copied into the
 * dataset, so changing or deleting them later does not change what it
 * generates; the put requires the schemas and the constraint set versions
 * it read, so a delete of one landing before the put refuses the create.
 *
 * @throws {@link AllotError} `NOT_FOUND`, `INVALID_INPUT` naming the field, `INVALID_CONSTRAINTS`
 */
export async function createSyntheticDataset(
  store: Store,
  queue: WorkQueue,
  input: NewSyntheticDataset,
  acting: Acting,
): Promise<DatasetBody> {
  await readProject(store, acting.workspace, { id: input.project });
  const formats: SynthFormat[] = [...new Set<SynthFormat>(input.formats ?? ['json'])];
  if (formats.length === 0) invalid('at least one output format', 'formats');
  for (const format of formats) {
    if (!SYNTH_FORMATS.includes(format))
      invalid(`unknown format ${format} (${SYNTH_FORMATS.join(', ')})`, 'formats');
  }
  const entities: EntityRef[] = [
    {
      schema: input.schema,
      constraintSet: input.constraintSet ?? null,
      recordCount: input.recordCount,
    },
    ...(input.entities ?? []).map((e) => ({ ...e, constraintSet: e.constraintSet ?? null })),
  ];
  for (const [index, entity] of entities.entries()) {
    if (
      !Number.isInteger(entity.recordCount) ||
      entity.recordCount < 0 ||
      entity.recordCount > MAX_DATASET_RECORDS
    ) {
      invalid(
        `a record count is a whole number from 0 to ${MAX_DATASET_RECORDS}`,
        index === 0 ? 'recordCount' : `entities[${index - 1}].recordCount`,
      );
    }
  }
  const given = input.params ?? {};
  const block = given.block ?? null;
  if (block !== null && !/^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$/.test(block))
    invalid('a block name is letters, digits, dots, dashes and underscores', 'params.block');
  const resolved = await resolveDatasetEntities(store, {
    workspace: acting.workspace,
    project: input.project,
    entities,
  });
  const fileSplit = given.fileSplit ?? null;
  if (fileSplit !== null && (!Number.isInteger(fileSplit) || fileSplit < 1))
    invalid('fileSplit is a positive whole number of records per file', 'params.fileSplit');
  const locale = given.locale ?? 'en';
  const batchSize = given.batchSize ?? 1000;
  // Locale, batch size and constraints checked as generation will: before anything is stored.
  generateEntities({
    entities: resolved.map((r) => ({ ...r.spec, count: 0 })),
    seed: 0,
    locale,
    batchSize,
  }).next();
  const id = await nextSynthId(store, acting.workspace, DATASET_KIND, acting.actor, acting.now);
  const params: DatasetParams = { seed: given.seed ?? id, locale, batchSize, fileSplit, block };
  const body: DatasetBody = {
    id,
    project: input.project,
    name: input.name,
    schema: input.schema,
    constraintSet: input.constraintSet ?? null,
    recordCount: input.recordCount,
    entities: entities.slice(1),
    constraints: resolved.map((r) => r.constraints),
    formats,
    params,
    status: 'queued',
    queuedJob: null,
    error: null,
    files: [],
    blocks: [],
    createdBy: acting.actor,
    createdByUser: acting.user,
    createdAt: acting.now.toISOString(),
    finishedAt: null,
  };
  const name = synthName(DATASET_KIND, acting.workspace, id);
  const first = await store.putCatalogue(
    {
      ...name,
      body,
      actor: acting.actor,
      expectedVersion: null,
      requires: resolved.flatMap((entity, index) => {
        const field = (name: string) => (index === 0 ? name : `entities[${index - 1}].${name}`);
        const schema = schemaRequirement(acting.workspace, entity.schema, field('schema'));
        return entity.constraintSet === null || entity.constraintSetVersion === null
          ? [schema]
          : [
              schema,
              constraintSetRequirement(
                acting.workspace,
                { id: entity.constraintSet, version: entity.constraintSetVersion },
                field('constraintSet'),
              ),
            ];
      }),
    },
    acting.now,
  );
  const payload: DatasetGenerationPayload = { dataset: id };
  const queuedJob = await queue.enqueue(acting.workspace, DATASET_GENERATION_KIND, payload, {
    maxAttempts: DATASET_ATTEMPTS,
    retryDelayMs: 1000,
    timeoutSeconds: generationTimeout(entities, formats.length),
  });
  const queued = { ...body, queuedJob };
  // The generation may have written its outcome already: then that version stands.
  await store
    .putCatalogue(
      { ...name, body: queued, actor: acting.actor, keepId: true, expectedVersion: first.version },
      acting.now,
    )
    .catch((error: unknown) => {
      if (!(error instanceof AllotError && error.code === 'VERSION_CONFLICT')) throw error;
    });
  return queued;
}

/**
 * How long one attempt may run before the queue takes its replica for dead
 * and hands the job to another: long enough for a slow, loaded machine
 * (500 records per second and format), short enough that a dead replica's
 * work moves on within minutes, not hours.
 */
export function generationTimeout(
  entities: readonly Pick<EntityRef, 'recordCount'>[],
  formats: number,
): number {
  const records = entities.reduce((sum, e) => sum + e.recordCount, 0);
  return 300 + Math.ceil((records * formats) / 500);
}

function invalid(message: string, field: string): never {
  throw new AllotError('INVALID_INPUT', message, { field });
}
