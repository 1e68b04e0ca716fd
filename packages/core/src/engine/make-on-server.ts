import { AllotError } from '../errors.js';
import { generateValue } from '../make/generate-value.js';
import { hashSeed } from '../make/hash-seed.js';
import { newEnglishFaker } from '../make/load-faker.js';
import { SequenceState } from '../make/sequence-state.js';
import type { RowValues, Value } from '../model/block-version.js';
import type { SqlMake } from '../model/pool-definition.js';
import type { Resolved } from './find-classes.js';
import type { MakeHooks } from './make-hooks.js';
import { serverBlock, type ResolutionDatabase } from './resolution-database.js';

export interface ServerMade {
  block: string;
  keyIndex: number;
  columns: string[];
  values: RowValues[];
}

export interface ServerMakeContext {
  server: ResolutionDatabase | undefined;
  jobId: string;
  namespace: string;
  seed: string;
  hooks?: MakeHooks | undefined;
  /** Says why a make waits (its quota). */
  onWait?: (message: string) => void;
}

/**
 * Creates a test's rows in a registered database: the make's `INSERT …
 * RETURNING` runs once per row with freshly generated parameters, and the
 * returned rows are leased by the key of the test's query.
 */
export async function makeOnServer(
  context: ServerMakeContext,
  item: Resolved,
  make: SqlMake,
): Promise<ServerMade> {
  const { server } = context;
  const key = item.test.find.query?.key;
  if (server === undefined || key === undefined) {
    throw new AllotError(
      'INVALID_INPUT',
      'an insert make needs a SQL query find and a job executed on the resolution server of its database',
    );
  }
  const faker = newEnglishFaker();
  const sequences = new SequenceState({ columns: [], rows: [] });
  const seed = hashSeed(
    context.seed,
    String(make.seed ?? ''),
    item.ref.pool,
    item.ref.suite,
    item.ref.test,
  );
  let columns: string[] = [];
  const values: RowValues[] = [];
  for (let index = 0; index < item.test.count; index++) {
    faker.seed(hashSeed(String(seed), String(index)));
    const scope = {
      faker,
      sequences,
      template: { jobId: context.jobId, namespace: context.namespace, ...item.ref, index },
    };
    const params: Record<string, Value> = {};
    for (const [name, generator] of Object.entries(make.params ?? {}))
      params[name] = generateValue(name, generator, scope);
    // Connected first: the insert follows the quota's grant at once.
    await server.ready?.();
    const end = await context.hooks?.permit(item.ref, make, context.onWait ?? (() => undefined));
    const table = await server
      .insert({ sql: make.insert, params })
      .catch((error: unknown) => {
        const reason = error instanceof Error ? error.message : String(error);
        throw new AllotError(
          'MAKE_FAILED',
          `the insert failed on server "${server.name}": ${reason}`,
          {},
          { cause: error },
        );
      })
      .finally(() => end?.());
    if (!table.columns.includes(key) || table.rows.length === 0) {
      throw new AllotError(
        'MAKE_FAILED',
        `the insert must return the new row with its key column "${key}" (add RETURNING *); it returned columns: ${table.columns.join(', ') || 'none'}`,
      );
    }
    columns = table.columns;
    values.push(table.rows[0] as RowValues);
    // Reported row by row: a later row that fails leaves this one in the database, to tear down.
    await context.hooks?.made({
      ref: item.ref,
      make,
      block: serverBlock(server.name),
      keyIndex: columns.indexOf(key),
      columns,
      values: [table.rows[0] as RowValues],
      server: server.name,
    });
  }
  return { block: serverBlock(server.name), keyIndex: columns.indexOf(key), columns, values };
}
