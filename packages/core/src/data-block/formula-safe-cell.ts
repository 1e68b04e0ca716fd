/**
 * A cell whose first visible character is `=`, `+`, `-` or `@` (after any
 * leading whitespace, which spreadsheets skip), or that starts with a tab or
 * carriage return: what a spreadsheet may run as a formula (OWASP "CSV
 * injection").
 */
const FORMULA_START = /^(\s*[=+\-@]|[\t\r])/;

/**
 * A whole cell that is one decimal number, sign and exponent allowed
 * (`-12.50`, `+1`, `-3e5`, `.5`): a spreadsheet reads it as that number and
 * runs nothing, so it stays as it is. Anything more (`-1+1`, ` -1`,
 * `-0x1F`, `-Infinity`) is text and is neutralised.
 */
const PLAIN_NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/**
 * The one rule every text table writer applies to every cell, header
 * included: a cell a spreadsheet would run as a formula gets a leading `'`,
 * which spreadsheets show as text; plain numbers are left alone. JSON is not
 * put through it: it is read by programs, which must get the values as stored.
 */
export function formulaSafeCell(text: string): string {
  return FORMULA_START.test(text) && !PLAIN_NUMBER.test(text) ? `'${text}` : text;
}
