import { cellInLevel, levelLabel } from './attribute-levels.js';
import type { CoverageCombination } from './calculate-coverage.js';
import type { CoverageInput } from './coverage-model.js';
import { sourceKey } from './coverage-model.js';

/** What {@link countTuples} found in a set of combinations. */
export interface TupleCount {
  strength: number;
  /** t-way tuples some valid combination holds. */
  required: number;
  /** Of those, the ones some given combination holds. */
  covered: number;
  /** The first uncovered required tuples (at most 20), as attribute name → value label. */
  missing: Array<Record<string, string>>;
  /** Indexes of the given combinations that break a rule or group-by. */
  violations: number[];
}

/**
 * Counts, by brute force, the t-way tuples a set of combinations covers
 * and the combinations that break a rule or group-by. It shares nothing
 * with the generator but the reading of a source cell: labels and string
 * keys instead of level indices, every tuple checked on its own with a
 * plain search for a valid combination holding it. Slow and simple on
 * purpose: tests and the bench use it to check the generator.
 */
export function countTuples(
  input: CoverageInput,
  combinations: readonly CoverageCombination[],
  strength: number,
): TupleCount {
  const names = input.attributes.map((attribute) => attribute.name);
  const labels = input.attributes.map((attribute) =>
    attribute.values.map((value) => levelLabel(value)),
  );
  const forbidden = forbiddenSets(input);
  const valid = (assignment: Map<string, string>): boolean =>
    !forbidden.some((conditions) =>
      conditions.every(([name, allowed]) => {
        const label = assignment.get(name);
        return label !== undefined && allowed.has(label);
      }),
    );
  const completes = (assignment: Map<string, string>, from: number): boolean => {
    if (!valid(assignment)) return false;
    const next = names.findIndex((name, i) => i >= from && !assignment.has(name));
    if (next < 0) return true;
    for (const label of labels[next]!) {
      assignment.set(names[next]!, label);
      const ok = completes(assignment, next + 1);
      assignment.delete(names[next]!);
      if (ok) return true;
    }
    return false;
  };
  const seen = new Set<string>();
  const violations: number[] = [];
  combinations.forEach((combination, index) => {
    const row = names.map((name) => levelLabel(combination[name]!));
    if (!valid(new Map(names.map((name, i) => [name, row[i]!])))) violations.push(index);
    for (const subset of choose(names.length, strength)) {
      seen.add(
        key(
          subset,
          subset.map((a) => row[a]!),
        ),
      );
    }
  });
  let required = 0;
  let covered = 0;
  const missing: Array<Record<string, string>> = [];
  for (const subset of choose(names.length, strength)) {
    for (const tuple of product(subset.map((a) => labels[a]!))) {
      const assignment = new Map(subset.map((a, i) => [names[a]!, tuple[i]!]));
      if (forbidden.length > 0 && !completes(assignment, 0)) continue;
      required++;
      if (seen.has(key(subset, tuple))) covered++;
      else if (missing.length < 20) missing.push(Object.fromEntries(assignment));
    }
  }
  return { strength, required, covered, missing, violations };
}

/** Rules and group-by as lists of (attribute, labels it must be one of), all of which together are forbidden. */
function forbiddenSets(input: CoverageInput): Array<Array<[string, Set<string>]>> {
  const sets: Array<Array<[string, Set<string>]>> = (input.rules ?? []).map((rule) =>
    Object.entries(rule.conditions).map(([name, condition]) => [
      name,
      new Set(condition.values.map((v) => levelLabel(v))),
    ]),
  );
  for (const attribute of input.attributes) {
    for (const [label, groupName] of Object.entries(attribute.criteria ?? {})) {
      const group = input.attributes.find((other) => other.name === groupName);
      if (group === undefined || attribute.source === undefined || group.source === undefined)
        continue;
      const rows = input.sources?.[sourceKey(attribute.source)] ?? [];
      const value = attribute.values.find((v) => levelLabel(v) === label)!;
      const together = new Set<string>();
      for (const row of rows) {
        if (!cellInLevel(row[attribute.source.attribute], value, attribute.dataType)) continue;
        for (const groupValue of group.values) {
          if (cellInLevel(row[group.source.attribute], groupValue, group.dataType))
            together.add(levelLabel(groupValue));
        }
      }
      const apart = group.values.map((v) => levelLabel(v)).filter((l) => !together.has(l));
      if (apart.length > 0)
        sets.push([
          [attribute.name, new Set([label])],
          [group.name, new Set(apart)],
        ]);
    }
  }
  return sets;
}

function key(subset: number[], tuple: string[]): string {
  return JSON.stringify([subset, tuple]);
}

function choose(n: number, t: number, from = 0): number[][] {
  if (t === 0) return [[]];
  const out: number[][] = [];
  for (let first = from; first < n; first++) {
    for (const rest of choose(n, t - 1, first + 1)) out.push([first, ...rest]);
  }
  return out;
}

function product(lists: string[][]): string[][] {
  return lists.reduce<string[][]>(
    (acc, list) => acc.flatMap((prefix) => list.map((item) => [...prefix, item])),
    [[]],
  );
}
