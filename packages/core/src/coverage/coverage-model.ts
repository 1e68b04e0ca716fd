import type { RowObject } from '../model/block-version.js';
import { attributeLabels, cellInLevel, levelLabel } from './attribute-levels.js';
import { CoverageInputError } from './coverage-input-error.js';
import type { BusinessRule, DeterminingAttribute } from './determining-attribute.js';

/** What a coverage calculation works on. */
export interface CoverageInput {
  /** The coverage set's attributes; their order is the combinations' column order. */
  attributes: DeterminingAttribute[];
  /** Each removes the combinations that match all its conditions. */
  rules?: BusinessRule[];
  /**
   * The rows of the source blocks, keyed `name@version` (see
   * {@link sourceKey}); needed only for attributes with group-by criteria.
   */
  sources?: Record<string, readonly RowObject[]>;
}

/**
 * A forbidden conjunction over level indices: a row breaks it when, for
 * every listed attribute, the row's level is one of that attribute's
 * marked levels. Rules and group-by both compile to these.
 */
export interface Clause {
  attributes: number[];
  /** Per listed attribute, one flag per level. */
  levels: boolean[][];
}

/** A coverage input reduced to level indices: what the generators and checks run on. */
export interface CoverageModel {
  attributes: DeterminingAttribute[];
  /** Levels per attribute. */
  sizes: number[];
  clauses: Clause[];
  /** The clauses that list each attribute. */
  clausesOf: Clause[][];
  /** Per attribute and level: its priority, lower first (unprioritised values last). */
  rank: number[][];
}

/** The key of a source block in {@link CoverageInput.sources}: `name@version`. */
export function sourceKey(source: { name: string; version: string }): string {
  return `${source.name}@${source.version}`;
}

/**
 * Reduces attributes, rules and group-by criteria to level indices and
 * forbidden conjunctions.
 *
 * @throws CoverageInputError `INVALID_INPUT` when there is no attribute,
 *   two attributes share a name, a rule names an attribute or value the
 *   set does not have, or group-by names an attribute of another block or
 *   a block whose rows were not given
 */
export function compileCoverageModel(input: CoverageInput): CoverageModel {
  const { attributes } = input;
  if (attributes.length === 0)
    throw new CoverageInputError('attributes', 'needs one or more determining attributes');
  const index = new Map<string, number>();
  attributes.forEach((attribute, i) => {
    if (index.has(attribute.name))
      throw new CoverageInputError(`attributes[${i}].name`, `repeats ${attribute.name}`);
    index.set(attribute.name, i);
  });
  const sizes = attributes.map((attribute) => attribute.values.length);
  const clauses = [
    ...(input.rules ?? []).map((rule, i) => ruleClause(rule, attributes, index, `rules[${i}]`)),
    ...groupByClauses(input, index),
  ];
  const clausesOf = attributes.map((_, i) =>
    clauses.filter((clause) => clause.attributes.includes(i)),
  );
  return { attributes, sizes, clauses, clausesOf, rank: attributes.map(priorityRanks) };
}

function ruleClause(
  rule: BusinessRule,
  attributes: DeterminingAttribute[],
  index: Map<string, number>,
  path: string,
): Clause {
  const clause: Clause = { attributes: [], levels: [] };
  for (const [name, condition] of Object.entries(rule.conditions)) {
    const at = index.get(name);
    if (at === undefined)
      throw new CoverageInputError(
        `${path}.conditions.${name}`,
        'is not an attribute of the coverage set',
      );
    const labels = attributeLabels(attributes[at]!);
    const levels = labels.map(() => false);
    for (const value of condition.values) {
      const level = labels.indexOf(levelLabel(value));
      if (level < 0)
        throw new CoverageInputError(
          `${path}.conditions.${name}.values`,
          `${levelLabel(value)} is not a value of ${name}`,
        );
      levels[level] = true;
    }
    clause.attributes.push(at);
    clause.levels.push(levels);
  }
  return clause;
}

/**
 * Group-by: a value V of attribute A grouped by attribute B combines only
 * with B's levels that some source row holds together with V. Each other
 * pairing becomes a forbidden conjunction (A = V and B in the rest).
 */
function groupByClauses(input: CoverageInput, index: Map<string, number>): Clause[] {
  const clauses: Clause[] = [];
  input.attributes.forEach((attribute, a) => {
    for (const [label, groupName] of Object.entries(attribute.criteria ?? {})) {
      const path = `attributes[${a}].criteria.${label}`;
      const b = index.get(groupName);
      // A grouping attribute outside the set constrains nothing the set combines.
      if (b === undefined) continue;
      const group = input.attributes[b]!;
      const source = attribute.source;
      if (
        source === undefined ||
        group.source === undefined ||
        sourceKey(group.source) !== sourceKey(source)
      ) {
        throw new CoverageInputError(
          path,
          `${groupName} is not a column of ${attribute.name}'s source block`,
        );
      }
      const rows = input.sources?.[sourceKey(source)];
      if (rows === undefined)
        throw new CoverageInputError(
          'sources',
          `the rows of ${sourceKey(source)} are needed for group-by`,
        );
      const level = attributeLabels(attribute).indexOf(label);
      const value = attribute.values[level]!;
      const seen = group.values.map(() => false);
      for (const row of rows) {
        if (!cellInLevel(row[source.attribute], value, attribute.dataType)) continue;
        group.values.forEach((groupValue, w) => {
          if (!seen[w] && cellInLevel(row[group.source!.attribute], groupValue, group.dataType))
            seen[w] = true;
        });
      }
      if (seen.every(Boolean)) continue;
      const own = attribute.values.map((_, v) => v === level);
      clauses.push({ attributes: [a, b], levels: [own, seen.map((s) => !s)] });
    }
  });
  return clauses;
}

function priorityRanks(attribute: DeterminingAttribute): number[] {
  const priorities = attribute.valuesPriority ?? {};
  const labels = attributeLabels(attribute);
  const given = labels
    .map((label) => priorities[label])
    .filter((p): p is number => p !== undefined);
  const last = given.length === 0 ? 0 : Math.max(...given) + 1;
  return labels.map((label) => priorities[label] ?? last);
}

/** True when the (possibly partial, -1 = unset) row completes some clause. */
export function breaksClause(clauses: readonly Clause[], row: ArrayLike<number>): boolean {
  for (const clause of clauses) {
    let all = true;
    for (let i = 0; i < clause.attributes.length; i++) {
      const level = row[clause.attributes[i]!]!;
      if (level < 0 || !clause.levels[i]![level]) {
        all = false;
        break;
      }
    }
    if (all) return true;
  }
  return false;
}

/**
 * Whether a partial row (-1 = unset) can be completed into a row that
 * breaks no clause: a depth-first search over the unset attributes that
 * some clause lists (the others take any level).
 */
export function canComplete(model: CoverageModel, row: Int32Array): boolean {
  if (model.clauses.length === 0) return true;
  if (breaksClause(model.clauses, row)) return false;
  const open: number[] = [];
  for (let a = 0; a < model.sizes.length; a++) {
    if (row[a]! < 0 && model.clausesOf[a]!.length > 0) open.push(a);
  }
  const search = (depth: number): boolean => {
    if (depth === open.length) return true;
    const a = open[depth]!;
    for (let level = 0; level < model.sizes[a]!; level++) {
      row[a] = level;
      if (!breaksClause(model.clausesOf[a]!, row) && search(depth + 1)) {
        row[a] = -1;
        return true;
      }
    }
    row[a] = -1;
    return false;
  };
  return search(0);
}
