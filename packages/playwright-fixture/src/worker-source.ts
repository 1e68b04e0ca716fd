import {
  AllotClient,
  lookupValues,
  readResultsFile,
  type AllocatedValues,
  type ResultsFile,
  type TestRef,
} from '@allot/client';
import type { SourceOptions } from './options.js';

/**
 * What one Playwright worker reads test data from: the results file, read
 * once when the worker starts (no network per test), and the server's
 * client, asked for tests the file does not list or when there is no file.
 */
export class WorkerSource {
  readonly options: SourceOptions;
  private readonly resultsFile: ResultsFile | undefined;
  private readonly client: AllotClient | undefined;
  private readonly secrets = new Map<string, Promise<Set<string>>>();

  private constructor(
    options: SourceOptions,
    resultsFile: ResultsFile | undefined,
    client: AllotClient | undefined,
  ) {
    this.options = options;
    this.resultsFile = resultsFile;
    this.client = client;
  }

  /** Reads the results file (when one is set) and prepares the client (when a server is set). */
  static async open(options: SourceOptions): Promise<WorkerSource> {
    const file =
      options.resultsFile === undefined ? undefined : await readResultsFile(options.resultsFile);
    const client =
      options.serverUrl === undefined || options.apiKey === undefined
        ? undefined
        : new AllotClient({
            baseUrl: options.serverUrl,
            apiKey: options.apiKey,
            log: (line) => process.stderr.write(`${line}\n`),
          });
    return new WorkerSource(options, file, client);
  }

  /** A test's values: the results file first, else the server (allocating on demand unless turned off). */
  lookup(ref: TestRef): Promise<AllocatedValues> {
    return lookupValues(ref, {
      ...(this.resultsFile === undefined ? {} : { resultsFile: this.resultsFile }),
      ...(this.client === undefined ? {} : { client: this.client }),
      server: this.options.server,
      allocate: this.options.allocate,
    });
  }

  /**
   * The columns to mask for a pool: `allotSecrets`, plus the pool's declared
   * `secrets`, from the results file when it lists them, else from the
   * server when there is one. Asked once per pool and worker.
   */
  secretColumns(pool: string): Promise<Set<string>> {
    let found = this.secrets.get(pool);
    if (found === undefined) {
      found = this.declaredSecrets(pool).then((declared) => {
        return new Set([...this.options.secrets, ...declared]);
      });
      this.secrets.set(pool, found);
    }
    return found;
  }

  /** Ends a test's leases on the server; a no-op without one. */
  async release(ref: TestRef): Promise<void> {
    if (this.client === undefined) return;
    await this.client.releaseTest(ref.pool, ref.suite, ref.test);
  }

  private async declaredSecrets(pool: string): Promise<string[]> {
    const listed = this.resultsFile?.entries.find((e) => e.pool === pool && e.secrets);
    if (listed?.secrets !== undefined) return listed.secrets;
    if (this.client === undefined) return [];
    try {
      return await this.client.poolSecrets(pool);
    } catch (error) {
      process.stderr.write(
        `@allot/playwright: cannot read the secret columns of pool ${JSON.stringify(pool)} (${(error as Error).message}); the report masks allotSecrets and password-like columns only\n`,
      );
      return [];
    }
  }
}
