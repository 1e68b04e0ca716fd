import type { ScalarValue } from './field-tree.js';

/** What a constraint set says about one field, addressed by its dot path. */
export interface FieldConstraint {
  /** Only these values; each must be valid for the field's schema. */
  enum?: ScalarValue[];
  /** Relative weights of {@link enum}'s values, same length; uniform when unset. */
  weights?: number[];
  /** Lower bound: a number, or an ISO date or date-time for date fields. */
  min?: number | string;
  /** Upper bound, like {@link min}. */
  max?: number | string;
  /** A regular expression (the generator's subset) the whole value matches. */
  pattern?: string;
  /** No two records share a value. */
  unique?: boolean;
  /** Share of records (0–1) where the field is null, or absent when the schema allows no null. */
  nullRatio?: number;
  /** A faker method, `module.method` (`person.firstName`). */
  faker?: string;
  /** The field takes a value of another entity's field (a foreign key); that field must be unique. */
  reference?: { entity: string; field: string };
}

/** The comparisons a cross-field rule can make. */
export type RuleOperator = '<' | '<=' | '>' | '>=';

/** `field op other`, e.g. `end_date >= start_date`; both fields in the same object. */
export interface CrossFieldRule {
  field: string;
  op: RuleOperator;
  other: string;
}

/** Constraints narrowing what a schema allows, for one entity. */
export interface ConstraintSet {
  fields?: Record<string, FieldConstraint>;
  rules?: CrossFieldRule[];
}

/** Every {@link RuleOperator}. */
export const RULE_OPERATORS: readonly RuleOperator[] = ['<', '<=', '>', '>='];

/**
 * Reads a rule written as text (`end_date >= start_date`).
 *
 * @returns the rule, or null when the text is not `path op path`
 */
export function parseRule(text: string): CrossFieldRule | null {
  const match = /^\s*([\w.[\]-]+)\s*(<=|>=|<|>)\s*([\w.[\]-]+)\s*$/.exec(text);
  if (match === null) return null;
  return { field: match[1]!, op: match[2] as RuleOperator, other: match[3]! };
}
