import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import initSqlJs from 'sql.js';
import { X12Parser, type X12Interchange, type X12Segment } from 'node-x12';
import { describe, expect, test } from 'vitest';
import { GOLDEN_COLUMNS, GOLDEN_ROWS, goldenBlock } from '../testing/golden-block.js';
import { EXPORT_FORMATS, EXPORT_FORMAT_NAMES, type ExportFormat } from './export-format.js';
import { TDO_DOWNLOAD_FORMATS } from './tdo-download-format.js';
import { collectExport, writeExport, type ExportOptions } from './write-export.js';
import { X12_TEMPLATES, type X12Template } from './x12-834-mapping.js';

/*
 * Golden files: every export format written from one fixed block, compared
 * byte for byte with the files under ./golden. Any change to a writer's
 * output fails here until the files are regenerated on purpose:
 *
 *   pnpm golden:update     (sets ALLOT_UPDATE_GOLDEN=1, refused where CI is set)
 *
 * and the diff of the regenerated files is reviewed like code.
 */
const UPDATE = process.env.ALLOT_UPDATE_GOLDEN === '1';
if (UPDATE && process.env.CI) {
  throw new Error('ALLOT_UPDATE_GOLDEN is for a developer machine: CI compares, never rewrites');
}

const GOLDEN = fileURLToPath(new URL('./golden/', import.meta.url));
/** Fixed where a writer would read the clock or a counter, so the bytes repeat. */
const X12_FIXED = { now: new Date('2026-12-06T09:05:00Z'), controlNumber: 834 };
const TEMPLATES = Object.keys(X12_TEMPLATES) as X12Template[];

/** The golden file of a format (834: of a template, or of one record). */
function fileOf(format: ExportFormat, x12 = 'or'): string {
  if (format === 'x12-834') return `x12-834-${x12}.edi`;
  // SQLite's file carries the library's version: its golden is the table read back.
  if (format === 'sqlite') return 'sqlite.json';
  return `${format}.${EXPORT_FORMATS[format].extension}`;
}

/** Compares with the golden file, or writes it in update mode. */
function matchesGolden(name: string, actual: Uint8Array): void {
  const path = GOLDEN + name;
  if (UPDATE) {
    writeFileSync(path, actual);
    return;
  }
  expect(existsSync(path), `${name} is missing: run pnpm golden:update`).toBe(true);
  const expected = readFileSync(path);
  // Text first, so a failure shows a readable diff; then the bytes, which are what is promised.
  expect(new TextDecoder().decode(actual)).toBe(new TextDecoder().decode(expected));
  expect(Buffer.compare(Buffer.from(actual), expected)).toBe(0);
}

async function written(format: ExportFormat, options: ExportOptions = {}): Promise<Uint8Array> {
  return collectExport(writeExport(format, goldenBlock(), options));
}

/** A SQLite file's table read back: schema, rows and each cell's storage class. */
async function sqliteContents(file: Uint8Array): Promise<Uint8Array> {
  const SQL = await initSqlJs();
  const db = new SQL.Database(file);
  try {
    const one = (sql: string) => db.exec(sql)[0];
    const columns = GOLDEN_COLUMNS.map((c) => `"${c}"`);
    const contents = {
      integrity: one('PRAGMA integrity_check')?.values[0]?.[0],
      schema: one('SELECT type, name, sql FROM sqlite_master ORDER BY name')?.values,
      rows: one(`SELECT ${columns.join(', ')} FROM golden_workset ORDER BY rowid`)?.values,
      types: one(
        `SELECT ${columns.map((c) => `typeof(${c})`).join(', ')} FROM golden_workset ORDER BY rowid`,
      )?.values,
    };
    return new TextEncoder().encode(JSON.stringify(contents, null, 2) + '\n');
  } finally {
    db.close();
  }
}

describe('golden export files', () => {
  const plain = EXPORT_FORMAT_NAMES.filter((f) => f !== 'sqlite' && f !== 'x12-834');
  test.each(plain)('%s is byte for byte its golden file', async (format) => {
    matchesGolden(fileOf(format), await written(format));
  });

  test.each(TEMPLATES)('x12-834 for template %s is byte for byte its golden file', async (t) => {
    matchesGolden(
      fileOf('x12-834', t),
      await written('x12-834', { x12834: { ...X12_FIXED, template: t } }),
    );
  });

  test('x12-834 of one record (row 2, the reference’s record 1) is its golden file', async () => {
    const file = await written('x12-834', { x12834: { ...X12_FIXED, template: 'ga', record: 1 } });
    matchesGolden('x12-834-ga-record-1.edi', file);
  });

  test('sqlite: the table read back is its golden file, and the bytes repeat within a version', async () => {
    const file = await written('sqlite');
    expect(Buffer.compare(Buffer.from(file), Buffer.from(await written('sqlite')))).toBe(0);
    matchesGolden(fileOf('sqlite'), await sqliteContents(file));
  });

  test('every TDO download version and every allot export format has a golden file', () => {
    const names = [
      ...Object.values(TDO_DOWNLOAD_FORMATS).map((format) => fileOf(format)),
      ...EXPORT_FORMAT_NAMES.map((format) => fileOf(format)),
      ...TEMPLATES.map((t) => fileOf('x12-834', t)),
    ];
    expect(names.filter((name) => !existsSync(GOLDEN + name))).toEqual([]);
  });
});

describe('golden 834 files parsed back segment by segment', () => {
  const segmentsOf = (segment: X12Segment) => [
    segment.tag,
    ...segment.elements.map((e) => e.value),
  ];

  test.each([...TEMPLATES.map((t) => [t, -1] as const), ['ga', 1] as const])(
    'template %s, record %i: every segment, count and control number agrees',
    (template, record) => {
      const name = record === -1 ? fileOf('x12-834', template) : `x12-834-ga-record-${record}.edi`;
      const text = readFileSync(GOLDEN + name, 'utf8');
      const interchange = new X12Parser(true).parse(text) as X12Interchange;
      const lines = text
        .split('~\n')
        .filter((line) => line !== '')
        .map((l) => l.split('*'));

      // The envelope: one group of one transaction set, with matching control numbers.
      const isa = interchange.header.elements.map((e) => e.value);
      expect(interchange.functionalGroups).toHaveLength(1);
      const group = interchange.functionalGroups[0]!;
      expect(group.transactions).toHaveLength(1);
      const set = group.transactions[0]!;
      const gs = group.header.elements.map((e) => e.value);
      const st = set.header.elements.map((e) => e.value);
      const se = set.trailer.elements.map((e) => e.value);
      const ge = group.trailer.elements.map((e) => e.value);
      const iea = interchange.trailer.elements.map((e) => e.value);
      expect(isa[7]?.trim()).toBe(X12_TEMPLATES[template].receiverId);
      expect(Number(isa[12])).toBe(X12_FIXED.controlNumber);
      expect(Number(iea[1])).toBe(X12_FIXED.controlNumber);
      expect(Number(iea[0])).toBe(interchange.functionalGroups.length);
      expect(gs[5]).toBe(String(X12_FIXED.controlNumber));
      expect(ge).toEqual([String(group.transactions.length), gs[5]]);
      expect(st[1]).toBe(se[1]);
      // SE01 counts ST to SE, both included; the file's own lines agree.
      expect(Number(se[0])).toBe(set.segments.length + 2);
      const stAt = lines.findIndex((l) => l[0] === 'ST');
      const seAt = lines.findIndex((l) => l[0] === 'SE');
      expect(seAt - stAt + 1).toBe(Number(se[0]));

      // Segment by segment: the parser reads back exactly the file's lines.
      expect([
        segmentsOf(set.header),
        ...set.segments.map(segmentsOf),
        segmentsOf(set.trailer),
      ]).toEqual(lines.slice(stAt, seAt + 1));
      const members = set.segments.filter((s) => s.tag === 'INS');
      expect(members).toHaveLength(record === -1 ? GOLDEN_ROWS.length : 1);
      expect(set.segments.filter((s) => s.tag === 'NM1').map((s) => s.elements[2]?.value)).toEqual(
        (record === -1 ? GOLDEN_ROWS : [GOLDEN_ROWS[record]!]).map((row) =>
          String(row[4])
            .replace(/[*~:^]/g, ' ')
            .replace(/^[-=+@]/, "'$&"),
        ),
      );
    },
  );
});
