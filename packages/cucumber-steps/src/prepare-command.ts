import { parseArgs } from 'node:util';
import { AllotClient } from '@allot/client';
import { prepareFeatures } from './curiosity/prepare-features.js';
import type { PlaceholderSource } from './curiosity/resolve-rows.js';

export const PREPARE_USAGE = `usage: allot-cucumber prepare <feature files or dirs…> --out <dir> [source] [options]

Rewrites feature files that use the vendor placeholders @Data(…)[row][column]
and @DataTable(…)[column] into <dir>, with every placeholder's test allocated
as one job. The source files are not changed. Then run: cucumber-js <dir>

source (one of):
  --pool-files <file>…   pool files, allocated in the embedded store (like allot run)
  --server-url <url>     an allot server (API key from $ALLOT_API_KEY)
  --results <file>       a results file of a job that already ran

options:
  --base <dir>           paths in <dir> are relative to this (default: current directory)
  --data-dir <dir>       embedded store directory (default: $ALLOT_DATA_DIR or .allot)
  --server <name>        resolution server (default: local)
  --ttl <seconds>        lease lifetime (embedded)
  --write-results <file> also write the job's results file (embedded)`;

/** Runs `allot-cucumber <args>`; returns the exit code (0 done, 1 allocation failed, 2 usage). */
export async function runCli(
  argv: readonly string[],
  io: { out: (s: string) => void; err: (s: string) => void; env: NodeJS.ProcessEnv },
): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h') {
    io.out(`${PREPARE_USAGE}\n`);
    return command === undefined ? 2 : 0;
  }
  if (command !== 'prepare') {
    io.err(`allot-cucumber: unknown command "${command}"\n${PREPARE_USAGE}\n`);
    return 2;
  }
  let parsed;
  try {
    parsed = parseArgs({
      args: [...rest],
      allowPositionals: true,
      options: {
        out: { type: 'string' },
        base: { type: 'string' },
        'pool-files': { type: 'string', multiple: true },
        'server-url': { type: 'string' },
        results: { type: 'string' },
        'data-dir': { type: 'string' },
        server: { type: 'string' },
        ttl: { type: 'string' },
        'write-results': { type: 'string' },
      },
    });
  } catch (error) {
    io.err(`allot-cucumber: ${(error as Error).message}\n`);
    return 2;
  }
  const { values, positionals } = parsed;
  // `--pool-files a.yaml b.yaml` : the shell expands a glob into several words, which arrive as positionals.
  const usage = (message: string) => {
    io.err(`allot-cucumber: ${message}\n${PREPARE_USAGE}\n`);
    return 2;
  };
  if (values.out === undefined) return usage('--out <dir> is required');
  const poolFiles = values['pool-files'] ?? [];
  const features = positionals.filter((p) => !/\.(ya?ml|json)$/.test(p) || poolFiles.length === 0);
  const extraPools = positionals.filter((p) => /\.(ya?ml|json)$/.test(p) && poolFiles.length > 0);
  const sources = [
    poolFiles.length > 0,
    values['server-url'] !== undefined,
    values.results !== undefined,
  ].filter(Boolean).length;
  if (sources !== 1)
    return usage('give exactly one source: --pool-files, --server-url or --results');
  if (features.length === 0) return usage('name the feature files or directories to prepare');
  let source: PlaceholderSource;
  if (values.results !== undefined) source = { kind: 'results-file', path: values.results };
  else if (values['server-url'] !== undefined) {
    const apiKey = io.env.ALLOT_API_KEY;
    if (apiKey === undefined || apiKey === '')
      return usage('--server-url needs the API key in $ALLOT_API_KEY');
    source = {
      kind: 'server',
      client: new AllotClient({
        baseUrl: values['server-url'],
        apiKey,
        log: (line) => io.err(`${line}\n`),
      }),
      ...(values.server === undefined ? {} : { server: values.server }),
    };
  } else {
    const ttl = values.ttl === undefined ? undefined : Number(values.ttl);
    if (ttl !== undefined && !(Number.isInteger(ttl) && ttl > 0))
      return usage('--ttl must be a whole number of seconds');
    source = {
      kind: 'embedded',
      poolFiles: [...poolFiles, ...extraPools],
      dataDir: values['data-dir'] ?? (io.env.ALLOT_DATA_DIR || '.allot'),
      ...(ttl === undefined ? {} : { ttlSeconds: ttl }),
    };
  }
  try {
    const report = await prepareFeatures({
      features,
      outDir: values.out,
      ...(values.base === undefined ? {} : { baseDir: values.base }),
      source,
      ...(values['write-results'] === undefined ? {} : { resultsOut: values['write-results'] }),
    });
    const job = report.jobId === null ? 'no job needed' : `job ${report.jobId}`;
    io.out(
      `allot-cucumber: ${report.files.length} feature file(s), ${report.placeholders} placeholder(s), ${report.tests.length} test(s), ${job}; written to ${values.out}\n`,
    );
    return 0;
  } catch (error) {
    io.err(`allot-cucumber: ${(error as Error).message}\n`);
    return 1;
  }
}
