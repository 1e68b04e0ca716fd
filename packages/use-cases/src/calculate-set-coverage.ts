import {
  calculateCoverage,
  sourceKey,
  type BlockStore,
  type CatalogueStore,
  type CoverageInput,
  type CoverageOptions,
  type CoverageResult,
  type DeterminingAttribute,
  type ProjectStore,
  type RowObject,
} from '@allot/core';
import type { Acting } from './acting.js';
import {
  BUSINESS_RULE_KIND,
  COVERAGE_RESULT_KIND,
  coverageEvent,
  COVERAGE_CALCULATED_EVENT,
  listAll,
  rulePrefix,
  setRef,
  type BusinessRuleBody,
  type CoverageResultBody,
  type CoverageResultRecord,
} from './coverage-records.js';
import type { EventLog } from './event-log.js';
import { ruleAttributes, ruleScope, type InCoverageSet } from './rule-scope.js';

/** A calculation of a coverage set version: every combination, or n-wise. */
export interface CoverageCalculation extends InCoverageSet {
  /** `all`, or 1 to 6 (2 = pairwise, the default). */
  strength?: CoverageOptions['strength'];
  /** Same set, rules, seed and effort: same rows. Default 1. */
  seed?: CoverageOptions['seed'];
  effort?: CoverageOptions['effort'];
}

/**
 * Runs the calculation itself: in this process by default; a server hands
 * it to a worker thread so that a big model does not hold up its requests.
 */
export type CoverageCalculator = (
  input: CoverageInput,
  options: CoverageOptions,
) => CoverageResult | Promise<CoverageResult>;

/**
 * Calculates the coverage of a coverage set version (its attributes at the
 * versions it names, minus its rules, within group-by), stores it as the
 * next calculation of that version, readable again with
 * {@link readCoverageDataSet}, and records `coverage.calculated`.
 *
 * @throws {@link AllotError} `INVALID_INPUT` naming the field (a strength out of range,
 *   an attribute since deleted), `NOT_FOUND` for an unknown project or set.
 */
export async function calculateSetCoverage(
  store: ProjectStore & CatalogueStore & BlockStore,
  events: EventLog,
  input: CoverageCalculation,
  acting: Acting,
  calculate: CoverageCalculator = calculateCoverage,
): Promise<CoverageResultRecord> {
  const where = await ruleScope(store, input);
  const { scope, set } = where;
  const attributes = await ruleAttributes(store, where);
  const rules = await listAll<BusinessRuleBody>(store, scope, BUSINESS_RULE_KIND, {
    namePrefix: rulePrefix(set),
    latestOnly: true,
  });
  const result = await calculate(
    {
      attributes,
      rules: rules.map((rule) => ({ conditions: rule.body.conditions })),
      sources: await groupBySources(store, scope.workspace, attributes),
    },
    {
      ...(input.strength === undefined ? {} : { strength: input.strength }),
      ...(input.seed === undefined ? {} : { seed: input.seed }),
      ...(input.effort === undefined ? {} : { effort: input.effort }),
    },
  );
  const body: CoverageResultBody = {
    coverageSet: setRef(set),
    strength: result.report.strength,
    seed: result.report.seed,
    columns: attributes.map((attribute) => attribute.name),
    combinations: result.combinations,
    attributes,
    report: result.report,
  };
  const record = (await store.putCatalogue(
    {
      kind: COVERAGE_RESULT_KIND,
      workspace: scope.workspace,
      project: scope.key,
      name: set.id,
      body,
      actor: acting.user,
    },
    acting.now,
  )) as CoverageResultRecord;
  await events.record(
    coverageEvent(COVERAGE_CALCULATED_EVENT, scope, `coverage-set:${set.id}`, acting, {
      coverageSet: body.coverageSet,
      calculation: record.version,
      rules: rules.length,
      ...result.report,
    }),
  );
  return record;
}

/** The rows of the source blocks that group-by criteria read, keyed `name@version`. */
async function groupBySources(
  store: BlockStore,
  workspace: string,
  attributes: readonly DeterminingAttribute[],
): Promise<Record<string, RowObject[]>> {
  const sources: Record<string, RowObject[]> = {};
  for (const attribute of attributes) {
    const source = attribute.source;
    if (source === undefined || Object.keys(attribute.criteria ?? {}).length === 0) continue;
    const key = sourceKey(source);
    if (key in sources) continue;
    const block = await store.getBlock(workspace, source.name, source.version);
    // A block deleted since leaves group-by without rows: the calculation names what it needs.
    if (block === undefined) continue;
    sources[key] = block.rows.map((row) =>
      Object.fromEntries(block.columns.map((column, i) => [column, row[i] ?? null])),
    );
  }
  return sources;
}
