import { childPath } from '../find/child-path.js';
import { describeType, isPlainObject } from '../find/invalid-input.js';
import { toNumber } from '../find/to-number.js';
import { attributeLabels, dateOf, levelLabel } from './attribute-levels.js';
import { CoverageInputError } from './coverage-input-error.js';
import {
  ATTRIBUTE_DATA_TYPES,
  type AttributeDataType,
  type AttributeRange,
  type AttributeSource,
  type AttributeValue,
  type DeterminingAttribute,
} from './determining-attribute.js';

const ISO_DATE =
  /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/**
 * Checks a determining attribute as a client sends it and returns it
 * normalised: the data type defaulted (STRING for values; for ranges,
 * NUMBER or DATE from the bounds), NUMBER values as numbers, BOOLEAN values
 * as booleans, priorities as numbers.
 *
 * Refused: a missing name or type, fewer than two values, a repeated value,
 * a value of the wrong type, a range missing a bound or with min > max,
 * overlapping ranges (bounds are inclusive, so touching ranges overlap), a
 * priority or group-by key that is not one of the values, and group-by
 * criteria on an attribute with no source block.
 *
 * @param path - where the attribute sits in the request (`entity`), prefixed to error paths
 * @throws CoverageInputError `INVALID_INPUT` naming the first offending field
 */
export function validateDeterminingAttribute(input: unknown, path = ''): DeterminingAttribute {
  if (!isPlainObject(input))
    throw new CoverageInputError(path, `expected an object, got ${describeType(input)}`);
  const name = requireName(input['name'], childPath(path, 'name'));
  const type = input['type'];
  if (type !== 'VALUE' && type !== 'RANGE') {
    throw new CoverageInputError(
      childPath(path, 'type'),
      `expected "VALUE" or "RANGE", got ${shown(type)}`,
    );
  }
  const declared = readDataType(input['dataType'], childPath(path, 'dataType'));
  const valuesPath = childPath(path, 'values');
  const rawValues = input['values'];
  if (!Array.isArray(rawValues)) {
    throw new CoverageInputError(
      valuesPath,
      `expected a list of two or more values, got ${describeType(rawValues)}`,
    );
  }
  if (rawValues.length < 2) {
    throw new CoverageInputError(valuesPath, `needs two or more values, got ${rawValues.length}`);
  }
  const attribute: DeterminingAttribute =
    type === 'VALUE'
      ? {
          name,
          type,
          dataType: declared ?? 'STRING',
          values: readValues(rawValues, declared ?? 'STRING', valuesPath),
        }
      : readRangeAttribute(name, rawValues, declared, valuesPath, childPath(path, 'dataType'));
  const source = readSource(input['source'], childPath(path, 'source'), name);
  if (source !== undefined) attribute.source = source;
  const labels = new Set(attributeLabels(attribute));
  const priority = readPriorities(
    input['valuesPriority'],
    labels,
    childPath(path, 'valuesPriority'),
  );
  if (priority !== undefined) attribute.valuesPriority = priority;
  const criteria = readCriteria(input['criteria'], labels, childPath(path, 'criteria'), name);
  if (criteria !== undefined) {
    if (source === undefined) {
      throw new CoverageInputError(
        childPath(path, 'criteria'),
        'group-by needs a source block: the grouping attribute must be a column of the same block',
      );
    }
    attribute.criteria = criteria;
  }
  return attribute;
}

function requireName(value: unknown, path: string): string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new CoverageInputError(path, `is required: a non-empty string, got ${shown(value)}`);
  }
  return value;
}

function readDataType(value: unknown, path: string): AttributeDataType | undefined {
  if (value === undefined || value === null) return undefined;
  if (!(ATTRIBUTE_DATA_TYPES as readonly unknown[]).includes(value)) {
    throw new CoverageInputError(
      path,
      `expected one of ${ATTRIBUTE_DATA_TYPES.join(', ')}, got ${shown(value)}`,
    );
  }
  return value as AttributeDataType;
}

function readValues(raw: unknown[], dataType: AttributeDataType, path: string): AttributeValue[] {
  const seen = new Set<string>();
  return raw.map((item, index) => {
    const at = childPath(path, index);
    const value = readValue(item, dataType, at);
    const label = levelLabel(value);
    if (seen.has(label))
      throw new CoverageInputError(at, `repeats the value ${JSON.stringify(label)}`);
    seen.add(label);
    return value;
  });
}

function readValue(item: unknown, dataType: AttributeDataType, path: string): AttributeValue {
  switch (dataType) {
    case 'STRING':
      if (typeof item === 'string') return item;
      break;
    case 'NUMBER': {
      const number = typeof item === 'number' || typeof item === 'string' ? toNumber(item) : NaN;
      if (Number.isFinite(number)) return number;
      break;
    }
    case 'BOOLEAN':
      if (typeof item === 'boolean') return item;
      if (typeof item === 'string' && /^(true|false)$/i.test(item))
        return item.toLowerCase() === 'true';
      break;
    case 'DATE':
      if (isIsoDate(item)) return item;
      break;
  }
  throw new CoverageInputError(path, `expected ${expected(dataType)}, got ${shown(item)}`);
}

function readRangeAttribute(
  name: string,
  raw: unknown[],
  declared: AttributeDataType | undefined,
  path: string,
  dataTypePath: string,
): DeterminingAttribute {
  const first: unknown = isPlainObject(raw[0]) ? raw[0]['minValue'] : undefined;
  const dataType = declared ?? (typeof first === 'string' ? 'DATE' : 'NUMBER');
  if (dataType !== 'NUMBER' && dataType !== 'DATE') {
    throw new CoverageInputError(
      dataTypePath,
      `a RANGE attribute is NUMBER or DATE, got ${shown(dataType)}`,
    );
  }
  const ranges = raw.map((item, index) => readRange(item, dataType, childPath(path, index)));
  const read = dataType === 'DATE' ? dateOf : (bound: number | string) => Number(bound);
  const order = ranges
    .map((range, index) => ({ range, index }))
    .sort((a, b) => read(a.range.minValue) - read(b.range.minValue));
  for (let i = 1; i < order.length; i++) {
    const before = order[i - 1]!;
    const after = order[i]!;
    if (read(after.range.minValue) <= read(before.range.maxValue)) {
      throw new CoverageInputError(
        childPath(path, after.index),
        `overlaps ${levelLabel(before.range)} (bounds are inclusive)`,
      );
    }
  }
  return { name, type: 'RANGE', dataType, values: ranges };
}

function readRange(item: unknown, dataType: 'NUMBER' | 'DATE', path: string): AttributeRange {
  if (!isPlainObject(item)) {
    throw new CoverageInputError(path, `expected {minValue, maxValue}, got ${describeType(item)}`);
  }
  const bound = (key: 'minValue' | 'maxValue'): number | string => {
    const value = item[key];
    const at = childPath(path, key);
    if (value === undefined || value === null)
      throw new CoverageInputError(at, 'is required: a range needs both bounds');
    if (dataType === 'NUMBER' && typeof value === 'number' && Number.isFinite(value)) return value;
    if (dataType === 'DATE' && isIsoDate(value)) return value;
    throw new CoverageInputError(at, `expected ${expected(dataType)}, got ${shown(value)}`);
  };
  const range = { minValue: bound('minValue'), maxValue: bound('maxValue') };
  const read = dataType === 'DATE' ? dateOf : (value: number | string) => Number(value);
  if (read(range.minValue) > read(range.maxValue)) {
    throw new CoverageInputError(childPath(path, 'maxValue'), 'is below minValue');
  }
  return range;
}

function readSource(value: unknown, path: string, name: string): AttributeSource | undefined {
  if (value === undefined || value === null) return undefined;
  if (!isPlainObject(value))
    throw new CoverageInputError(
      path,
      `expected {name, version, attribute}, got ${describeType(value)}`,
    );
  const block = requireName(value['name'], childPath(path, 'name'));
  const version = requireName(value['version'], childPath(path, 'version'));
  const column =
    value['attribute'] === undefined
      ? name
      : requireName(value['attribute'], childPath(path, 'attribute'));
  return { name: block, version, attribute: column };
}

function readPriorities(
  value: unknown,
  labels: Set<string>,
  path: string,
): Record<string, number> | undefined {
  if (value === undefined || value === null) return undefined;
  if (!isPlainObject(value))
    throw new CoverageInputError(path, `expected {value: priority}, got ${describeType(value)}`);
  const priorities: Record<string, number> = {};
  for (const [label, raw] of Object.entries(value)) {
    const at = childPath(path, label);
    if (!labels.has(label))
      throw new CoverageInputError(
        at,
        `${JSON.stringify(label)} is not one of the attribute's values`,
      );
    const priority = typeof raw === 'number' || typeof raw === 'string' ? toNumber(raw) : NaN;
    if (!Number.isFinite(priority))
      throw new CoverageInputError(at, `expected a number, got ${shown(raw)}`);
    priorities[label] = priority;
  }
  return priorities;
}

function readCriteria(
  value: unknown,
  labels: Set<string>,
  path: string,
  name: string,
): Record<string, string> | undefined {
  if (value === undefined || value === null) return undefined;
  if (!isPlainObject(value))
    throw new CoverageInputError(
      path,
      `expected {value: grouping attribute}, got ${describeType(value)}`,
    );
  const criteria: Record<string, string> = {};
  for (const [label, raw] of Object.entries(value)) {
    const at = childPath(path, label);
    if (!labels.has(label))
      throw new CoverageInputError(
        at,
        `${JSON.stringify(label)} is not one of the attribute's values`,
      );
    const group = requireName(raw, at);
    if (group === name)
      throw new CoverageInputError(at, 'an attribute cannot be grouped by itself');
    criteria[label] = group;
  }
  return criteria;
}

function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string' || !ISO_DATE.test(value) || Number.isNaN(Date.parse(value)))
    return false;
  // Date.parse rolls 2024-02-30 over to March; a real calendar date survives the round trip.
  const [year, month, day] = value.slice(0, 10).split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function expected(dataType: AttributeDataType): string {
  switch (dataType) {
    case 'STRING':
      return 'a string';
    case 'NUMBER':
      return 'a finite number';
    case 'BOOLEAN':
      return 'true or false';
    case 'DATE':
      return 'an ISO date (YYYY-MM-DD)';
  }
}

function shown(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value) : describeType(value);
}
