import type {
  BlockUpload,
  JobStatus,
  Pool,
  PoolSummary,
  ReleaseOutcome,
  Row,
  StoredResult,
} from '@allot/protocol';
import { AllotClientError } from './allot-client-error.js';
import { bundleRefs, describeBundle } from './bundle-refs.js';
import type { FileSource } from './file-source.js';
import { describeTest, type BundleTest, type Job } from './model.js';
import { listPoolResults, listPools, readPool, uploadPool } from './pool-routes.js';
import { pollJob } from './poll-job.js';
import {
  readJobStatus,
  runJob,
  waitForJob,
  type JobPolling,
  type RunJobOptions,
  type WaitForJobOptions,
} from './run-job.js';
import { displayUrl, redact, send, type Call, type TransportOptions } from './transport.js';
import { uploadBlock, type UploadBlockOptions } from './upload-block.js';

/** Options of {@link AllotClient}. */
export interface AllotClientOptions {
  /** The server, e.g. `http://allot.internal:8080` (a path prefix is kept). */
  baseUrl: string;
  apiKey: string;
  /**
   * Where the vendor routes get the key: `header` (`Authorization: Bearer`,
   * the default: keys stay out of access logs) or `path` (`/api/apikey/{key}/…`,
   * for servers that only speak the vendor protocol). The `/api/v1` routes
   * always take it in the header.
   */
  keyIn?: 'header' | 'path';
  /** Per request attempt; default 30 s. */
  timeoutMs?: number;
  /** Retries after the first attempt on connection errors, timeouts, 429 and 5xx; default 4. */
  retries?: number;
  /** First backoff, doubled per retry with jitter; default 250 ms. */
  retryBaseMs?: number;
  /** Longest backoff (and longest honoured `Retry-After`); default 8 s. */
  retryMaxMs?: number;
  /** First delay between job polls, growing to 2 s; default 250 ms. */
  pollIntervalMs?: number;
  /** How long {@link AllotClient.execute}, {@link AllotClient.runJob} and {@link AllotClient.waitForJob} wait for a job; default 15 minutes. */
  jobTimeoutMs?: number;
  /** Where retry notices go; default nowhere. Never receives the key. */
  log?: (line: string) => void;
  /** Default the global `fetch`. */
  fetch?: typeof fetch;
}

/** Options of {@link AllotClient.execute}. */
export interface ExecuteOptions {
  /** The pool of tests that name none, and of the route when the first test names none. */
  pool?: string;
  /** The resolution server; default `local`. */
  server?: string;
  /** Throw when the job ends in `Error` or `Cancelled` (some test got no data); default true. */
  failOnError?: boolean;
}

/**
 * A small client of an allot server: runs a bundle of allocation tests as
 * one job, reads a test's values, releases leases, and uploads and reads
 * pools and data blocks. Speaks the vendor protocol for execute and results,
 * and `/api/v1` for jobs, pools, blocks and releases.
 */
export class AllotClient {
  readonly baseUrl: string;
  private readonly transport: TransportOptions;
  private readonly keyIn: 'header' | 'path';
  private readonly pollIntervalMs: number;
  private readonly jobTimeoutMs: number;

  constructor(options: AllotClientOptions) {
    if (options.baseUrl === '') throw invalid('the server URL is empty');
    if (options.apiKey === '') throw invalid('the API key is empty');
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.keyIn = options.keyIn ?? 'header';
    this.pollIntervalMs = options.pollIntervalMs ?? 250;
    this.jobTimeoutMs = options.jobTimeoutMs ?? 15 * 60_000;
    this.transport = {
      baseUrl: this.baseUrl,
      apiKey: options.apiKey,
      timeoutMs: options.timeoutMs ?? 30_000,
      retries: options.retries ?? 4,
      retryBaseMs: options.retryBaseMs ?? 250,
      retryMaxMs: options.retryMaxMs ?? 8000,
      fetch: options.fetch ?? globalThis.fetch,
      log: options.log ?? (() => undefined),
      random: Math.random,
    };
  }

  /**
   * Executes the whole list as ONE job (uniqueness holds across all of it),
   * through the execute route of the first test's pool, and polls the job
   * until it is `Complete` or `Error`.
   */
  async execute(tests: readonly BundleTest[], options: ExecuteOptions = {}): Promise<Job> {
    const refs = bundleRefs(tests, options.pool);
    const body = refs.map((t) => ({
      poolName: t.pool,
      suiteName: t.suite,
      allocationTestName: t.test,
    }));
    const pool = refs[0]!.pool;
    const server = options.server ?? 'local';
    const only = refs.length === 1 ? refs[0] : undefined;
    const subject = `executing ${describeBundle(refs)}`;
    const first = await this.vendor<Job>({
      method: 'POST',
      path: `/allocation-pool/${seg(pool)}/resolve/server/${seg(server)}/execute`,
      body,
      subject,
      ...(only === undefined ? {} : { ref: only }),
    });
    const job = await pollJob(first, {
      intervalMs: this.pollIntervalMs,
      timeoutMs: this.jobTimeoutMs,
      running: (j) => !isFinal(j),
      read: (j) => this.job(j.id),
      timedOut: (j) =>
        new AllotClientError({
          code: 'JOB_TIMEOUT',
          message: `job ${j.id} (${subject}) did not finish within ${this.jobTimeoutMs} ms at ${displayUrl(this.baseUrl)}: ${j.jobState}, ${j.progressMessage}`,
        }),
    });
    if (job.jobState !== 'Complete' && options.failOnError !== false) {
      throw new AllotClientError({
        code: 'JOB_FAILED',
        message: this.redact(
          `job ${job.id} (${subject}) ended in ${job.jobState} at ${displayUrl(this.baseUrl)}: ${job.progressMessage}`,
        ),
        ...(only === undefined ? {} : { ref: only }),
      });
    }
    return job;
  }

  /** A job's state, as the vendor's job route reports it. */
  async job(id: number): Promise<Job> {
    return this.vendor<Job>({ method: 'GET', path: `/job/${id}`, subject: `tracking job ${id}` });
  }

  /** A test's first row as a flat `{column: value}` of strings (the vendor's result route). */
  async result(pool: string, suite: string, test: string): Promise<Record<string, string>> {
    const ref = { pool, suite, test };
    return this.vendor<Record<string, string>>({
      method: 'GET',
      path: `/allocation-pool/${seg(pool)}/suite/${seg(suite)}/allocated-test/${seg(test)}/result/value`,
      subject: `reading the values of ${describeTest(ref)}`,
      notFoundSubject: `no allocation for ${describeTest(ref)}`,
      ref,
    });
  }

  /** All of a test's rows, values typed as stored (the route the vendor's current clients call). */
  async rows(pool: string, suite: string, test: string): Promise<Row[]> {
    const ref = { pool, suite, test };
    const answer = await this.vendor<{ dataRows?: unknown }>({
      method: 'POST',
      path: '/allocation-pool/suite/allocated-test/result/value?mergeMethod=NoMerge',
      body: { pool, suite, testName: test },
      subject: `reading the rows of ${describeTest(ref)}`,
      notFoundSubject: `no allocation for ${describeTest(ref)}`,
      ref,
    });
    if (!Array.isArray(answer.dataRows)) {
      throw new AllotClientError({
        code: 'BAD_RESPONSE',
        message: `reading the rows of ${describeTest(ref)} at ${displayUrl(this.baseUrl)}: the answer has no dataRows list`,
        ref,
      });
    }
    return answer.dataRows as Row[];
  }

  /** Ends a job's leases (rows a test consumed stay consumed). */
  async releaseJob(id: number): Promise<ReleaseOutcome> {
    return send<ReleaseOutcome>(this.transport, {
      method: 'POST',
      path: `/api/v1/jobs/${encodeURIComponent(String(id))}/release`,
      keyInHeader: true,
      subject: `releasing job ${id}`,
    });
  }

  /** Ends one test's leases. */
  async releaseTest(pool: string, suite: string, test: string): Promise<ReleaseOutcome> {
    const ref = { pool, suite, test };
    return send<ReleaseOutcome>(this.transport, {
      method: 'POST',
      path: `/api/v1/pools/${seg(pool)}/suites/${seg(suite)}/tests/${seg(test)}/release`,
      keyInHeader: true,
      subject: `releasing ${describeTest(ref)}`,
      ref,
    });
  }

  /**
   * Runs the bundle as ONE job through `POST /api/v1/jobs` (lease time,
   * refresh and seed included) and polls it until it is no longer running.
   * Returns the job with every test's outcome, `failed` ones included; throws
   * `JOB_FAILED` when the job itself ended in error, `JOB_TIMEOUT` when it is
   * still running after `timeoutMs`.
   */
  async runJob(tests: readonly BundleTest[], options: RunJobOptions = {}): Promise<JobStatus> {
    return runJob(this.transport, this.polling(), tests, options);
  }

  /** A job's state, progress, lease end and per-test outcome (`GET /api/v1/jobs/{id}`). */
  async jobStatus(id: number): Promise<JobStatus> {
    return readJobStatus(this.transport, id);
  }

  /**
   * Polls a `/api/v1` job until it is no longer running and returns it,
   * however it ended (`complete`, `failed` or `error`); throws `JOB_TIMEOUT`
   * when it is still running after `timeoutMs` (the server keeps running it).
   */
  async waitForJob(id: number, options: WaitForJobOptions = {}): Promise<JobStatus> {
    return waitForJob(this.transport, this.polling(), id, options);
  }

  /** Every pool of the key's workspace, without their tests (read one with {@link pool}). */
  async pools(): Promise<PoolSummary[]> {
    return listPools(this.transport);
  }

  /** One pool with its tests and secret columns. */
  async pool(name: string): Promise<Pool> {
    return readPool(this.transport, name);
  }

  /**
   * Every test's current result in a pool, with all its rows: one request per
   * 1,000 tests, for reading a whole job's values at once.
   */
  async poolResults(pool: string): Promise<StoredResult[]> {
    return listPoolResults(this.transport, pool);
  }

  /** The columns a pool declares secret (its `secrets`), for masking values in logs and reports. */
  async poolSecrets(pool: string): Promise<string[]> {
    return (await readPool(this.transport, pool)).secrets;
  }

  /**
   * Creates or replaces a pool from a pool file: a path, or `{name, content}`
   * (`.yaml`, `.yml` or `.json`). Block `file:` entries are not read: upload
   * them with {@link uploadBlock}. Needs the manager role.
   */
  async uploadPool(file: FileSource): Promise<Pool> {
    return uploadPool(this.transport, file);
  }

  /**
   * Uploads a CSV file (or `.json` rows) as the next version of a data block:
   * a path, or `{name, content}`. An identical file is not stored again
   * (`imported: false`). Needs the manager role.
   */
  async uploadBlock(
    block: string,
    file: FileSource,
    options: UploadBlockOptions = {},
  ): Promise<BlockUpload> {
    return uploadBlock(this.transport, block, file, options);
  }

  private vendor<T>(call: Omit<Call, 'keyInHeader'>): Promise<T> {
    const prefix = this.keyIn === 'path' ? `/api/apikey/${seg(this.transport.apiKey)}` : '/api';
    return send<T>(this.transport, {
      ...call,
      path: prefix + call.path,
      keyInHeader: this.keyIn === 'header',
    });
  }

  private polling(): JobPolling {
    return { pollIntervalMs: this.pollIntervalMs, jobTimeoutMs: this.jobTimeoutMs };
  }

  private redact(text: string): string {
    return redact(text, this.transport.apiKey);
  }
}

function isFinal(job: Job): boolean {
  return job.jobState === 'Complete' || job.jobState === 'Error' || job.jobState === 'Cancelled';
}

function seg(value: string): string {
  return encodeURIComponent(value);
}

function invalid(message: string): AllotClientError {
  return new AllotClientError({ code: 'INVALID_INPUT', message });
}
