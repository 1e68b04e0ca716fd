import { describe, expect, it } from 'vitest';
import { AllotError } from '../errors.js';
import type { RowValues } from '../model/block-version.js';
import type { Make } from '../model/pool-definition.js';
import { makeRows } from './make-rows.js';
import type { MakeRowsOptions } from './make-rows.js';
import { SequenceState } from './sequence-state.js';

const COLUMNS = ['id', 'email', 'status', 'tier', 'note', 'name', 'phone'];

const MAKE: Make = {
  columns: {
    id: { sequence: { start: 100000, prefix: 'C-', pad: 6 } },
    email: 'qa+{{run.namespace}}-{{string.alphanumeric(6)}}@example.test',
    status: 'active',
    tier: { oneOf: ['gold', 'silver'] },
    note: { const: '{{not a template}}' },
    name: { template: '{{person.fullName}} #{{row.index}}' },
  },
};

function options(overrides: Partial<MakeRowsOptions> = {}): MakeRowsOptions {
  return {
    make: MAKE,
    columns: COLUMNS,
    keyColumn: 'id',
    count: 3,
    existingKeys: new Set(),
    sequences: new SequenceState({ columns: COLUMNS, rows: [] }),
    context: { jobId: '1', namespace: 'ns', pool: 'shop', suite: 'checkout', test: 'pays' },
    seed: 'seed',
    ...overrides,
  };
}

function failure(run: () => unknown): AllotError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(AllotError);
    return error as AllotError;
  }
  throw new Error('expected an AllotError');
}

describe('makeRows', () => {
  it('generates every kind of column in block column order', () => {
    const rows = makeRows(options());
    expect(rows).toHaveLength(3);
    rows.forEach((row, index) => {
      const [id, email, status, tier, note, name, phone] = row;
      expect(id).toBe(`C-${100000 + index}`);
      expect(email).toMatch(/^qa\+ns-[A-Za-z0-9]{6}@example\.test$/);
      expect(status).toBe('active');
      expect(['gold', 'silver']).toContain(tier);
      expect(note).toBe('{{not a template}}');
      expect(name).toMatch(new RegExp(` #${index}$`));
      expect(phone).toBeNull();
    });
  });

  it('makes the same rows from the same options', () => {
    expect(makeRows(options())).toEqual(makeRows(options()));
  });

  it('makes other rows for another seed, make seed or test', () => {
    const emails = (rows: RowValues[]) => rows.map((row) => row[1]);
    const first = emails(makeRows(options()));
    expect(emails(makeRows(options({ seed: 'other' })))).not.toEqual(first);
    expect(emails(makeRows(options({ make: { ...MAKE, seed: 42 } })))).not.toEqual(first);
    const context = {
      jobId: '1',
      namespace: 'ns',
      pool: 'shop',
      suite: 'checkout',
      test: 'refunds',
    };
    expect(emails(makeRows(options({ context })))).not.toEqual(first);
  });

  it('gives numbers for sequences without prefix or pad', () => {
    const make: Make = { columns: { id: { sequence: {} } } };
    const rows = makeRows(options({ make, columns: ['id'], count: 2 }));
    expect(rows).toEqual([[1], [2]]);
  });

  it('continues sequences after the keys the block already has', () => {
    const sequences = new SequenceState({
      columns: COLUMNS,
      rows: [['C-100041', null, null, null, null, null, null]],
    });
    const rows = makeRows(options({ sequences, count: 1, existingKeys: new Set(['C-100041']) }));
    expect(rows[0]?.[0]).toBe('C-100042');
  });

  it('adds the new keys to the existing keys', () => {
    const existingKeys = new Set(['x']);
    makeRows(options({ existingKeys, count: 2 }));
    expect([...existingKeys]).toEqual(['x', 'C-100000', 'C-100001']);
  });

  it('makes a row again when its key is taken, deterministically', () => {
    const make: Make = { columns: { id: { oneOf: ['a', 'b', 'c', 'd', 'e', 'f'] } } };
    const run = () =>
      makeRows(options({ make, columns: ['id'], count: 5, existingKeys: new Set(['a']) }));
    const rows = run();
    const keys = rows.map((row) => row[0]);
    expect(new Set(keys).size).toBe(5);
    expect(keys).not.toContain('a');
    expect(run()).toEqual(rows);
  });

  it('fails with MAKE_FAILED when the key keeps repeating', () => {
    const make: Make = { columns: { id: 'fixed' } };
    const error = failure(() => makeRows(options({ make, columns: ['id'], count: 2 })));
    expect(error.code).toBe('MAKE_FAILED');
    expect(error.message).toContain('keeps repeating values');
    expect(error.message).toContain('sequence');
    expect(error.message).toContain('{{run.namespace}}');
  });

  it('fails with MAKE_FAILED when the key is generated empty', () => {
    const make: Make = { columns: { id: null } };
    expect(failure(() => makeRows(options({ make, columns: ['id'] }))).code).toBe('MAKE_FAILED');
  });

  it('refuses make columns the block does not have, listing its columns', () => {
    const make: Make = { columns: { id: 1, nickname: 'x' } };
    const error = failure(() => makeRows(options({ make, columns: ['id', 'email'] })));
    expect(error.code).toBe('UNKNOWN_COLUMN');
    expect(error.message).toContain('"nickname"');
    expect(error.message).toContain('id, email');
    expect(error.details).toEqual({ column: 'nickname', columns: ['id', 'email'] });
  });

  it('refuses a make without the key column', () => {
    const make: Make = { columns: { email: 'x' } };
    const error = failure(() => makeRows(options({ make, columns: ['id', 'email'] })));
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.message).toContain('key column "id"');
  });

  it('returns no rows for a count of zero', () => {
    expect(makeRows(options({ count: 0 }))).toEqual([]);
  });
});
