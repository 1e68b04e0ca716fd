import { toNumber, type Value } from '@allot/core';

/** How a compiled filter reads a row's cells and binds its values. */
export interface WhereSqlContext {
  /** Binds a value as a parameter; returns its placeholder with the cast to `type`. */
  bind: (value: unknown, type: string) => string;
  /** SQL reading the cell at a column index. */
  cell: (index: number) => CellSql;
}

/**
 * A cell in SQL: its text (the string, a number's JSON text, `true` or
 * `false`; NULL for a null or missing cell), its type as JSON names it
 * (`'string'`, `'number'`, `'boolean'`, `'null'`) and its number as
 * `toNumber` reads it (NULL when it is none). Getters, so a caller can
 * extract only what a filter reads.
 */
export interface CellSql {
  readonly text: string;
  readonly type: string;
  readonly number: string;
}

/** Thrown inside the compiler for a filter SQL does not evaluate as the engine does. */
class Unsupported extends Error {}

const TRUE_WORD = `'^[Tt][Rr][Uu][Ee]$'`;
const FALSE_WORD = `'^[Ff][Aa][Ll][Ss][Ee]$'`;

/**
 * Compiles a find's `where` to a SQL boolean with the semantics of core's
 * `compileWhere`: equality (`matchValues`), numbers compared as numbers
 * (`find_number` reads strings as `toNumber` does), `contains`,
 * `startsWith`, `isNull`, `ne`, `not`, `and`, `or`. Every predicate is
 * two-valued (never NULL), so `NOT` negates as in JavaScript. Values are
 * bound through `context.bind`; only column indexes are written into the text.
 *
 * @returns undefined for a filter it does not compile (a date range, or
 *   anything the engine would reject); the caller then filters in memory
 */
export function compileWhereSql(
  where: unknown,
  columns: readonly string[],
  context: WhereSqlContext,
): string | undefined {
  try {
    return where === undefined ? 'true' : node(where, { columns, ...context });
  } catch (error) {
    if (error instanceof Unsupported) return undefined;
    throw error;
  }
}

interface Context extends WhereSqlContext {
  columns: readonly string[];
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function node(where: unknown, context: Context): string {
  if (!isObject(where)) throw new Unsupported();
  const parts: string[] = [];
  for (const [key, value] of Object.entries(where)) {
    if (value === undefined) continue;
    if (key === 'and') parts.push(all(list(value, context)));
    else if (key === 'or') parts.push(any(list(value, context)));
    else if (key === 'not') parts.push(`NOT ${node(value, context)}`);
    else parts.push(column(key, value, context));
  }
  return all(parts);
}

function list(value: unknown, context: Context): string[] {
  if (!Array.isArray(value)) throw new Unsupported();
  return value.map((item: unknown) => node(item, context));
}

function all(parts: string[]): string {
  return parts.length === 0 ? 'true' : `(${parts.join(' AND ')})`;
}

function any(parts: string[]): string {
  return parts.length === 0 ? 'false' : `(${parts.join(' OR ')})`;
}

function column(name: string, value: unknown, context: Context): string {
  const index = context.columns.indexOf(name);
  if (index < 0) throw new Unsupported();
  const cell = new Cell(context.cell(index), context.bind);
  return isObject(value) ? condition(value, cell) : cell.equals([checked(value)]);
}

function condition(condition: Record<string, unknown>, cell: Cell): string {
  const parts: string[] = [];
  for (const [operator, operand] of Object.entries(condition)) {
    if (operand === undefined) continue;
    parts.push(operatorSql(operator, operand, cell));
  }
  if (parts.length === 0) throw new Unsupported();
  return all(parts);
}

function operatorSql(operator: string, operand: unknown, cell: Cell): string {
  switch (operator) {
    case 'eq':
      return cell.equals([checked(operand)]);
    case 'ne':
      return `NOT ${cell.equals([checked(operand)])}`;
    case 'in':
      if (!Array.isArray(operand)) throw new Unsupported();
      return cell.equals(operand.map(checked));
    case 'gt':
      return cell.compare('>', operand);
    case 'gte':
      return cell.compare('>=', operand);
    case 'lt':
      return cell.compare('<', operand);
    case 'lte':
      return cell.compare('<=', operand);
    case 'contains':
      return cell.text('strpos', operand);
    case 'startsWith':
      return cell.text('starts_with', operand);
    case 'endsWith':
      return cell.text('ends_with', operand);
    case 'isNull':
      if (typeof operand !== 'boolean') throw new Unsupported();
      return operand ? cell.isEmpty() : `NOT ${cell.isEmpty()}`;
    case 'not':
      return `NOT ${isObject(operand) ? condition(operand, cell) : cell.equals([checked(operand)])}`;
    default:
      throw new Unsupported();
  }
}

function checked(value: unknown): Value {
  if (typeof value === 'string') return bindable(value);
  if (value === null || typeof value === 'boolean') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  throw new Unsupported();
}

/**
 * A string PostgreSQL can take as a parameter: text cannot hold U+0000, so a
 * filter with one is left to the engine (no stored cell holds one either).
 */
function bindable(text: string): string {
  if (text.includes('\u0000')) throw new Unsupported();
  return text;
}

/** The number whose `String()` is exactly `text`, else NaN: how a string operand meets a number cell. */
function canonicalNumber(text: string): number {
  const number = toNumber(text);
  return String(number) === text ? number : NaN;
}

/** One column of the row, and the predicates over it. */
class Cell {
  readonly #cell: CellSql;
  readonly #text: string;
  readonly #bind: Context['bind'];

  constructor(cell: CellSql, bind: Context['bind']) {
    this.#cell = cell;
    this.#text = cell.text;
    this.#bind = bind;
  }

  /** null, a missing cell and "" are the empty cell. */
  isEmpty(): string {
    return `coalesce(${this.#text} = '', true)`;
  }

  /** `matchValues`: one operand by its own rules, several as an operand set. */
  equals(operands: Value[]): string {
    const only = operands[0];
    if (operands.length === 1 && only !== undefined) return this.#equalsOne(only);
    return this.#equalsAnyOf(operands);
  }

  /** `gt`/`gte`/`lt`/`lte` on numbers; a date range is left to the engine. */
  compare(operator: string, operand: unknown): string {
    if (typeof operand !== 'number' || !Number.isFinite(operand)) throw new Unsupported();
    return `coalesce(${this.#cell.number} ${operator} ${this.#bind(operand, 'float8')}, false)`;
  }

  /** `contains` (strpos), `startsWith` and `endsWith` on strings, numbers and booleans as written. */
  text(fn: 'strpos' | 'starts_with' | 'ends_with', operand: unknown): string {
    if (typeof operand !== 'string') throw new Unsupported();
    bindable(operand);
    const bound = this.#bind(operand, 'text');
    const call =
      fn === 'strpos'
        ? `strpos(${this.#text}, ${bound}) > 0`
        : fn === 'starts_with'
          ? `starts_with(${this.#text}, ${bound})`
          : `right(${this.#text}, char_length(${bound})) = ${bound}`;
    return `coalesce(${this.#cell.type} IN ('string', 'number', 'boolean') AND ${call}, false)`;
  }

  #equalsOne(operand: Value): string {
    if (operand === null || operand === '') return this.isEmpty();
    if (typeof operand === 'number') {
      return `coalesce(${this.#cell.number} = ${this.#bind(operand, 'float8')}, false)`;
    }
    if (typeof operand === 'boolean') return this.#word(operand);
    const asNumber = canonicalNumber(operand);
    // The text first: the cell's type is read only for the rows whose text is equal.
    if (Number.isNaN(asNumber))
      return `coalesce(${this.#text} = ${this.#bind(operand, 'text')} AND ${this.#cell.type} IN ('string', 'boolean'), false)`;
    const numberCell = `${this.#cell.number} = ${this.#bind(asNumber, 'float8')}`;
    return `coalesce(CASE ${this.#cell.type} WHEN 'number' THEN ${numberCell} WHEN 'string' THEN ${this.#text} = ${this.#bind(operand, 'text')} WHEN 'boolean' THEN ${this.#text} = ${this.#bind(operand, 'text')} ELSE false END, false)`;
  }

  #equalsAnyOf(operands: Value[]): string {
    const strings = operands.filter((o): o is string => typeof o === 'string' && o !== '');
    const numbers = operands.filter((o): o is number => typeof o === 'number');
    const numberStrings = strings.map(canonicalNumber).filter((n) => !Number.isNaN(n));
    const empty = operands.includes(null) || operands.includes('');
    const matchesTrue = operands.includes(true) || strings.includes('true');
    const matchesFalse = operands.includes(false) || strings.includes('false');
    const words = [...(matchesTrue ? ['true'] : []), ...(matchesFalse ? ['false'] : [])];
    const stringCell = [
      `${this.#text} = ANY(${this.#bind(strings, 'text[]')})`,
      numbers.length === 0
        ? 'false'
        : `${this.#cell.number} = ANY(${this.#bind(numbers, 'float8[]')})`,
      matchesTrue ? `${this.#text} ~ ${TRUE_WORD}` : 'false',
      matchesFalse ? `${this.#text} ~ ${FALSE_WORD}` : 'false',
    ].join(' OR ');
    return `coalesce(CASE
      WHEN ${this.#text} IS NULL OR ${this.#text} = '' THEN ${empty}
      WHEN ${this.#cell.type} = 'number' THEN ${this.#cell.number} = ANY(${this.#bind([...numbers, ...numberStrings], 'float8[]')})
      WHEN ${this.#cell.type} = 'boolean' THEN ${this.#text} = ANY(${this.#bind(words, 'text[]')})
      ELSE ${stringCell}
    END, false)`;
  }

  #word(value: boolean): string {
    return `coalesce(${this.#text} ~ ${value ? TRUE_WORD : FALSE_WORD}, false)`;
  }
}
