import type { ErrorObject } from 'ajv';
import { pointerSegments } from './issue-path.js';
import type { PathIssue } from './issue-path.js';

/** Messages for the schema's patterns, which Ajv can only quote. */
const PATTERN_MESSAGES: Record<string, string> = {
  '^[^@]+$': 'must be a block name without "@" (versions are pinned in find.from)',
  '\\.([cC][sS][vV]|[jJ][sS][oO][nN])$': 'must name a .csv or .json file',
  '^\\S+( +(asc|desc))?$': 'must be "column", "column asc" or "column desc"',
};

/**
 * Turns Ajv errors (compiled with `allErrors` and `verbose`) into issues that
 * say what was expected, at the path of the offending value. Alternatives
 * (`anyOf`, `oneOf`) are reduced to their most specific errors, and the
 * `if` wrapper around a `then` is dropped, since its branch already explains.
 */
export function schemaIssues(errors: readonly ErrorObject[], data: unknown): PathIssue[] {
  const seen = new Set<string>();
  const issues: PathIssue[] = [];
  for (const error of mostSpecific(errors)) {
    const issue = toIssue(error, data);
    const id = `${JSON.stringify(issue.segments)}\u0000${issue.message}`;
    if (seen.has(id)) continue;
    seen.add(id);
    issues.push(issue);
  }
  return issues;
}

const ALTERNATIVES = new Set(['anyOf', 'oneOf']);

function mostSpecific(errors: readonly ErrorObject[]): ErrorObject[] {
  let kept = errors.filter((error) => error.keyword !== 'if');
  for (const summary of kept.filter((error) => ALTERNATIVES.has(error.keyword))) {
    kept = reduceAlternatives(kept, summary);
  }
  return kept;
}

/**
 * Every branch of a failed `anyOf` reports its own errors; the branch that
 * got furthest into the value is the one the author meant. Errors nested
 * deeper than the alternative win; at the same depth, a keyword error of a
 * branch whose type matched beats the other branches' type mismatches, and
 * type mismatches alone merge into one "must be a or b".
 */
function reduceAlternatives(errors: ErrorObject[], summary: ErrorObject): ErrorObject[] {
  const at = summary.instancePath;
  const related = errors.filter((e) => e !== summary && within(e.instancePath, at));
  const deeper = related.filter((e) => e.instancePath !== at);
  const sameLevel = related.filter((e) => e.instancePath === at);
  const specific = sameLevel.filter((e) => e.keyword !== 'type');
  let drop: ErrorObject[];
  if (deeper.length > 0) drop = [summary, ...sameLevel];
  else if (specific.length > 0) drop = [summary, ...sameLevel.filter((e) => e.keyword === 'type')];
  else return mergeTypes(errors, summary, sameLevel);
  return errors.filter((e) => !drop.includes(e));
}

function mergeTypes(errors: ErrorObject[], summary: ErrorObject, types: ErrorObject[]) {
  if (types.length === 0) return errors;
  const names = [...new Set(types.flatMap((e) => typeList(e.params)))];
  const merged: ErrorObject = { ...summary, keyword: 'type', params: { type: names } };
  return errors.filter((e) => !types.includes(e)).map((e) => (e === summary ? merged : e));
}

function within(path: string, parent: string): boolean {
  return path === parent || path.startsWith(`${parent}/`);
}

function toIssue(error: ErrorObject, data: unknown): PathIssue {
  const segments = pointerSegments(error.instancePath, data);
  const params = error.params as Record<string, unknown>;
  if (error.keyword === 'additionalProperties') {
    const name = String(params['additionalProperty']);
    return { segments: [...segments, name], message: unknownProperty(name, error) };
  }
  return { segments, message: describe(error, params) };
}

function unknownProperty(name: string, error: ErrorObject): string {
  const expected = propertyNames(error.parentSchema);
  const list = expected.length > 0 ? `; expected one of: ${expected.join(', ')}` : '';
  return `unknown property ${JSON.stringify(name)}${list}`;
}

function describe(error: ErrorObject, params: Record<string, unknown>): string {
  switch (error.keyword) {
    case 'type':
      return `must be ${joinOr(typeList(params).map(article))}`;
    case 'required':
      return `missing required property ${JSON.stringify(params['missingProperty'])}`;
    case 'enum':
      return `must be one of: ${(params['allowedValues'] as unknown[]).map(String).join(', ')}`;
    case 'pattern':
      return (
        PATTERN_MESSAGES[String(params['pattern'])] ?? `must match ${String(params['pattern'])}`
      );
    default:
      return describeLimit(error, params) ?? error.message ?? `is invalid (${error.keyword})`;
  }
}

function describeLimit(error: ErrorObject, params: Record<string, unknown>): string | undefined {
  const limit = Number(params['limit']);
  const names = propertyNames(error.parentSchema);
  switch (error.keyword) {
    case 'minItems':
      return limit === 1 ? 'must not be empty' : `must have at least ${limit} items`;
    case 'minLength':
      return limit === 1 ? 'must not be empty' : `must be at least ${limit} characters long`;
    case 'minimum':
      return `must be at least ${limit}`;
    case 'maximum':
      return `must be at most ${limit}`;
    case 'minProperties':
      return names.length > 0 ? `must have one of: ${names.join(', ')}` : 'must not be empty';
    case 'maxProperties':
      return limit === 1 && names.length > 0
        ? `must have only one of: ${names.join(', ')}`
        : `must have at most ${limit} properties`;
    default:
      return undefined;
  }
}

function typeList(params: Record<string, unknown>): string[] {
  const type = params['type'];
  if (Array.isArray(type)) return type.map(String);
  return String(type).split(',');
}

function article(type: string): string {
  if (type === 'null') return 'null';
  if (type === 'array' || type === 'object' || type === 'integer') return `an ${type}`;
  return `a ${type}`;
}

function joinOr(words: string[]): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} or ${words.at(-1)}`;
}

function propertyNames(schema: unknown): string[] {
  if (typeof schema !== 'object' || schema === null) return [];
  const properties = (schema as { properties?: unknown }).properties;
  if (typeof properties !== 'object' || properties === null) return [];
  return Object.keys(properties);
}
