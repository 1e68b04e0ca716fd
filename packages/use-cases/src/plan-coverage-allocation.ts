import {
  AllotError,
  coverageTests,
  coverFromRows,
  sourceKey,
  MAX_STRENGTH,
  type AllocationTest,
  type BlockStore,
  type CatalogueStore,
  type CoverageCombination,
  type PoolDefinition,
  type ProjectStore,
  type RowObject,
  type TestRef,
} from '@allot/core';
import {
  BUSINESS_RULE_KIND,
  listAll,
  rulePrefix,
  type BusinessRuleBody,
} from './coverage-records.js';
import { readCoverageDataSet, type CoverageDataSet } from './read-coverage-data-set.js';
import { ruleScope, type InCoverageSet } from './rule-scope.js';

/** Which calculated coverage to allocate, and how. */
export interface CoverageAllocationRequest extends InCoverageSet {
  /** One calculation of the set version (`1.0`, `1.1` …); the latest when omitted. */
  calculation?: string;
  /** The column that identifies a row of the source block; default the block's key column. */
  key?: string;
  /**
   * Whether rows may be made for the combinations no row satisfies (default
   * true). Without makes, the fewest existing rows that cover every t-way
   * tuple the data holds are allocated instead.
   */
  makes?: boolean;
}

/** What one test of a coverage allocation stands for. */
export type CoverageAllocationEntry =
  { test: string; combination: CoverageCombination } | { test: string; row: RowObject };

/** The tuples existing rows cover when nothing may be made. */
export interface ExistingRowsCoverage {
  strength: number;
  tuplesRequired: number;
  tuplesCovered: number;
  /** The required tuples no usable row holds. */
  missing: CoverageCombination[];
  /** Rows left out for breaking a business rule or group-by. */
  excluded: number;
}

/** A coverage allocation ready to run: its pool, the tests to execute and what each stands for. */
export interface CoverageAllocationPlan {
  mode: 'combinations' | 'existing-rows';
  data: CoverageDataSet;
  pool: PoolDefinition;
  tests: TestRef[];
  entries: CoverageAllocationEntry[];
  /** Only in `existing-rows` mode. */
  existing?: ExistingRowsCoverage;
}

/**
 * Turns the calculated coverage of a set version into a pool the engine
 * allocates like any other: one test per combination (a find per source
 * block, values as equality and ranges as bounds, and a make when makes
 * are allowed); or, when makes are not allowed, one test per existing row
 * of the fewest rows that cover every t-way tuple the source block holds.
 * The pool is named after the set version (`accounts_coverage@1.2`), so a
 * pool can be a coverage set; nothing is stored here.
 *
 * @throws {@link AllotError} `NOT_FOUND` for an unknown project, set, calculation
 *   or source block; `INVALID_INPUT` naming the field when no attribute has a
 *   source, a key column is missing, or existing rows span several blocks.
 */
export async function planCoverageAllocation(
  store: ProjectStore & CatalogueStore & BlockStore,
  request: CoverageAllocationRequest,
): Promise<CoverageAllocationPlan> {
  const where = await ruleScope(store, request);
  const { set, scope } = where;
  const data = await readCoverageDataSet(store, {
    workspace: request.workspace,
    project: request.project,
    coverageSet: set.name,
    version: set.version,
    ...(request.calculation === undefined ? {} : { calculation: request.calculation }),
  });
  const sources = [
    ...new Set(
      data.attributes.flatMap((a) => (a.source === undefined ? [] : [sourceKey(a.source)])),
    ),
  ];
  if (sources.length === 0) {
    throw new AllotError(
      'INVALID_INPUT',
      `coverage set "${set.name}" ${set.version}: no determining attribute names a source block, so no row can be found`,
      { field: 'determiningAttributes' },
    );
  }
  const blocks = await Promise.all(
    sources.map(async (from) => {
      const [name = '', version] = from.split('@');
      const block = await store.getBlock(request.workspace, name, version);
      if (block === undefined) {
        throw new AllotError('NOT_FOUND', `source block ${from} does not exist`, {
          kind: 'block',
          block: from,
        });
      }
      return block;
    }),
  );
  const key = request.key ?? blocks[0]!.keyColumn ?? undefined;
  for (const [i, block] of blocks.entries()) {
    if (key === undefined || !block.columns.includes(key)) {
      throw new AllotError(
        'INVALID_INPUT',
        key === undefined
          ? `block ${sources[i]!} has no key column: name the column that identifies a row`
          : `block ${sources[i]!} has no column "${key}" (columns: ${block.columns.join(', ')})`,
        { field: 'key' },
      );
    }
  }
  const poolName = `${set.name}@${set.version}`;
  const suite = `calculation ${data.calculation}`;
  const pool = (tests: AllocationTest[]): PoolDefinition => ({
    name: poolName,
    description: `Coverage of ${set.name} ${set.version}, calculation ${data.calculation}`,
    key: key!,
    blocks: sources.map((from) => ({ name: from.split('@')[0]! })),
    secrets: [],
    tests,
  });
  const refs = (tests: AllocationTest[]): TestRef[] =>
    tests.map((t) => ({ pool: poolName, suite: t.suite, test: t.test }));

  if (request.makes !== false) {
    const tests = coverageTests(data.combinations, data.attributes, { suite, makeKey: key! });
    const perCombination = tests.length / Math.max(1, data.combinations.length);
    return {
      mode: 'combinations',
      data,
      pool: pool(tests),
      tests: refs(tests),
      entries: tests.map((t, i) => ({
        test: t.test,
        combination: data.combinations[Math.floor(i / perCombination)]!,
      })),
    };
  }

  if (blocks.length > 1) {
    throw new AllotError(
      'INVALID_INPUT',
      `existing rows can cover a set over one source block; this one reads ${sources.join(', ')}`,
      { field: 'makes' },
    );
  }
  const block = blocks[0]!;
  const rows: RowObject[] = block.rows.map((row) =>
    Object.fromEntries(block.columns.map((column, i) => [column, row[i] ?? null])),
  );
  const rules = await listAll<BusinessRuleBody>(store, scope, BUSINESS_RULE_KIND, {
    namePrefix: rulePrefix(set),
    latestOnly: true,
  });
  const strength =
    data.report.strength === 'all'
      ? Math.min(MAX_STRENGTH, data.attributes.length)
      : data.report.strength;
  const cover = coverFromRows(
    {
      attributes: data.attributes,
      rules: rules.map((rule) => ({ conditions: rule.body.conditions })),
      sources: { [sources[0]!]: rows },
    },
    rows,
    { strength },
  );
  const tests: AllocationTest[] = cover.rows.map((r, i) => ({
    suite,
    test: `row ${i + 1}: ${key!}=${String(rows[r]![key!])}`,
    find: { from: sources[0]!, where: { [key!]: { eq: rows[r]![key!] ?? null } } },
    count: 1,
    consume: false,
    readOnly: false,
  }));
  return {
    mode: 'existing-rows',
    data,
    pool: pool(tests),
    tests: refs(tests),
    entries: tests.map((t, i) => ({ test: t.test, row: rows[cover.rows[i]!]! })),
    existing: {
      strength: cover.strength,
      tuplesRequired: cover.tuplesRequired,
      tuplesCovered: cover.tuplesCovered,
      missing: cover.missing,
      excluded: cover.excluded.length,
    },
  };
}
