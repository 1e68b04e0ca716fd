import { describe, expect, it } from 'vitest';
import type { BlockVersionMeta } from '../model/block-version.js';
import { ColumnTable } from './column-table.js';
import { nextVersionMeta } from './next-version-meta.js';

const NOW = new Date('2026-01-01T00:00:00Z');
const PARENT: BlockVersionMeta = {
  block: 'customers',
  version: '1.0',
  columns: ['id', 'name'],
  keyColumn: 'id',
  rowCount: 1,
  origin: 'import',
  parent: null,
  sourceHash: null,
  jobId: null,
  createdAt: NOW.toISOString(),
};

describe('nextVersionMeta', () => {
  it('takes a version given by column when its table names the version columns', () => {
    const table = ColumnTable.fromRows(['id', 'name'], [['C-2', 'b']]);
    const meta = nextVersionMeta(
      {
        block: 'customers',
        columns: ['id', 'name'],
        keyColumn: 'id',
        table,
        origin: 'make',
      },
      PARENT,
      NOW,
    );
    expect(meta).toMatchObject({ version: '1.1', columns: ['id', 'name'], rowCount: 2 });
  });

  it("refuses a table whose columns are not the version's, naming the field", () => {
    // A make keeps its parent's columns: a table in another order would be written under wrong names.
    const swapped = ColumnTable.fromRows(['name', 'id'], [['b', 'C-2']]);
    expect(() =>
      nextVersionMeta(
        {
          block: 'customers',
          columns: ['name', 'id'],
          keyColumn: 'id',
          table: swapped,
          origin: 'make',
        },
        PARENT,
        NOW,
      ),
    ).toThrow(
      expect.objectContaining({
        code: 'INVALID_INPUT',
        details: expect.objectContaining({ field: 'table' }),
      }),
    );
    const short = ColumnTable.fromRows(['id'], [['C-3']]);
    expect(() =>
      nextVersionMeta(
        {
          block: 'fresh',
          columns: ['id', 'name'],
          keyColumn: 'id',
          table: short,
          origin: 'import',
        },
        undefined,
        NOW,
      ),
    ).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
  });
});
