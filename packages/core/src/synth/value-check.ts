import type { FieldNode, StringFormat } from './field-tree.js';

const FORMAT_CHECKS: Record<StringFormat, RegExp> = {
  date: /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/,
  'date-time': /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/,
  time: /^\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)?$/,
  email: /^[^\s@]+@[^\s@]+\.[^\s@]+$/,
  uuid: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
  uri: /^[a-z][a-z0-9+.-]*:\S+$/i,
  hostname: /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/i,
  ipv4: /^((25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/,
  ipv6: /^[0-9a-f:]+$/i,
};

const patterns = new Map<string, RegExp>();

function regexOf(node: FieldNode): RegExp {
  const source = node.anchored === true ? `^(?:${node.pattern!})$` : node.pattern!;
  let regex = patterns.get(source);
  if (regex === undefined) {
    regex = new RegExp(source, 'u');
    patterns.set(source, regex);
  }
  return regex;
}

/**
 * Checks a value against a field of the tree: the structural check XSD
 * records get (ajv checks JSON Schema records against the schema itself),
 * and the test for which `oneOf` variant a value matches.
 *
 * @returns the first problem found, with its path, or null when the value is valid
 */
export function valueProblem(node: FieldNode, value: unknown): string | null {
  const at = node.path === '' ? '(root)' : node.path;
  if (value === null) return node.nullable ? null : `${at}: null`;
  if (value === undefined) return `${at}: missing`;
  switch (node.kind) {
    case 'object':
      return objectProblem(node, value, at);
    case 'array':
      return arrayProblem(node, value, at);
    case 'choice': {
      const matches = node.variants!.filter((v) => valueProblem(v, value) === null).length;
      if (node.combinator === 'anyOf' ? matches >= 1 : matches === 1) return null;
      return `${at}: matches ${matches} of its ${node.combinator} variants`;
    }
    default:
      return scalarProblem(node, value, at);
  }
}

function objectProblem(node: FieldNode, value: unknown, at: string): string | null {
  if (typeof value !== 'object' || Array.isArray(value)) return `${at}: not an object`;
  const record = value as Record<string, unknown>;
  const known = new Set<string>();
  const groups = new Map<string, number>();
  for (const field of node.properties ?? []) {
    known.add(field.name);
    const present = Object.hasOwn(record, field.name);
    if (field.choiceGroup !== undefined)
      groups.set(field.choiceGroup, (groups.get(field.choiceGroup) ?? 0) + (present ? 1 : 0));
    if (!present) {
      if (field.required) return `${field.path}: missing`;
      continue;
    }
    const problem = valueProblem(field, record[field.name]);
    if (problem !== null) return problem;
  }
  for (const [, count] of groups)
    if (count !== 1) return `${at}: ${count} alternatives of one xs:choice`;
  for (const key of Object.keys(record)) if (!known.has(key)) return `${at}: unknown field ${key}`;
  return null;
}

function arrayProblem(node: FieldNode, value: unknown, at: string): string | null {
  if (!Array.isArray(value)) return `${at}: not an array`;
  if (node.minItems !== undefined && value.length < node.minItems)
    return `${at}: fewer than ${node.minItems} items`;
  if (node.maxItems !== undefined && value.length > node.maxItems)
    return `${at}: more than ${node.maxItems} items`;
  if (
    node.uniqueItems === true &&
    new Set(value.map((v) => JSON.stringify(v))).size !== value.length
  ) {
    return `${at}: repeated items`;
  }
  for (const item of value) {
    const problem = valueProblem(node.items!, item);
    if (problem !== null) return problem;
  }
  return null;
}

function scalarProblem(node: FieldNode, value: unknown, at: string): string | null {
  if (node.const !== undefined && value !== node.const)
    return `${at}: not ${JSON.stringify(node.const)}`;
  if (node.enum !== undefined && !node.enum.includes(value as never))
    return `${at}: not one of the enum`;
  if (node.kind === 'boolean') return typeof value === 'boolean' ? null : `${at}: not a boolean`;
  if (node.kind === 'integer' || node.kind === 'number') return numberProblem(node, value, at);
  if (typeof value !== 'string') return `${at}: not a string`;
  const length =
    node.minLength !== undefined || node.maxLength !== undefined ? [...value].length : 0;
  if (node.minLength !== undefined && length < node.minLength)
    return `${at}: shorter than ${node.minLength}`;
  if (node.maxLength !== undefined && length > node.maxLength)
    return `${at}: longer than ${node.maxLength}`;
  if (node.pattern !== undefined && !regexOf(node).test(value))
    return `${at}: does not match /${node.pattern}/`;
  if (node.format !== undefined && !FORMAT_CHECKS[node.format].test(value))
    return `${at}: not a ${node.format}`;
  return null;
}

function numberProblem(node: FieldNode, value: unknown, at: string): string | null {
  if (typeof value !== 'number' || !Number.isFinite(value)) return `${at}: not a number`;
  if (node.kind === 'integer' && !Number.isInteger(value)) return `${at}: not an integer`;
  if (node.minimum !== undefined && value < node.minimum) return `${at}: below ${node.minimum}`;
  if (node.maximum !== undefined && value > node.maximum) return `${at}: above ${node.maximum}`;
  if (node.exclusiveMinimum !== undefined && value <= node.exclusiveMinimum)
    return `${at}: not above ${node.exclusiveMinimum}`;
  if (node.exclusiveMaximum !== undefined && value >= node.exclusiveMaximum)
    return `${at}: not below ${node.exclusiveMaximum}`;
  if (
    node.multipleOf !== undefined &&
    !Number.isInteger(Number((value / node.multipleOf).toFixed(9)))
  ) {
    return `${at}: not a multiple of ${node.multipleOf}`;
  }
  if (node.fractionDigits !== undefined) {
    const dot = String(value).indexOf('.');
    if (dot !== -1 && String(value).length - dot - 1 > node.fractionDigits)
      return `${at}: more than ${node.fractionDigits} fraction digits`;
  }
  return null;
}
