import { childPath } from '../find/child-path.js';
import { describeType, isPlainObject } from '../find/invalid-input.js';
import { attributeLabels, levelLabel } from './attribute-levels.js';
import { CoverageInputError } from './coverage-input-error.js';
import type {
  AttributeRange,
  AttributeValue,
  BusinessRule,
  DeterminingAttribute,
} from './determining-attribute.js';

/**
 * Checks a business rule against the attributes of its coverage set: one
 * or more conditions `{attribute: {values: [...]}}`, each naming an
 * attribute of the set, each value one of that attribute's values (a
 * range by its `{minValue, maxValue}` or its label `min..max`; `"1"` names
 * the NUMBER value 1). Values come back as the attribute holds them.
 *
 * The rule removes the combinations that match ALL its conditions.
 *
 * @param path - where the rule sits in the request (`entity`), prefixed to error paths
 * @throws CoverageInputError `INVALID_INPUT` naming the first offending field
 */
export function validateBusinessRule(
  input: unknown,
  attributes: readonly DeterminingAttribute[],
  path = '',
): BusinessRule {
  if (!isPlainObject(input))
    throw new CoverageInputError(path, `expected an object, got ${describeType(input)}`);
  const conditionsPath = childPath(path, 'conditions');
  const conditions = input['conditions'];
  if (!isPlainObject(conditions) || Object.keys(conditions).length === 0) {
    throw new CoverageInputError(
      conditionsPath,
      'is required: {attribute: {values: [...]}} with one or more attributes',
    );
  }
  const byName = new Map(attributes.map((attribute) => [attribute.name, attribute]));
  const rule: BusinessRule = { conditions: {} };
  for (const [name, condition] of Object.entries(conditions)) {
    const at = childPath(conditionsPath, name);
    const attribute = byName.get(name);
    if (attribute === undefined) {
      throw new CoverageInputError(
        at,
        `${JSON.stringify(name)} is not a determining attribute of the coverage set`,
      );
    }
    rule.conditions[name] = { values: readConditionValues(condition, attribute, at) };
  }
  return rule;
}

function readConditionValues(
  condition: unknown,
  attribute: DeterminingAttribute,
  path: string,
): Array<AttributeValue | AttributeRange> {
  const valuesPath = childPath(path, 'values');
  const values = isPlainObject(condition) ? condition['values'] : undefined;
  if (!Array.isArray(values) || values.length === 0) {
    throw new CoverageInputError(
      valuesPath,
      "is required: a list of one or more of the attribute's values",
    );
  }
  const labels = attributeLabels(attribute);
  return values.map((value: unknown, index) => {
    const label = labelOf(value);
    const found = label === undefined ? -1 : labels.indexOf(label);
    const level = attribute.values[found];
    if (level === undefined) {
      throw new CoverageInputError(
        childPath(valuesPath, index),
        `${JSON.stringify(value)} is not a value of ${attribute.name} (${labels.map((l) => JSON.stringify(l)).join(', ')})`,
      );
    }
    return level;
  });
}

function labelOf(value: unknown): string | undefined {
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
    return String(value);
  if (
    isPlainObject(value) &&
    (typeof value['minValue'] === 'number' || typeof value['minValue'] === 'string')
  ) {
    const max = value['maxValue'];
    if (typeof max === 'number' || typeof max === 'string')
      return levelLabel({ minValue: value['minValue'], maxValue: max });
  }
  return undefined;
}
