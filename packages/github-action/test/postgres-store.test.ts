import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runMainAndPost, runStep } from './support/run-action.js';
import { makeWorkspace, type Workspace } from './support/workspace.js';

const POSTGRES_URL = process.env['ALLOT_TEST_POSTGRES_URL'];
if (POSTGRES_URL === undefined) {
  console.log('action on PostgreSQL skipped: set ALLOT_TEST_POSTGRES_URL=postgres://… to run it');
}

describe.skipIf(POSTGRES_URL === undefined)('embedded mode with store: postgres://…', () => {
  const database = `allot_action_${randomBytes(4).toString('hex')}`;
  const url = new URL(POSTGRES_URL ?? 'postgres://x');
  url.pathname = `/${database}`;
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: POSTGRES_URL });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  let ws: Workspace;

  beforeAll(async () => {
    await admin(`CREATE DATABASE ${database}`);
    ws = await makeWorkspace('people');
  });

  afterAll(async () => {
    await ws.dispose();
    await admin(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  });

  it('allocates and releases through the PostgreSQL store', async () => {
    const inputs = { 'pool-files': 'people.yaml', store: url.toString(), tests: 'first-two.yaml' };
    const { main, post } = await runMainAndPost({ cwd: ws.dir, inputs });
    expect(main.code, main.stdout).toBe(0);
    expect(main.outputs).toMatchObject({ 'job-id': '1', allocated: '2' });
    // The URL holds a password: the post step reads the input again instead of the state.
    expect(main.state['target']).toBe('input:store');
    expect(main.stdout).toContain(`::add-mask::${url.password}`);
    expect(post.stdout, post.stdout).toContain('released job 1: 2 rows back in the pool');
    const spare = await runStep('main', {
      cwd: ws.dir,
      inputs: { ...inputs, tests: 'spare.yaml' },
    });
    expect(spare.code, spare.stdout).toBe(0);
    expect(spare.outputs['allocated']).toBe('1');
  });
});
