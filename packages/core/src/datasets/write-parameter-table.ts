import { AllotError } from '../errors.js';

/** The test frameworks a dataset list exports to as a parameter table. */
export const PARAMETER_TABLE_FORMATS = ['playwright', 'jest', 'pytest'] as const;

export type ParameterTableFormat = (typeof PARAMETER_TABLE_FORMATS)[number];

/** A dataset as a table row: its name and its values by variable name, in the variables' order. */
export interface ParameterRow {
  name: string;
  values: ReadonlyArray<{ name: string; value: string }>;
}

/**
 * Writes datasets as a parameter table a framework runs one test per row
 * of: a TypeScript module for Playwright (`for (const data of datasets)
 * test(…)`), a `test.each` table for Jest, a `pytest.mark.parametrize`
 * decorator for pytest. Every string is written as a JSON string literal,
 * which both languages read as the same text, so no value can break out of
 * its quotes.
 *
 * @throws AllotError `INVALID_INPUT` for an unknown format
 */
export function writeParameterTable(
  format: string,
  rows: readonly ParameterRow[],
  header: string,
): string {
  switch (format) {
    case 'playwright':
      return playwright(rows, header);
    case 'jest':
      return jest(rows, header);
    case 'pytest':
      return pytest(rows, header);
    default:
      throw new AllotError(
        'INVALID_INPUT',
        `format: expected one of ${PARAMETER_TABLE_FORMATS.join(', ')}, got "${format}"`,
        { field: 'format' },
      );
  }
}

const q = (text: string) => JSON.stringify(text);

function objectOf(row: ParameterRow, indent: string): string {
  const lines = row.values.map((v) => `${indent}  ${q(v.name)}: ${q(v.value)},`);
  return `{\n${lines.join('\n')}\n${indent}}`;
}

function playwright(rows: readonly ParameterRow[], header: string): string {
  const items = rows.map((row) => `  { name: ${q(row.name)}, values: ${objectOf(row, '  ')} },`);
  return [
    `// ${header}`,
    '// One test per dataset:',
    '//   for (const { name, values } of datasets) test(`checkout with ${name}`, async ({ page }) => { … values.browser … });',
    `export const datasets: ReadonlyArray<{ name: string; values: Readonly<Record<string, string>> }> = [`,
    ...items,
    '];',
    '',
  ].join('\n');
}

function jest(rows: readonly ParameterRow[], header: string): string {
  const items = rows.map((row) => {
    const values = row.values.map((v) => `    ${q(v.name)}: ${q(v.value)},`);
    return `  {\n    dataset: ${q(row.name)},\n${values.join('\n')}\n  },`;
  });
  return [
    `// ${header}`,
    "// One test per dataset: test.each(table)('$dataset', (row) => { … row.browser … });",
    'export const table = [',
    ...items,
    '];',
    '',
  ].join('\n');
}

function pytest(rows: readonly ParameterRow[], header: string): string {
  const names = pythonNames(rows[0]?.values.map((v) => v.name) ?? []);
  const argnames = ['dataset', ...names].map(q).join(', ');
  const params = rows.map((row) => {
    const values = [row.name, ...row.values.map((v) => v.value)].map(q).join(', ');
    return `        pytest.param(${values}, id=${q(row.name)}),`;
  });
  return [
    `# ${header}`,
    '# One test per dataset: decorate a test with DATASETS and take the variables as arguments.',
    'import pytest',
    '',
    'DATASETS = pytest.mark.parametrize(',
    `    (${argnames}${names.length === 0 ? ',' : ''}),`,
    '    [',
    ...params,
    '    ],',
    ')',
    '',
  ].join('\n');
}

const PYTHON_KEYWORDS = new Set(
  'False None True and as assert async await break class continue def del elif else except finally for from global if import in is lambda nonlocal not or pass raise return try while with yield'.split(
    ' ',
  ),
);

/** Variable names as Python argument names: identifiers, distinct, none named `dataset`. */
function pythonNames(names: readonly string[]): string[] {
  const taken = new Set(['dataset']);
  return names.map((name) => {
    let base = name.replace(/[^A-Za-z0-9_]/g, '_');
    if (!/^[A-Za-z_]/.test(base)) base = `_${base}`;
    if (PYTHON_KEYWORDS.has(base)) base = `${base}_`;
    let candidate = base;
    for (let n = 2; taken.has(candidate); n++) candidate = `${base}_${n}`;
    taken.add(candidate);
    return candidate;
  });
}
