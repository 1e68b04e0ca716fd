import type { Faker } from '@faker-js/faker';
import { AllotError } from '../errors.js';
import type { RowValues } from '../model/block-version.js';
import type { Generator, Make } from '../model/pool-definition.js';
import { generateValue } from './generate-value.js';
import type { GeneratorScope } from './generate-value.js';
import { hashSeed } from './hash-seed.js';
import { newEnglishFaker } from './load-faker.js';
import type { TemplateContext } from './render-template.js';
import type { SequenceState } from './sequence-state.js';

/** Everything {@link makeRows} needs to create rows for one test. */
export interface MakeRowsOptions {
  make: Make;
  /** The block's columns, in order; rows come back in this order. */
  columns: string[];
  keyColumn: string;
  count: number;
  /** Keys already in the block; the keys of the new rows are added to it. */
  existingKeys: Set<string>;
  sequences: SequenceState;
  context: Omit<TemplateContext, 'index'>;
  /** The run's seed; `make.seed`, when set, is mixed in. */
  seed: string;
}

/** Retries of one row whose key is taken, before the make gives up. */
const KEY_RETRIES = 20;

/**
 * Creates `count` rows for a test from its make's generators. The same
 * options give the same rows: each row gets a faker seeded from the seed,
 * the pool, suite and test, the row's position and its attempt. A row whose
 * key the block already has is made again with the next attempt's seed.
 *
 * @returns rows in block column order; columns the make leaves out are null
 * @throws AllotError `UNKNOWN_COLUMN` when the make names a column the block
 *   has not; `INVALID_INPUT` when it does not generate the key column or a
 *   template fails; `MAKE_FAILED` when the key keeps repeating existing keys
 */
export function makeRows(options: MakeRowsOptions): RowValues[] {
  const plan = columnPlan(options);
  const faker = newEnglishFaker();
  const { pool, suite, test } = options.context;
  const seed = String(hashSeed(options.seed, String(options.make.seed ?? ''), pool, suite, test));
  const rows: RowValues[] = [];
  for (let index = 0; index < options.count; index += 1) {
    rows.push(makeUniqueRow(options, plan, { faker, seed, index }));
  }
  return rows;
}

/** The generator of every block column, null where the make leaves the column out. */
interface ColumnPlan {
  generators: (Generator | undefined)[];
  keyIndex: number;
}

function columnPlan(options: MakeRowsOptions): ColumnPlan {
  const { make, columns, keyColumn } = options;
  for (const column of [...Object.keys(make.columns), keyColumn]) {
    if (!columns.includes(column)) throw unknownColumn(options, column);
  }
  if (!Object.hasOwn(make.columns, keyColumn)) {
    throw new AllotError(
      'INVALID_INPUT',
      `${who(options)}: make must generate the key column "${keyColumn}"`,
      {
        column: keyColumn,
      },
    );
  }
  const generators = columns.map((column) =>
    Object.hasOwn(make.columns, column) ? make.columns[column] : undefined,
  );
  return { generators, keyIndex: columns.indexOf(keyColumn) };
}

interface RowSeed {
  faker: Faker;
  seed: string;
  index: number;
}

function makeUniqueRow(options: MakeRowsOptions, plan: ColumnPlan, row: RowSeed): RowValues {
  let key = '';
  for (let attempt = 0; attempt <= KEY_RETRIES; attempt += 1) {
    row.faker.seed(hashSeed(row.seed, String(row.index), String(attempt)));
    const values = makeRow(options, plan, row);
    const keyValue = values[plan.keyIndex] ?? null;
    if (keyValue === null) throw emptyKey(options);
    key = String(keyValue);
    if (!options.existingKeys.has(key)) {
      options.existingKeys.add(key);
      return values;
    }
  }
  throw repeatingKey(options, key);
}

function makeRow(options: MakeRowsOptions, plan: ColumnPlan, row: RowSeed): RowValues {
  const scope: GeneratorScope = {
    faker: row.faker,
    sequences: options.sequences,
    template: { ...options.context, index: row.index },
  };
  return plan.generators.map((generator, index) =>
    generator === undefined ? null : generateValue(options.columns[index] ?? '', generator, scope),
  );
}

function who(options: MakeRowsOptions): string {
  const { pool, suite, test } = options.context;
  return `make for ${pool} / ${suite} / ${test}`;
}

function unknownColumn(options: MakeRowsOptions, column: string): AllotError {
  const message = `${who(options)} names column "${column}", which the block does not have; its columns are: ${options.columns.join(', ')}`;
  return new AllotError('UNKNOWN_COLUMN', message, { column, columns: options.columns });
}

function emptyKey(options: MakeRowsOptions): AllotError {
  return new AllotError(
    'MAKE_FAILED',
    `${who(options)}: the key column "${options.keyColumn}" was generated empty`,
    {
      column: options.keyColumn,
    },
  );
}

function repeatingKey(options: MakeRowsOptions, key: string): AllotError {
  const message =
    `${who(options)}: the generator of key column "${options.keyColumn}" keeps repeating values the block already has ` +
    `(last "${key}", ${KEY_RETRIES + 1} attempts); use a sequence ({ sequence: { prefix: "C-" } }) or put {{run.namespace}} in its template`;
  return new AllotError('MAKE_FAILED', message, { column: options.keyColumn, key });
}
