import { dirname, resolve } from 'node:path';
import type {
  AllocationTest,
  Find,
  Make,
  OrderBy,
  PoolBlock,
  PoolDefinition,
  SqlMake,
} from '../model/pool-definition.js';
import type { RawBlock, RawFind, RawMake, RawOrderBy, RawPool, RawTest } from './raw-pool.js';

/**
 * Turns a valid pool document into a PoolDefinition: block shorthands become
 * objects, block files are resolved against the pool file's folder, order
 * strings become OrderBy objects, and defaults are filled in.
 *
 * @param file - the pool file; null keeps block files as given
 */
export function normalizePool(raw: RawPool, file: string | null): PoolDefinition {
  return {
    name: raw.pool,
    ...(raw.description === undefined ? {} : { description: raw.description }),
    key: raw.key,
    blocks: (raw.blocks ?? []).map((block) => normalizeBlock(block, file)),
    secrets: raw.secrets ?? [],
    tests: raw.tests.map(normalizeTest),
  };
}

function normalizeBlock(block: RawBlock, file: string | null): PoolBlock {
  if (typeof block === 'string') return { name: block };
  if (block.file === undefined) return { name: block.name };
  return {
    name: block.name,
    file: file === null ? block.file : resolve(dirname(file), block.file),
  };
}

function normalizeTest(test: RawTest): AllocationTest {
  return {
    suite: test.suite,
    test: test.test,
    find: normalizeFind(test.find),
    ...(test.make === undefined ? {} : { make: normalizeMake(test.make) }),
    count: test.count ?? 1,
    ...(test.columns === undefined ? {} : { columns: test.columns }),
    consume: test.consume ?? false,
    readOnly: test.readOnly ?? false,
    ...(test.topUp === undefined ? {} : { topUp: test.topUp }),
  };
}

function normalizeFind(find: RawFind): Find {
  return {
    ...(find.from === undefined ? {} : { from: find.from }),
    ...(find.where === undefined ? {} : { where: find.where }),
    ...(find.order === undefined ? {} : { order: normalizeOrder(find.order) }),
    ...(find.query === undefined ? {} : { query: find.query }),
  };
}

function normalizeOrder(order: string | RawOrderBy[]): OrderBy[] {
  const items = typeof order === 'string' ? [order] : order;
  return items.map((item) => {
    if (typeof item !== 'string')
      return { column: item.column, direction: item.direction ?? 'asc' };
    const [column = '', direction] = item.trim().split(/\s+/);
    return { column, direction: direction === 'desc' ? 'desc' : 'asc' };
  });
}

function normalizeMake(make: RawMake): Make | SqlMake {
  const seed = {
    ...(make.seed === undefined ? {} : { seed: make.seed }),
    ...(make.teardown === undefined ? {} : { teardown: make.teardown }),
    ...(make.keep === undefined ? {} : { keep: make.keep }),
    ...(make.quota === undefined ? {} : { quota: make.quota }),
  };
  if (make.insert !== undefined) {
    return {
      ...seed,
      insert: make.insert,
      ...(make.params === undefined ? {} : { params: make.params }),
    };
  }
  return {
    ...(make.block === undefined ? {} : { block: make.block }),
    ...seed,
    columns: make.columns ?? {},
  };
}
