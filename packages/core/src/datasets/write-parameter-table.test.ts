import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { writeParameterTable, type ParameterRow } from './write-parameter-table.js';

const ROWS: ParameterRow[] = [
  {
    name: 'Default',
    values: [
      { name: 'browser', value: 'Chrome' },
      { name: 'class', value: 'it\'s "quoted"\nand \\ escaped ${x} \u2028' },
      { name: 'birth year', value: '' },
    ],
  },
  {
    name: 'x"); import os; ("',
    values: [
      { name: 'browser', value: "'''" },
      { name: 'class', value: '*/ //' },
      { name: 'birth year', value: '1980' },
    ],
  },
];

/** Python reads the pytest table back where a python3 is installed (Debian has one). */
const HAS_PYTHON = (() => {
  try {
    execFileSync('python3', ['--version']);
    return true;
  } catch {
    return false;
  }
})();

/** Each table read back by its own language gives every value exactly as it was. */
describe('writeParameterTable', () => {
  it.skipIf(!HAS_PYTHON)(
    'writes a pytest parametrize that Python reads back value for value',
    () => {
      const source = writeParameterTable('pytest', ROWS, 'header');
      expect(source).toContain('("dataset", "browser", "class_", "birth_year")');
      const script = [
        'import ast, json, sys',
        'tree = ast.parse(sys.stdin.read())',
        'call = tree.body[1].value',
        'rows = [[ast.literal_eval(a) for a in p.args] for p in call.args[1].elts]',
        'print(json.dumps([ast.literal_eval(call.args[0]), rows]))',
      ].join('\n');
      const [names, rows] = JSON.parse(
        execFileSync('python3', ['-c', script], { input: source, encoding: 'utf8' }),
      ) as [string[], string[][]];
      expect(names).toEqual(['dataset', 'browser', 'class_', 'birth_year']);
      expect(rows).toEqual(ROWS.map((r) => [r.name, ...r.values.map((v) => v.value)]));
    },
  );

  it('writes a Jest test.each table and a Playwright module that JavaScript reads back', () => {
    const jest = writeParameterTable('jest', ROWS, 'header').replace('export const', 'const');
    const table = new Function(`${jest}; return table;`)() as Array<Record<string, string>>;
    expect(table).toEqual(
      ROWS.map((r) => ({
        dataset: r.name,
        ...Object.fromEntries(r.values.map((v) => [v.name, v.value])),
      })),
    );
    const playwright = writeParameterTable('playwright', ROWS, 'header').replace(
      'export const datasets: ReadonlyArray<{ name: string; values: Readonly<Record<string, string>> }> =',
      'const datasets =',
    );
    const datasets = new Function(`${playwright}; return datasets;`)() as unknown;
    expect(datasets).toEqual(
      ROWS.map((r) => ({
        name: r.name,
        values: Object.fromEntries(r.values.map((v) => [v.name, v.value])),
      })),
    );
  });

  it('refuses an unknown format, naming it', () => {
    expect(() => writeParameterTable('cypress', ROWS, 'h')).toThrow(
      /format: expected one of playwright, jest, pytest/,
    );
  });
});
