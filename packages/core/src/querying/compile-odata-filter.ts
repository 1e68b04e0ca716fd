import { createRequire } from 'node:module';
import type * as OData from '@odata/parser';
import type { Value } from '../model/block-version.js';
import type { ColumnCondition, Where } from '../model/pool-definition.js';
import { odataError } from './odata-error.js';
import { rewriteInLists, type InList } from './rewrite-in-lists.js';

// The parser costs about 0.2 s of CPU to load: required on the first filter,
// so a command that compiles none never loads it.
const require = createRequire(import.meta.url);
let parser: typeof OData.defaultParser | undefined;
const odataParser = (): typeof OData.defaultParser =>
  (parser ??= (require('@odata/parser') as typeof OData).defaultParser);

/** A node of the parser's syntax tree, as far as the compiler reads it. */
interface Token {
  type: string;
  value: unknown;
  raw?: string;
}

/** The functions a filter may call, each a find operator on a field and a string. */
const FUNCTIONS: Record<string, 'contains' | 'startsWith' | 'endsWith'> = {
  contains: 'contains',
  startswith: 'startsWith',
  endswith: 'endsWith',
};

const COMPARISONS: Record<string, { op: 'eq' | 'ne' | 'gt' | 'gte' | 'lt' | 'lte'; flip: string }> =
  {
    EqualsExpression: { op: 'eq', flip: 'eq' },
    NotEqualsExpression: { op: 'ne', flip: 'ne' },
    GreaterThanExpression: { op: 'gt', flip: 'lt' },
    GreaterOrEqualsExpression: { op: 'gte', flip: 'lte' },
    LesserThanExpression: { op: 'lt', flip: 'gt' },
    LesserOrEqualsExpression: { op: 'lte', flip: 'gte' },
  };

const NUMBER_TYPES = new Set([
  'Edm.SByte',
  'Edm.Byte',
  'Edm.Int16',
  'Edm.Int32',
  'Edm.Int64',
  'Edm.Decimal',
  'Edm.Double',
  'Edm.Single',
]);
const TEXT_TYPES = new Set(['Edm.Date', 'Edm.DateTimeOffset', 'Edm.TimeOfDay', 'Edm.Guid']);

/** Names followed by `(` that are not function calls. */
const KEYWORDS = new Set(['and', 'or', 'not', 'in']);

/**
 * Compiles an OData `$filter` onto a find's `where`, so that it runs
 * wherever finds run: in memory (`compileWhere`) and as SQL on PostgreSQL.
 * Comparisons (`eq`, `ne`, `gt`, `ge`, `lt`, `le`) of a field and a literal,
 * `and`, `or`, `not`, parentheses, `contains`, `startswith`, `endswith` and
 * `in`. `eq null` and `ne null` test for an empty field.
 *
 * @param fields - the fields the list has: any other name is refused
 * @throws AllotError `INVALID_INPUT` with `field: "$filter"` naming an unknown field, a bad literal, an unsupported function or a malformed filter
 */
export function compileODataFilter(filter: string, fields: readonly string[]): Where {
  const unsupported = unsupportedFunction(filter);
  if (unsupported !== undefined)
    throw odataError(
      '$filter',
      `unsupported function "${unsupported}"; use contains, startswith or endswith`,
      { function: unsupported },
    );
  const marker = markerFor(filter);
  const { filter: rewritten, lists } = rewriteInLists(filter, marker);
  let tree: Token;
  try {
    tree = odataParser().filter(rewritten) as unknown as Token;
  } catch (error) {
    const at = /at (\d+)/.exec((error as Error).message)?.[1];
    throw odataError(
      '$filter',
      at === undefined
        ? 'the filter does not parse'
        : `the filter does not parse at ${Number(at) + 1}, near "${rewritten.slice(Number(at), Number(at) + 20)}"`,
    );
  }
  return new FilterCompiler(new Set(fields), lists, marker).node(tree);
}

/** An operand or operator of a sequence of `and`, `or` and `not`. */
type Item = Where | 'and' | 'or' | 'not';

class FilterCompiler {
  constructor(
    readonly fields: ReadonlySet<string>,
    readonly lists: readonly InList[],
    readonly marker: string,
  ) {}

  node(token: Token): Where {
    switch (token.type) {
      case 'AndExpression':
      case 'OrExpression':
      case 'NotExpression':
        return this.#logical(token);
      case 'BoolParenExpression':
      case 'ParenExpression':
        return this.node(token.value as Token);
      case 'MethodCallExpression':
        return this.#call(token);
      default: {
        const comparison = COMPARISONS[token.type];
        if (comparison !== undefined) return this.#compare(token, comparison);
        if (token.type === 'FirstMemberExpression')
          throw odataError('$filter', `"${token.raw ?? ''}" alone is not a condition; compare it`);
        throw odataError('$filter', `"${token.raw ?? token.type}" is not supported`);
      }
    }
  }

  /**
   * `and`, `or` and `not` rebuilt with OData's precedence (not, then and,
   * then or): the parser reads `not a eq 1 and b eq 2` as `not (… and …)`,
   * so its tree is only taken as the sequence of operands and operators it
   * holds, in the order written, and grouped again here.
   */
  #logical(token: Token): Where {
    const items: Item[] = [];
    this.#flatten(token, items);
    let at = 0;
    const unary = (): Where => {
      const item = items[at++];
      if (item === 'not') return { not: unary() };
      if (item === undefined || item === 'and' || item === 'or')
        throw odataError('$filter', 'an operand is missing');
      return item;
    };
    const chain = (key: 'and' | 'or', next: () => Where): Where => {
      const parts = [next()];
      while (items[at] === key) {
        at++;
        parts.push(next());
      }
      return parts.length === 1 ? (parts[0] as Where) : { [key]: parts };
    };
    return chain('or', () => chain('and', unary));
  }

  #flatten(token: Token, items: Item[]): void {
    if (token.type === 'AndExpression' || token.type === 'OrExpression') {
      const { left, right } = token.value as { left: Token; right: Token };
      this.#flatten(left, items);
      items.push(token.type === 'AndExpression' ? 'and' : 'or');
      this.#flatten(right, items);
    } else if (token.type === 'NotExpression') {
      items.push('not');
      this.#flatten(token.value as Token, items);
    } else {
      items.push(this.node(token));
    }
  }

  #call(token: Token): Where {
    const { method, parameters } = token.value as { method: string; parameters: Token[] };
    const operator = FUNCTIONS[method];
    if (operator === undefined)
      throw odataError('$filter', `unsupported function "${method}"`, { function: method });
    const [first, second] = parameters;
    if (parameters.length !== 2 || first === undefined || second === undefined)
      throw odataError('$filter', `${method} takes a field and a string`);
    const field = this.#field(first);
    const text = this.#literal(second);
    if (field === undefined || typeof text !== 'string')
      throw odataError(
        '$filter',
        `${method} takes a field and a string, as ${method}(name,'text')`,
      );
    return { [field]: { [operator]: text } };
  }

  #compare(token: Token, comparison: { op: string; flip: string }): Where {
    const { left, right } = token.value as { left: Token; right: Token };
    const leftField = this.#field(left);
    const rightField = this.#field(right);
    if (leftField !== undefined && rightField !== undefined)
      throw odataError(
        '$filter',
        `"${token.raw ?? ''}" compares two fields; compare a field and a literal`,
      );
    if (leftField === undefined && rightField === undefined)
      throw odataError('$filter', `"${token.raw ?? ''}" names no field`);
    const field = (leftField ?? rightField) as string;
    const op = leftField !== undefined ? comparison.op : comparison.flip;
    const value = this.#literal(leftField !== undefined ? right : left);
    const list = this.#inList(value);
    if (list !== undefined) return { [field]: { in: list } };
    if (op === 'eq' && value === null) return { [field]: { isNull: true } };
    if (op === 'ne' && value === null) return { [field]: { isNull: false } };
    if (op !== 'eq' && op !== 'ne' && (value === null || typeof value === 'boolean'))
      throw odataError(
        '$filter',
        `${op.replace('te', 'e')} needs a number or a date, got ${String(value)}`,
      );
    const condition: ColumnCondition = { [op]: value };
    return { [field]: condition };
  }

  #inList(value: Value): Value[] | undefined {
    if (typeof value !== 'string' || !value.startsWith(this.marker)) return undefined;
    const list = this.lists[Number(value.slice(this.marker.length))];
    if (list === undefined) return undefined;
    this.#checkField(list.field);
    return list.literals.map((raw) => {
      const parsed = literalOf(raw);
      if (parsed === undefined)
        throw odataError('$filter', `bad literal ${raw} in the list of "in"`, { literal: raw });
      return parsed;
    });
  }

  #field(token: Token): string | undefined {
    if (token.type !== 'FirstMemberExpression') return undefined;
    let inner: Token | undefined = token;
    while (inner !== undefined && inner.type !== 'ODataIdentifier') {
      const value = inner.value as (Token & { current?: Token }) | undefined;
      if (value !== undefined && 'current' in value && value.current !== undefined)
        throw odataError('$filter', `"${token.raw ?? ''}" is a path; name a field of the list`);
      inner = value;
    }
    const name = (inner?.value as { name?: string } | undefined)?.name;
    if (name === undefined) throw odataError('$filter', `"${token.raw ?? ''}" is not a field`);
    return this.#checkField(name);
  }

  #checkField(name: string): string {
    if (!this.fields.has(name))
      throw odataError(
        '$filter',
        `unknown field "${name}"; the fields are ${[...this.fields].join(', ')}`,
        { unknownField: name },
      );
    return name;
  }

  #literal(token: Token): Value {
    if (token.type !== 'Literal')
      throw odataError('$filter', `"${token.raw ?? token.type}" is not a literal value`);
    const parsed = literalOf(token.raw ?? '', token.value as string);
    if (parsed === undefined)
      throw odataError('$filter', `bad literal ${token.raw ?? ''}`, { literal: token.raw });
    return parsed;
  }
}

/** A literal's value: strings, numbers, booleans, null; dates, times and GUIDs as their text. */
function literalOf(raw: string, type = typeOfLiteral(raw)): Value | undefined {
  if (type === 'null') return null;
  if (type === 'Edm.String') return raw.slice(1, -1).replaceAll("''", "'");
  if (type === 'Edm.Boolean') return raw.toLowerCase() === 'true';
  if (NUMBER_TYPES.has(type)) {
    const number = Number(raw);
    return Number.isFinite(number) ? number : undefined;
  }
  if (TEXT_TYPES.has(type)) return raw;
  return undefined;
}

/** The type the parser gives a literal written alone (the items of an `in` list). */
function typeOfLiteral(raw: string): string {
  try {
    const tree = odataParser().filter(`x eq ${raw}`) as unknown as Token;
    const right = (tree.value as { right?: Token }).right;
    if (right?.type !== 'Literal' || right.raw !== raw) return 'unknown';
    return right.value as string;
  } catch {
    return 'unknown';
  }
}

/** The first name called as a function that the filter language here lacks. */
function unsupportedFunction(filter: string): string | undefined {
  const outsideStrings = filter.replace(/'(?:[^']|'')*'/g, "''");
  for (const match of outsideStrings.matchAll(/([A-Za-z_][A-Za-z0-9_.]*)\s*\(/g)) {
    const name = match[1] as string;
    if (!KEYWORDS.has(name.toLowerCase()) && FUNCTIONS[name] === undefined) return name;
  }
  return undefined;
}

/** A placeholder prefix the filter does not contain, for its `in` lists. */
function markerFor(filter: string): string {
  let marker = 'allot-in-list-';
  while (filter.includes(marker)) marker += '-';
  return marker;
}
