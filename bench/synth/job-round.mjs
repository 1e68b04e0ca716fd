// The product's path for the bench: the same dataset asked of `allot serve`
// (embedded store in a fresh data directory, a real port) over `/api/v1`,
// as a CI script would: a project, three schemas, their constraint sets, one
// dataset of the three entities in CSV and JSON Lines, then status polls
// until the queued `dataset-generation` job completes. The job writes the
// files into the store piece by piece and makes every entity's rows a data
// block version. Timed from the create request to the poll that sees it
// completed; peak memory is read then, before the files are downloaded
// (over HTTP, into `dir`) for the checks and the comparison of bytes.
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { startServer } from '@allot/server';
import { SCHEMAS, constraints } from './schemas.mjs';

/**
 * Runs the dataset through the queued job and downloads its files into
 * `dir` as `<entity>.<format>`, the names the library round writes.
 */
export async function runJob(dir, { rows, seed, counts }) {
  // The store's directory is removed by the parent once this process has
  // exited: the embedded queue may still be writing when the server closes.
  const data = `${dir}.store`;
  await mkdir(data);
  const server = await startServer({
    dataDir: data,
    port: 0,
    logLevel: 'warn',
    handleSignals: false,
    rateLimit: false,
    print: () => undefined,
  });
  try {
    const headers = {
      authorization: `Bearer ${server.adminKey}`,
      'content-type': 'application/json',
    };
    const call = async (method, path, body) => {
      const response = await fetch(`${server.url}/api/v1${path}`, {
        method,
        headers,
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      const text = await response.text();
      if (response.status >= 300) throw new Error(`${method} ${path}: ${response.status} ${text}`);
      return JSON.parse(text);
    };
    const project = (await call('POST', '/projects', { name: 'bench' })).id;
    const entities = [];
    for (const [name, schema] of Object.entries(SCHEMAS)) {
      // The record name is the schema's title: the entity names the constraints' references use.
      const uploaded = await call('POST', `/projects/${project}/schemas`, {
        name,
        source: { ...schema, title: name },
      });
      const set = await call('POST', `/projects/${project}/constraint-sets`, {
        schema: uploaded.id,
        name,
        constraints: constraints[name],
      });
      entities.push({ schema: uploaded.id, constraintSet: set.id, recordCount: counts[name] });
    }
    const [first, ...rest] = entities;
    const cpu = process.cpuUsage();
    const start = performance.now();
    const created = await call('POST', `/projects/${project}/synthetic-datasets`, {
      name: 'bench',
      ...first,
      entities: rest,
      formats: ['csv', 'jsonl'],
      params: { seed, batchSize: 1000 },
    });
    let dataset = created;
    while (dataset.status !== 'completed') {
      if (dataset.status === 'failed')
        throw new Error(`generation failed: ${JSON.stringify(dataset.error)}`);
      await new Promise((resolve) => setTimeout(resolve, 25));
      dataset = await call('GET', `/projects/${project}/synthetic-datasets/${created.id}`);
    }
    const seconds = (performance.now() - start) / 1000;
    const used = process.cpuUsage(cpu);
    const peakMiB = process.resourceUsage().maxRSS / 1024;
    for (const file of dataset.files) {
      const response = await fetch(
        `${server.url}/api/v1/projects/${project}/synthetic-datasets/${created.id}/data?format=${file.format}&fileIndex=${file.index}`,
        { headers },
      );
      if (response.status !== 200) throw new Error(`download of ${file.name}: ${response.status}`);
      const out = createWriteStream(join(dir, `${file.entity}.${file.format}`));
      await pipeline(Readable.fromWeb(response.body), out);
      if (!out.closed) await once(out, 'close');
    }
    const blockRows = dataset.blocks.reduce((sum, b) => sum + b.rows, 0);
    if (blockRows !== rows) throw new Error(`the blocks hold ${blockRows} rows, not ${rows}`);
    return { seconds, rows, cpuSeconds: (used.user + used.system) / 1e6, peakMiB };
  } finally {
    await server.close();
  }
}
