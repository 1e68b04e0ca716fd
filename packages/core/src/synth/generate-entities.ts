import type { Faker, LocaleDefinition } from '@faker-js/faker';
import { AllotError } from '../errors.js';
import { hashSeed } from '../make/hash-seed.js';
import { fakerModule, newEnglishFaker } from '../make/load-faker.js';
import { checkConstraints } from './check-constraints.js';
import type { ConstraintSet } from './constraint-set.js';
import type { ScalarValue, SchemaTree } from './field-tree.js';
import { RandomSource } from './random-source.js';
import { compileRecord, type SynthRecord } from './record-plan.js';
import { createRecordValidator } from './record-validator.js';
import { entityOrder } from './entity-order.js';
import { KeyList } from './key-list.js';
import { constraintConflict } from './synth-errors.js';

/** One kind of record to generate: a table in SQL, a file per format. */
export interface EntitySpec {
  name: string;
  schema: SchemaTree;
  constraints?: ConstraintSet;
  count: number;
}

/** Options of {@link generateEntities}. */
export interface GenerateOptions {
  entities: EntitySpec[];
  /** The same seed gives byte-identical records. */
  seed: string | number;
  /** Faker's locale for constraints naming a faker method (`de`, `fr`, `en_US`); `en` by default. */
  locale?: string;
  /** Records per batch (1,000 by default): memory holds one batch, not the dataset. */
  batchSize?: number;
  /** Check every record against its schema (true by default); an invalid record stops generation. */
  validate?: boolean;
  onProgress?: (progress: SynthProgress) => void;
}

/** Reported after every batch. */
export interface SynthProgress {
  entity: string;
  /** Records of this entity made so far. */
  done: number;
  total: number;
  /** Records of all entities made so far, and asked for. */
  doneAll: number;
  totalAll: number;
}

/** A run of consecutive records of one entity. */
export interface SynthBatch {
  entity: string;
  /** Index of the batch's first record within its entity. */
  first: number;
  records: SynthRecord[];
}

/**
 * Generates several entities in dependency order (an entity after every
 * entity it references), batch by batch, so a caller can stream them to files
 * in constant memory. Each entity draws from its own seeded source, and
 * references draw from the values the referenced entity actually produced, so
 * no key dangles. Only the values of referenced fields are kept (one per row
 * of the referenced entity).
 *
 * @throws AllotError `INVALID_CONSTRAINTS`, `CONSTRAINT_CONFLICT` (also when a
 *   record fails validation, with the problem) or `INVALID_INPUT`
 */
export function* generateEntities(options: GenerateOptions): Generator<SynthBatch> {
  const ordered = entityOrder(options.entities);
  const byName = new Map(ordered.map((e) => [e.name, e]));
  const lookup = {
    schemaOf: (name: string) => byName.get(name)?.schema,
    constraintsOf: (name: string) => byName.get(name)?.constraints ?? {},
  };
  for (const entity of ordered) checkConstraints(entity.schema, entity.constraints ?? {}, lookup);
  const batchSize = options.batchSize ?? 1000;
  if (!Number.isInteger(batchSize) || batchSize < 1)
    throw new AllotError('INVALID_INPUT', 'batchSize must be a positive integer', {
      field: 'batchSize',
    });
  // English needs only faker's English entry; another locale loads them all.
  const locale = (options.locale ?? 'en') === 'en' ? null : fakerLocale(options.locale ?? 'en');
  const keys = referencedKeys(ordered);
  const totalAll = ordered.reduce((sum, e) => sum + e.count, 0);
  let doneAll = 0;
  for (const entity of ordered) {
    if (!Number.isInteger(entity.count) || entity.count < 0) {
      throw new AllotError('INVALID_INPUT', `count of ${entity.name} must be a whole number`, {
        field: 'count',
      });
    }
    const seed = String(options.seed);
    let faker: Faker | null = null;
    const record = compileRecord(entity.schema, entity.constraints ?? {}, {
      random: new RandomSource(seed, entity.name),
      count: entity.count,
      faker() {
        if (faker === null) {
          faker = locale === null ? newEnglishFaker() : localeFaker(locale);
          faker.seed(hashSeed(seed, entity.name, 'faker'));
        }
        return faker;
      },
      referenceKeys: (name, field) => keys.get(`${name}\u0000${field}`) ?? new KeyList(),
    });
    const validate = options.validate === false ? null : createRecordValidator(entity.schema);
    const collect = [...keys.entries()]
      .filter(([key]) => key.startsWith(`${entity.name}\u0000`))
      .map(([key, list]) => ({ get: getter(key.slice(entity.name.length + 1)), list }));
    for (let first = 0; first < entity.count; first += batchSize) {
      const records: SynthRecord[] = [];
      const end = Math.min(entity.count, first + batchSize);
      for (let index = first; index < end; index++) {
        const value = record(index);
        if (validate !== null) {
          const problem = validate(value);
          if (problem !== null)
            throw constraintConflict(`record ${index} is invalid: ${problem}`, entity.name);
        }
        for (const { get, list } of collect) list.push(get(value) as ScalarValue);
        records.push(value);
      }
      doneAll += records.length;
      options.onProgress?.({
        entity: entity.name,
        done: end,
        total: entity.count,
        doneAll,
        totalAll,
      });
      yield { entity: entity.name, first, records };
    }
  }
}

/** Options of {@link generateRecords}: one entity. */
export interface GenerateRecordsOptions extends Omit<GenerateOptions, 'entities'> {
  schema: SchemaTree;
  constraints?: ConstraintSet;
  count: number;
}

/** Generates the records of one schema, batch by batch (the single-entity {@link generateEntities}). */
export function* generateRecords(options: GenerateRecordsOptions): Generator<SynthRecord[]> {
  const { schema, constraints, count, ...rest } = options;
  const entities = [
    { name: schema.recordName, schema, count, ...(constraints ? { constraints } : {}) },
  ];
  for (const batch of generateEntities({ ...rest, entities })) yield batch.records;
}

function referencedKeys(entities: EntitySpec[]): Map<string, KeyList> {
  const keys = new Map<string, KeyList>();
  for (const entity of entities) {
    for (const constraint of Object.values(entity.constraints?.fields ?? {})) {
      const ref = constraint.reference;
      if (ref !== undefined) keys.set(`${ref.entity}\u0000${ref.field}`, new KeyList());
    }
  }
  return keys;
}

function getter(path: string): (record: SynthRecord) => unknown {
  const parts = path.split('.');
  return (record) => {
    let value: unknown = record;
    for (const part of parts)
      value =
        value === null || value === undefined
          ? undefined
          : (value as Record<string, unknown>)[part];
    return value;
  };
}

function localeFaker(locale: LocaleDefinition): Faker {
  const { Faker: FakerClass, en, base } = fakerModule();
  return new FakerClass({ locale: [locale, en, base] });
}

function fakerLocale(name: string): LocaleDefinition {
  const { allLocales } = fakerModule();
  const locale = (allLocales as Record<string, LocaleDefinition>)[name.replace('-', '_')];
  if (locale === undefined)
    throw new AllotError('INVALID_INPUT', `unknown locale ${name}`, { field: 'locale' });
  return locale;
}
