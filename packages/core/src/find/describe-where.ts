import type { Where } from '../model/pool-definition.js';
import { isPlainObject } from './invalid-input.js';

/** A described clause and how it binds, to know when it needs parentheses. */
interface Phrase {
  text: string;
  kind: 'atom' | 'and' | 'or';
}

const SYMBOLS: Record<string, string> = {
  eq: '=',
  ne: '!=',
  gt: '>',
  gte: '>=',
  lt: '<',
  lte: '<=',
  in: 'in',
  contains: 'contains',
  startsWith: 'starts with',
  endsWith: 'ends with',
};

/** Words of the description itself, quoted when they are values. */
const KEYWORDS = new Set(['and', 'or', 'not', 'in', 'null', 'true', 'false', 'empty']);

/**
 * A where as a person reads it in a report, e.g.
 * `status = locked and balance > 100 and (tier = gold or not country in [DE, FR])`;
 * `any row` when it is empty. It describes whatever it is given and never
 * throws: validation is {@link compileWhere}'s job.
 */
export function describeWhere(where: Where | undefined): string {
  const phrase = describeNode(where);
  return phrase === null ? 'any row' : phrase.text;
}

function describeNode(where: unknown): Phrase | null {
  if (!isPlainObject(where)) return where === undefined ? null : atom(formatValue(where));
  const parts: Phrase[] = [];
  for (const [key, value] of Object.entries(where)) {
    if (value === undefined) continue;
    const phrase = describeEntry(key, value);
    if (phrase !== null) parts.push(phrase);
  }
  return join(parts, 'and');
}

function describeEntry(key: string, value: unknown): Phrase | null {
  if (key === 'and' || key === 'or') {
    const items = Array.isArray(value) ? value : [value];
    const parts = items.map(describeNode).filter((part) => part !== null);
    if (key === 'or' && parts.length === 0) return atom('no row');
    return join(parts, key);
  }
  if (key === 'not') return negate(describeNode(value));
  if (isPlainObject(value)) return describeCondition(key, value);
  return atom(`${key} = ${formatValue(value)}`);
}

function describeCondition(column: string, condition: Record<string, unknown>): Phrase | null {
  const parts: Phrase[] = [];
  for (const [operator, operand] of Object.entries(condition)) {
    if (operand === undefined) continue;
    parts.push(describeOperator(column, operator, operand));
  }
  return join(parts, 'and');
}

function describeOperator(column: string, operator: string, operand: unknown): Phrase {
  if (operator === 'isNull') return atom(`${column} is ${operand === false ? 'not ' : ''}empty`);
  if (operator === 'not') {
    const inner = isPlainObject(operand)
      ? describeCondition(column, operand)
      : atom(`${column} = ${formatValue(operand)}`);
    return negate(inner) ?? atom('any row');
  }
  return atom(`${column} ${SYMBOLS[operator] ?? operator} ${formatValue(operand)}`);
}

function join(parts: Phrase[], kind: 'and' | 'or'): Phrase | null {
  const [first] = parts;
  if (first === undefined) return null;
  if (parts.length === 1) return first;
  // Mixed and/or always get parentheses, so nobody has to know which binds tighter.
  const texts = parts.map((part) =>
    part.kind === 'atom' || part.kind === kind ? part.text : `(${part.text})`,
  );
  return { text: texts.join(` ${kind} `), kind };
}

function negate(phrase: Phrase | null): Phrase | null {
  if (phrase === null) return atom('no row');
  return atom(phrase.kind === 'atom' ? `not ${phrase.text}` : `not (${phrase.text})`);
}

function atom(text: string): Phrase {
  return { text, kind: 'atom' };
}

function formatValue(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(formatValue).join(', ')}]`;
  if (typeof value !== 'string') return JSON.stringify(value) ?? String(value);
  // Bare words read best; quotes only where a bare string would be ambiguous.
  return /^[^\s,[\]()"']+$/.test(value) && !KEYWORDS.has(value) ? value : JSON.stringify(value);
}
