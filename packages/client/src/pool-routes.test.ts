import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AllotClient } from './allot-client.js';
import { caught } from './testing/caught.js';
import { startRealClient, type RealServer } from './testing/real-server.js';

let server: RealServer;
let client: AllotClient;
let dir: string;

beforeAll(async () => {
  ({ server, client } = await startRealClient());
  dir = await mkdtemp(join(tmpdir(), 'allot-client-uploads-'));
});
afterAll(async () => {
  await server?.close();
  await rm(dir, { recursive: true, force: true });
});

const CARDS_CSV = ['number,holder', '4111-1,Ann', '4111-2,Bob'].join('\n');
const CARDS_POOL = [
  'pool: cards',
  'key: number',
  'secrets: [number]',
  'blocks:',
  '  - name: cards',
  '    file: cards.csv',
  'tests:',
  '  - suite: pay',
  '    test: by card',
  '    find: {}',
].join('\n');

describe('pools and data blocks against the real server', () => {
  it('uploads a block file by path, and skips the same file the second time', async () => {
    const path = join(dir, 'cards.csv');
    await writeFile(path, CARDS_CSV);
    const first = await client.uploadBlock('cards', path, { keyColumn: 'number' });
    expect(first.imported).toBe(true);
    expect(first.version).toMatchObject({
      block: 'cards',
      columns: ['number', 'holder'],
      keyColumn: 'number',
      rowCount: 2,
    });
    const again = await client.uploadBlock('cards', path, { keyColumn: 'number' });
    expect(again.imported).toBe(false);
    expect(again.version.version).toBe(first.version.version);
  });

  it('uploads a pool file by path and reads it back, listed beside the others', async () => {
    const path = join(dir, 'cards.yaml');
    await writeFile(path, CARDS_POOL);
    const pool = await client.uploadPool(path);
    expect(pool).toMatchObject({ name: 'cards', key: 'number', secrets: ['number'] });
    expect(pool.blocks).toEqual([{ name: 'cards' }]);
    expect(pool.tests.map((t) => [t.suite, t.test])).toEqual([['pay', 'by card']]);
    expect(await client.pool('cards')).toEqual(pool);
    expect(await client.poolSecrets('cards')).toEqual(['number']);
    const listed = await client.pools();
    expect(listed.map((p) => p.name).sort()).toEqual(['cards', 'shop']);
    expect(listed.find((p) => p.name === 'cards')).toEqual({
      name: 'cards',
      key: 'number',
      blocks: ['cards'],
      tests: 1,
    });
    const job = await client.runJob([{ pool: 'cards', suite: 'pay', test: 'by card' }]);
    expect(job.state).toBe('complete');
    const results = await client.poolResults('cards');
    expect(results).toMatchObject([
      {
        pool: 'cards',
        suite: 'pay',
        test: 'by card',
        jobId: job.id,
        columns: ['number', 'holder'],
      },
    ]);
    expect(results[0]?.rows).toEqual(await client.rows('cards', 'pay', 'by card'));
    await client.releaseJob(job.id);
  });

  it('uploads content in hand, JSON rows and a JSON pool file included', async () => {
    const rows = JSON.stringify([{ number: '5500-1', holder: 'Cy' }]);
    const block = await client.uploadBlock('more-cards', { name: 'more.json', content: rows });
    expect(block.imported).toBe(true);
    expect(block.version.rowCount).toBe(1);
    const pool = {
      pool: 'more-cards',
      key: 'number',
      blocks: [{ name: 'more-cards' }],
      tests: [{ suite: 'pay', test: 'by other card', find: {} }],
    };
    const uploaded = await client.uploadPool({
      name: 'more.json',
      content: new TextEncoder().encode(JSON.stringify(pool)),
    });
    expect(uploaded.name).toBe('more-cards');
  });

  it('says which file the server refused, and why', async () => {
    const error = await caught(
      client.uploadPool({ name: 'broken.yaml', content: 'pool: broken\ntests: 3\n' }),
    );
    expect(error.status).toBe(400);
    expect(error.message).toMatch(
      new RegExp(`^uploading pool file broken\\.yaml failed at ${server.url}: .*broken\\.yaml`),
    );
    const notPool = await caught(client.uploadPool({ name: 'pool.txt', content: 'pool: x' }));
    expect(notPool.message).toContain('must end in .yaml, .yml or .json');
    const keyless = await caught(
      client.uploadBlock(
        'cards',
        { name: 'cards.csv', content: 'number\n1\n1' },
        { keyColumn: 'number' },
      ),
    );
    expect(keyless.status).toBe(400);
    expect(keyless.message).toMatch(
      /^uploading cards\.csv as data block "cards" failed at http:\/\/127\.0\.0\.1:\d+: /,
    );
  });

  it('names a file it cannot read before any request', async () => {
    const missing = join(dir, 'nope.yaml');
    const error = await caught(client.uploadPool(missing));
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.message).toContain(`cannot read pool file ${missing} (ENOENT)`);
  });

  it('says which pool does not exist', async () => {
    expect((await caught(client.poolResults('no-such-pool'))).status).toBe(404);
    const error = await caught(client.pool('no-such-pool'));
    expect(error.status).toBe(404);
    expect(error.message).toBe(
      `reading pool "no-such-pool" failed at ${server.url}: pool "no-such-pool" does not exist [HTTP 404 NOT_FOUND]`,
    );
  });
});
