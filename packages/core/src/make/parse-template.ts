import { AllotError } from '../errors.js';

/** A `{{module.method}}` or `{{module.method(args)}}` in a template. */
export interface Placeholder {
  /** The placeholder as written, `{{…}}` included, for messages. */
  source: string;
  /** `run.namespace`, `string.alphanumeric`, … */
  name: string;
  module: string;
  method: string;
  /** The parsed JSON arguments; null when the placeholder has no parentheses. */
  args: unknown[] | null;
}

export type TemplatePart = string | Placeholder;

/** Names of modules and methods: plain camelCase, so `__proto__` and `constructor`-like tricks cannot appear. */
const SEGMENT = /^[a-z][A-Za-z0-9]*$/;

/**
 * Splits a template into literal text and placeholders.
 *
 * @throws AllotError `INVALID_INPUT` when a placeholder is not closed, is not
 *   `module.method`, or has arguments that are not JSON
 */
export function parseTemplate(template: string): TemplatePart[] {
  const parts: TemplatePart[] = [];
  let position = 0;
  for (;;) {
    const open = template.indexOf('{{', position);
    if (open === -1) break;
    if (open > position) parts.push(template.slice(position, open));
    const { placeholder, end } = readPlaceholder(template, open);
    parts.push(placeholder);
    position = end;
  }
  if (position < template.length) parts.push(template.slice(position));
  return parts;
}

function readPlaceholder(
  template: string,
  open: number,
): { placeholder: Placeholder; end: number } {
  const nameMatch = /^\s*([^\s(){}]*)\s*/.exec(template.slice(open + 2));
  const name = nameMatch?.[1] ?? '';
  let cursor = open + 2 + (nameMatch?.[0].length ?? 0);
  let argsText: string | null = null;
  if (template[cursor] === '(') {
    const close = closingParenthesis(template, cursor);
    if (close === -1) throw invalid(template, `"${template.slice(open)}" has no closing ")"`);
    argsText = template.slice(cursor + 1, close);
    cursor = skipSpaces(template, close + 1);
  }
  if (!template.startsWith('}}', cursor)) {
    throw invalid(template, `"${template.slice(open)}" is not closed with "}}"`);
  }
  const source = template.slice(open, cursor + 2);
  return { placeholder: placeholderOf(template, source, name, argsText), end: cursor + 2 };
}

function placeholderOf(template: string, source: string, name: string, argsText: string | null) {
  const [module = '', method = '', ...rest] = name.split('.');
  if (rest.length > 0 || !SEGMENT.test(module) || !SEGMENT.test(method)) {
    throw invalid(template, `"${source}" must name module.method, e.g. {{person.fullName}}`);
  }
  const placeholder: Placeholder = { source, name, module, method, args: null };
  if (argsText !== null) placeholder.args = parseArgs(template, source, argsText);
  return placeholder;
}

function parseArgs(template: string, source: string, text: string): unknown[] {
  try {
    return JSON.parse(`[${text}]`) as unknown[];
  } catch {
    throw invalid(
      template,
      `the arguments of "${source}" are not JSON, e.g. {{number.int({"max":9})}}`,
    );
  }
}

/** Finds the `)` that ends the arguments, skipping parentheses inside JSON strings. */
function closingParenthesis(text: string, open: number): number {
  let inString = false;
  for (let index = open + 1; index < text.length; index += 1) {
    const char = text[index];
    if (inString) {
      if (char === '\\') index += 1;
      else if (char === '"') inString = false;
    } else if (char === '"') {
      inString = true;
    } else if (char === ')') {
      return index;
    }
  }
  return -1;
}

function skipSpaces(text: string, from: number): number {
  let index = from;
  while (index < text.length && /\s/.test(text[index] ?? '')) index += 1;
  return index;
}

function invalid(template: string, problem: string): AllotError {
  return new AllotError(
    'INVALID_INPUT',
    `invalid template ${JSON.stringify(template)}: ${problem}`,
    {
      template,
    },
  );
}
