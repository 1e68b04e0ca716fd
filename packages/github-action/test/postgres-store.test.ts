import {
  createTemporaryDatabase,
  testPostgresUrl,
  type TemporaryDatabase,
} from '@allot/test-support/postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runMainAndPost, runStep } from './support/run-action.js';
import { makeWorkspace, type Workspace } from './support/workspace.js';

const POSTGRES_URL = testPostgresUrl('action on PostgreSQL');

describe('embedded mode with store: postgres://…', () => {
  let database: TemporaryDatabase | undefined;
  let url: URL;
  let ws: Workspace;

  beforeAll(async () => {
    database = await createTemporaryDatabase(POSTGRES_URL, 'allot_action');
    url = database.url;
    ws = await makeWorkspace('people');
  });

  afterAll(async () => {
    await ws.dispose();
    await database?.drop();
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
