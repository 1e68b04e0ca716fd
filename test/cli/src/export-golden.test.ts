import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  EXPORT_FORMATS,
  EXPORT_FORMAT_NAMES,
  collectExport,
  writeExport,
  type Value,
} from '@allot/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliMain as MAIN } from './support/cli-main.js';

/** The golden files core's writers are held to (packages/core/src/exports/golden). */
const GOLDEN = join(
  resolve(fileURLToPath(import.meta.url), '..', '..', '..', '..'),
  'packages/core/src/exports/golden',
);
const golden = (name: string) => readFileSync(join(GOLDEN, name));

let dir: string;
let columns: string[];
let rows: Value[][];

/** Runs the built `allot` in the temp directory and keeps stdout as bytes. */
function allot(args: string[]): Promise<{ code: number; stdout: Buffer; stderr: string }> {
  return new Promise((done) => {
    execFile(
      process.execPath,
      [MAIN, ...args],
      {
        cwd: dir,
        encoding: 'buffer',
        maxBuffer: 64 * 1024 * 1024,
        env: { ...process.env, ALLOT_DATA_DIR: '', GITHUB_RUN_ID: '' },
      },
      (error, stdout, stderr) => {
        const code = error === null ? 0 : typeof error.code === 'number' ? error.code : -1;
        done({ code, stdout, stderr: stderr.toString() });
      },
    );
  });
}

/**
 * `allot export --format` writes exactly the golden files: the block is
 * the golden block, read back from its JSON golden file (values as stored,
 * so numbers, booleans and nulls keep their types) and imported with
 * `allot import` as version 1.1, the version the golden files name.
 */
describe('allot export writes the golden files', () => {
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'allot-export-golden-'));
    const objects = JSON.parse(golden('json.json').toString('utf8')) as Record<string, Value>[];
    columns = Object.keys(objects[0]!);
    rows = objects.map((object) => columns.map((column) => object[column] ?? null));
    // Imported as a user would, twice: the golden files name version 1.1.
    await writeFile(join(dir, 'first.json'), JSON.stringify(objects.slice(0, 1)));
    await writeFile(join(dir, 'golden.json'), JSON.stringify(objects));
    for (const file of ['first.json', 'golden.json']) {
      const imported = await allot(['import', file, '--block', 'golden_workset']);
      expect(imported.code, imported.stderr).toBe(0);
    }
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  const plain = EXPORT_FORMAT_NAMES.filter((f) => f !== 'sqlite' && f !== 'x12-834');
  it.each(plain)('--format %s is byte for byte its golden file', async (format) => {
    const out = await allot(['export', 'golden_workset', '--version', '1.1', '--format', format]);
    expect(out.code, out.stderr).toBe(0);
    const expected = golden(`${format}.${EXPORT_FORMATS[format].extension}`);
    expect(out.stdout.toString('utf8')).toBe(expected.toString('utf8'));
    expect(Buffer.compare(out.stdout, expected)).toBe(0);
  });

  it('--format x12-834 --template ga is its golden file but for its own date, time and control number', async () => {
    const out = await allot([
      'export',
      'golden_workset',
      '--version',
      '1.1',
      '--format',
      'x12-834',
      '--template',
      'ga',
    ]);
    expect(out.code, out.stderr).toBe(0);
    const text = out.stdout.toString('utf8');
    // The golden file was written on 2026-12-06 at 09:05 with control number 834; the CLI
    // writes now and 1.
    const [, yymmdd, hhmm] = /^ISA(?:\*[^*]*){8}\*(\d{6})\*(\d{4})\*/.exec(text) ?? [];
    expect(yymmdd).toMatch(/^\d{6}$/);
    const expected = golden('x12-834-ga.edi')
      .toString('utf8')
      .replaceAll('*20261206', `*20${yymmdd}`)
      .replace('*261206*0905*', `*${yymmdd}*${hhmm}*`)
      .replace(/^(GS(?:\*[^*~]*){4})\*0905\*834\*/m, `$1*${hhmm}*1*`)
      .replace(/^BGN\*00\*000000834\*(\d{8})\*0905\*/m, `BGN*00*000000001*$1*${hhmm}*`)
      .replace('GE*1*834~', 'GE*1*1~')
      .replaceAll('000000834', '000000001');
    expect(text).toBe(expected);
  });

  it('--format sqlite writes the same database file as the writer that made the golden contents', async () => {
    const out = await allot(['export', 'golden_workset', '--version', '1.1', '--format', 'sqlite']);
    expect(out.code, out.stderr).toBe(0);
    const file = await collectExport(
      writeExport('sqlite', { block: 'golden_workset', version: '1.1', columns, rows }),
    );
    expect(Buffer.compare(out.stdout, Buffer.from(file))).toBe(0);
  });
});
