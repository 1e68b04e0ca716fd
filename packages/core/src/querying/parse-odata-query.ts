import { compileWhere } from '../find/compile-where.js';
import type { OrderBy, Where } from '../model/pool-definition.js';
import { compileODataFilter } from './compile-odata-filter.js';
import { odataError } from './odata-error.js';
import {
  DEFAULT_ODATA_LIMITS,
  type ODataLimits,
  type ODataParams,
  type ODataQuery,
} from './odata-query.js';

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * Reads the OData options of a list request against the list's fields:
 * `$filter` compiled onto the find filter, `$orderby` (fields with `asc` or
 * `desc`), `$top` (capped at `limits.maxTop`: no query runs unbounded),
 * `$skip`, `$select` and `$count`.
 *
 * @throws AllotError `INVALID_INPUT` whose `field` is the option, naming the unknown field, bad literal or unsupported function
 */
export function parseODataQuery(
  params: ODataParams,
  fields: readonly string[],
  limits: ODataLimits = DEFAULT_ODATA_LIMITS,
): ODataQuery {
  const known = new Set(fields);
  const filter = params.$filter?.trim();
  return {
    where: filter === undefined || filter === '' ? undefined : checkedWhere(filter, fields),
    order: orderOf(params.$orderby, known),
    skip: integerOf('$skip', params.$skip, 0, 0, Number.MAX_SAFE_INTEGER),
    top: integerOf('$top', params.$top, limits.defaultTop, 0, limits.maxTop),
    select: selectOf(params.$select, known),
    count: countOf(params.$count),
  };
}

/** The filter compiled, and its operands checked by the find engine (`gt 'soon'` is no date). */
function checkedWhere(filter: string, fields: readonly string[]): Where {
  const where = compileODataFilter(filter, fields);
  compileWhere(where, [...fields], '$filter');
  return where;
}

function orderOf(text: string | undefined, known: ReadonlySet<string>): OrderBy[] {
  if (text === undefined || text.trim() === '') return [];
  return text.split(',').map((item) => {
    const match = /^\s*([^\s]+)(?:\s+(asc|desc))?\s*$/i.exec(item);
    if (match === null)
      throw odataError('$orderby', `"${item.trim()}" is not a field with an optional asc or desc`);
    const column = fieldOf('$orderby', match[1] as string, known);
    return { column, direction: (match[2]?.toLowerCase() ?? 'asc') as 'asc' | 'desc' };
  });
}

function selectOf(text: string | undefined, known: ReadonlySet<string>): string[] | undefined {
  if (text === undefined || text.trim() === '' || text.trim() === '*') return undefined;
  return [...new Set(text.split(',').map((item) => fieldOf('$select', item.trim(), known)))];
}

function fieldOf(option: string, name: string, known: ReadonlySet<string>): string {
  if (!NAME.test(name) || !known.has(name))
    throw odataError(option, `unknown field "${name}"; the fields are ${[...known].join(', ')}`, {
      unknownField: name,
    });
  return name;
}

function integerOf(
  option: string,
  value: string | number | undefined,
  fallback: number,
  min: number,
  max: number,
): number {
  if (value === undefined || value === '') return fallback;
  const text = String(value).trim();
  if (!/^[0-9]{1,16}$/.test(text) || Number(text) < min)
    throw odataError(option, `expected a whole number from ${min}, got "${text}"`);
  const number = Number(text);
  if (number > max) throw odataError(option, `at most ${max}, got ${number}`);
  return number;
}

function countOf(value: string | boolean | undefined): boolean {
  if (value === undefined || value === '' || value === false || value === 'false') return false;
  if (value === true || value === 'true') return true;
  throw odataError('$count', `expected true or false, got "${String(value)}"`);
}
