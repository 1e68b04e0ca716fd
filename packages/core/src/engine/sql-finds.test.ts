import { describe, expect, it } from 'vitest';
import type { Table, Value } from '../model/block-version.js';
import type { AllocationTest, PoolDefinition } from '../model/pool-definition.js';
import { openMemoryStore } from '../store/open-memory-store.js';
import { executeJob } from './execute-job.js';
import type { ResolutionDatabase, SqlStatement } from './resolution-database.js';

/**
 * A resolution server over an in-memory table, standing in for the
 * application's database at the process boundary: `query` returns the rows
 * whose `status` equals `:status`, `insert` appends a row. The PostgreSQL
 * server itself is tested against a real database in @allot/store-postgres.
 */
class TableServer implements ResolutionDatabase {
  readonly name = 'appdb';
  readonly inserts: SqlStatement[] = [];
  constructor(private readonly table: Table) {}

  query(statement: SqlStatement): Promise<Table> {
    if (statement.sql.includes('syntax error'))
      return Promise.reject(new Error('syntax error at or near "FORM"'));
    const status = statement.params['status'];
    return Promise.resolve({
      columns: this.table.columns,
      rows: this.table.rows.filter((r) => r[1] === status),
    });
  }

  insert(statement: SqlStatement): Promise<Table> {
    this.inserts.push(statement);
    const row: Value[] = [
      `new-${this.table.rows.length}`,
      'locked',
      String(statement.params['email']),
    ];
    this.table.rows.push(row);
    return Promise.resolve({ columns: this.table.columns, rows: [row] });
  }
}

const query = (status: string, key = 'id') => ({
  sql: 'SELECT * FROM users WHERE status = :status',
  params: { status },
  key,
});

async function setup(tests: AllocationTest[]) {
  const store = await openMemoryStore();
  const pool: PoolDefinition = {
    name: 'app',
    key: 'id',
    blocks: [{ name: 'unused' }],
    secrets: [],
    tests,
  };
  await store.putPool('default', pool);
  const server = new TableServer({
    columns: ['id', 'status', 'email'],
    rows: [
      ['u1', 'active', 'a@x.test'],
      ['u2', 'locked', 'b@x.test'],
      ['u3', 'active', 'c@x.test'],
    ],
  });
  return { store, server, refs: tests.map((t) => ({ pool: 'app', suite: t.suite, test: t.test })) };
}

const spec = (
  test: string,
  find: AllocationTest['find'],
  extra: Partial<AllocationTest> = {},
): AllocationTest => ({
  suite: 's',
  test,
  find,
  count: 1,
  consume: false,
  readOnly: false,
  ...extra,
});

describe('finds on a resolution server', () => {
  it('allocates distinct rows from a query and leases them by key across jobs', async () => {
    const { store, server, refs } = await setup([
      spec('a', { query: query('active') }),
      spec('b', { query: query('active') }),
    ]);
    const first = await executeJob(store, { tests: refs.slice(0, 1), server });
    const second = await executeJob(store, { tests: refs.slice(1), server });
    const ids = [first, second].map((r) => r.tests[0]?.values[0]?.['id']);
    expect(ids.sort()).toEqual(['u1', 'u3']);
    const claims = await store.claimState('default', ['@appdb'], new Date());
    expect([...claims.leases.keys()].length).toBe(2);
  });

  it('fails only the test whose query is bad or lacks its key column', async () => {
    const { store, server, refs } = await setup([
      spec('bad', { query: { sql: 'SELECT * FORM users syntax error', key: 'id' } }),
      spec('nokey', { query: query('active', 'user_id') }),
      spec('good', { query: query('locked') }),
    ]);
    const report = await executeJob(store, { tests: refs, server });
    expect(report.tests.map((t) => t.status)).toEqual(['failed', 'failed', 'allocated']);
    expect(report.tests[0]?.reason).toContain('the query failed on server "appdb": syntax error');
    expect(report.tests[1]?.reason).toContain(
      'no key column "user_id" (its columns: id, status, email)',
    );
  });

  it('says a query needs a server when the job runs on the local store', async () => {
    const { store, refs } = await setup([spec('a', { query: query('active') })]);
    const report = await executeJob(store, { tests: refs });
    expect(report.tests[0]?.reason).toContain('execute the job on the resolution server');
  });

  it('inserts rows through the make when the query runs dry, with generated parameters', async () => {
    const make = {
      insert: 'INSERT INTO users (email) VALUES (:email) RETURNING *',
      params: { email: 'qa+{{run.namespace}}@x.test' },
    };
    const { store, server, refs } = await setup([
      spec('fresh', { query: query('locked') }, { make, count: 2 }),
    ]);
    const report = await executeJob(store, { tests: refs, server, namespace: 'run7' });
    expect(report).toMatchObject({ made: 1, failed: 0 });
    expect(server.inserts.map((s) => s.params['email'])).toEqual([
      'qa+run7@x.test',
      'qa+run7@x.test',
    ]);
    expect(report.tests[0]?.values.map((v) => v['id'])).toEqual(['new-3', 'new-4']);
  });
});
