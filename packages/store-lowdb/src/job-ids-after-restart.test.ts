import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { JobStateRecord } from '@allot/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openLowdbStore } from './open-lowdb-store.js';

const AT = '2030-01-01T00:00:00.000Z';

describe('job ids across a restart', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'allot-job-ids-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('never hands out again the id of a job that has a state but never committed', async () => {
    const first = await openLowdbStore(dir);
    const id = await first.reserveJobId('w');
    const failed: JobStateRecord = {
      workspace: 'w',
      id,
      phase: 'error',
      server: 'local',
      createdUser: 'ci',
      keyId: 'k1',
      tests: 1,
      progress: null,
      answeredBy: null,
      error: { code: 'NOT_FOUND', message: 'no such pool' },
      createdAt: AT,
      updatedAt: AT,
    };
    await first.putJobState(failed);
    await first.close();

    const reopened = await openLowdbStore(dir);
    try {
      expect(await reopened.reserveJobId('w')).toBe(id + 1);
      expect((await reopened.getJobState('w', id))?.error?.message).toBe('no such pool');
    } finally {
      await reopened.close();
    }
  });
});
