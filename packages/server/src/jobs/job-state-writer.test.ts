import { openMemoryStore, type JobStateRecord, type Store } from '@allot/core';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { JobStateWriter, PROGRESS_WRITE_MS } from './job-state-writer.js';

let store: Store;
let writes: JobStateRecord[];

beforeEach(async () => {
  store = await openMemoryStore();
  writes = [];
  // Counts what reaches the store; the store itself stays real.
  const put = store.putJobState.bind(store);
  store.putJobState = async (state) => {
    writes.push(state);
    await put(state);
  };
});
afterEach(() => store.close());

const initial: JobStateRecord = {
  workspace: 'w',
  id: 1,
  phase: 'running',
  server: 'local',
  createdUser: null,
  keyId: null,
  tests: 100,
  progress: null,
  answeredBy: null,
  error: null,
  createdAt: '2030-01-01T00:00:00.000Z',
  updatedAt: '2030-01-01T00:00:00.000Z',
};

it('writes a burst of progress once, the latest, and nothing after the final state', async () => {
  const writer = new JobStateWriter(store, initial, () => new Date());
  await writer.write();
  for (let done = 1; done <= 100; done++)
    writer.progress({ phase: 'candidates', done, total: 100 });
  expect(writes).toHaveLength(1);
  await new Promise((resolve) => setTimeout(resolve, PROGRESS_WRITE_MS + 100));
  expect(writes).toHaveLength(2);
  expect(writes[1]?.progress).toEqual({ phase: 'candidates', done: 100, total: 100 });
  expect((await store.getJobState('w', 1))?.progress?.done).toBe(100);

  writer.progress({ phase: 'commit', done: 0, total: 1 });
  await writer.finish({ phase: 'done', answeredBy: 1 });
  await new Promise((resolve) => setTimeout(resolve, PROGRESS_WRITE_MS + 100));
  expect(writes).toHaveLength(3);
  expect(await store.getJobState('w', 1)).toMatchObject({
    phase: 'done',
    answeredBy: 1,
    progress: { phase: 'commit' },
  });
});
