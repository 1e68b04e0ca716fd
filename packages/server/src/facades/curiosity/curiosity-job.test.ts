import { executeJob, type ExecuteOptions, type Store } from '@allot/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contextOf } from '../../app-context.js';
import type { ResolutionServer } from '../../resolution/resolution-servers.js';
import { createTestApp, type TestApp } from '../../testing/test-app.js';

/**
 * The vendor Java client's `Job` class, field by field, as Jackson reads it
 * (unknown properties ignored, as its client configures; an unknown enum
 * constant fails the whole read). Written out here rather than taken from
 * the server's schema, so the server cannot drift with it.
 */
const JAVA_ENUMS = {
  JobState: ['Created', 'InQueue', 'InProgress', 'Complete', 'Error', 'Cancelled'],
  JobType: [
    'TestGenerationJob',
    'DataGenerationJob',
    'AutomationGenerationJob',
    'ExportTestSuiteJob',
    'VIPAutoExecutionJob',
    'RunResultAnalysisAndTestGenerationJob',
    'HopperChildJob',
    'RepairTestJob',
    'ModellerJob',
    'ImportModelJob',
    'VisioExportJob',
  ],
} as const;

type JavaType = 'Long' | 'Boolean' | 'String' | 'Date' | keyof typeof JAVA_ENUMS;

const JAVA_JOB: Record<string, JavaType> = {
  id: 'Long',
  jobState: 'JobState',
  jobType: 'JobType',
  createdDate: 'Date',
  lastUpdate: 'Date',
  cancel: 'Boolean',
  expectResult: 'Boolean',
  progressMessage: 'String',
  createdUser: 'String',
  tenant: 'String',
  APIKey: 'String',
  localJob: 'Boolean',
  noPasses: 'Long',
  noFailures: 'Long',
};

/** Jackson's ISO-8601 forms for java.util.Date (StdDateFormat), or epoch milliseconds. */
const ISO_DATE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:?\d{2})?)?$/;

/** Reads a JSON job as Jackson would into the Java class; throws where Jackson would. */
function readJavaJob(json: Record<string, unknown>): Record<string, unknown> {
  const job: Record<string, unknown> = {};
  for (const [field, type] of Object.entries(JAVA_JOB)) {
    const value = json[field];
    if (value === undefined || value === null) {
      job[field] = null;
      continue;
    }
    const fail = () => {
      throw new Error(`${field}: cannot read ${JSON.stringify(value)} as ${type}`);
    };
    if (type === 'Long') {
      if (typeof value !== 'number' || !Number.isSafeInteger(value)) fail();
    } else if (type === 'Boolean') {
      if (typeof value !== 'boolean') fail();
    } else if (type === 'String') {
      if (typeof value !== 'string') fail();
    } else if (type === 'Date') {
      const ok =
        (typeof value === 'number' && Number.isSafeInteger(value)) ||
        (typeof value === 'string' && ISO_DATE.test(value) && !Number.isNaN(Date.parse(value)));
      if (!ok) fail();
    } else if (!(JAVA_ENUMS[type] as readonly unknown[]).includes(value)) {
      fail();
    }
    job[field] = value;
  }
  return job;
}

/** The built-in engine, held until the test lets it go. */
function gatedServer(): ResolutionServer & { open(): void } {
  let open: () => void = () => undefined;
  const gate = new Promise<void>((resolve) => (open = resolve));
  return {
    name: 'gated',
    description: 'the engine, behind a gate',
    open: () => open(),
    execute: async (store: Store, options: ExecuteOptions) => {
      await gate;
      return executeJob(store, options);
    },
  };
}

describe("the job object, read as the vendor's Java client reads it", () => {
  let t: TestApp;
  let base: string;
  const gated = gatedServer();

  beforeAll(async () => {
    t = await createTestApp({ servers: [gated], syncWaitMs: 300 });
    await t.seed();
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const address = t.app.server.address();
    base = `http://127.0.0.1:${typeof address === 'object' && address !== null ? address.port : 0}`;
  });
  afterAll(async () => {
    gated.open();
    await t.close();
  });

  const execute = async (server: string, test: string) => {
    const response = await fetch(
      `${base}/api/apikey/${t.adminKey}/allocation-pool/shop/resolve/server/${server}/execute`,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify([
          { allocationTestName: test, poolName: 'shop', suiteName: 'account' },
        ]),
      },
    );
    expect(response.status).toBe(200);
    return (await response.json()) as Record<string, unknown>;
  };
  const track = async (id: unknown) =>
    (await (await fetch(`${base}/api/apikey/${t.adminKey}/job/${String(id)}`)).json()) as Record<
      string,
      unknown
    >;

  it('reads a finished job with every field typed, honest, and no secret in it', async () => {
    const json = await execute('local', 'locked user');
    const job = readJavaJob(json);
    expect(job).toMatchObject({
      jobState: 'Complete',
      jobType: 'DataGenerationJob',
      cancel: false,
      expectResult: true,
      localJob: false,
      createdUser: 'admin (created with the workspace)',
      tenant: t.workspace,
      noPasses: 1,
      noFailures: 0,
    });
    const [, keyId, secret] = /^allot_([^_]+)_(.+)$/.exec(t.adminKey) ?? [];
    expect(job.APIKey).toBe(keyId);
    expect(JSON.stringify(json)).not.toContain(secret);
    expect(readJavaJob(await track(json.id))).toEqual(job);
  });

  it('reads a failed job: Error with its counts', async () => {
    const job = readJavaJob(await execute('local', 'nobody matches'));
    expect(job).toMatchObject({ jobState: 'Error', noPasses: 0, noFailures: 1 });
  });

  it('reads a job still running, then polled until complete', async () => {
    const running = readJavaJob(await execute('gated', 'locked user'));
    expect(running).toMatchObject({ jobState: 'InProgress', noPasses: 0, noFailures: 0 });
    gated.open();
    // The job ends in this process: wait for it, then poll once as the client would.
    await contextOf(t.app).runner.drain();
    const polled = readJavaJob(await track(running.id));
    expect(polled.jobState).toBe('Complete');
  });

  it('refuses what the Java client refuses (the reader can fail)', () => {
    expect(() => readJavaJob({ id: 1, jobType: 'Allocation' })).toThrow(/jobType/);
    expect(() => readJavaJob({ id: '1' })).toThrow(/id/);
    expect(() => readJavaJob({ id: 1, createdDate: 'yesterday' })).toThrow(/createdDate/);
  });
});
