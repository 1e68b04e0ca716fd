/**
 * Determining attributes, coverage sets and business rules: the plain data
 * a coverage calculation reads. Every type here can be stored as JSON.
 */

/** How an attribute's values are read and compared. */
export type AttributeDataType = 'STRING' | 'NUMBER' | 'BOOLEAN' | 'DATE';

/** The data types an attribute may declare, in the order the reference lists them. */
export const ATTRIBUTE_DATA_TYPES = ['STRING', 'NUMBER', 'BOOLEAN', 'DATE'] as const;

/** A value of a VALUE attribute: a string, a number (NUMBER) or a boolean (BOOLEAN). DATE values are ISO strings. */
export type AttributeValue = string | number | boolean;

/**
 * One bucket of a RANGE attribute: both bounds included. Numbers for a
 * NUMBER attribute, ISO dates (`2024-01-31`) for a DATE attribute.
 */
export interface AttributeRange {
  minValue: number | string;
  maxValue: number | string;
}

/** The data block column an attribute describes. */
export interface AttributeSource {
  /** The data block's name. */
  name: string;
  /** The data block's version, `1.0`. */
  version: string;
  /** The column; defaults to the attribute's name. */
  attribute: string;
}

interface AttributeBase {
  name: string;
  dataType: AttributeDataType;
  source?: AttributeSource;
  /**
   * Value label → priority. A lower number comes first: rows holding
   * priority 1 values are listed before the others, and a tie between
   * equally good values goes to the higher priority.
   */
  valuesPriority?: Record<string, number>;
  /**
   * Value label → the name of the attribute it is grouped by: that value
   * only combines with the grouping attribute's values that occur with it
   * in the source block's rows.
   */
  criteria?: Record<string, string>;
}

/** An attribute whose levels are two or more distinct values. */
export interface ValueAttribute extends AttributeBase {
  type: 'VALUE';
  values: AttributeValue[];
}

/** An attribute whose levels are two or more non-overlapping ranges. */
export interface RangeAttribute extends AttributeBase {
  type: 'RANGE';
  dataType: 'NUMBER' | 'DATE';
  values: AttributeRange[];
}

/** A test-relevant dimension: its levels are its values, or its ranges as buckets. */
export type DeterminingAttribute = ValueAttribute | RangeAttribute;

/** A reference from a coverage set to one version of an attribute. */
export interface AttributeRef {
  name: string;
  version: string;
}

/** A named list of determining attributes; the name ends in `_coverage`. */
export interface CoverageSetDefinition {
  name: string;
  determiningAttributes: AttributeRef[];
}

/** The values one condition of a business rule selects for its attribute. */
export interface RuleCondition {
  values: Array<AttributeValue | AttributeRange>;
}

/**
 * A business rule. It removes every combination that matches ALL its
 * conditions, a condition matching when the combination's value for that
 * attribute is one of the condition's values. A combination that matches
 * some conditions but not all stays.
 */
export interface BusinessRule {
  conditions: Record<string, RuleCondition>;
}
