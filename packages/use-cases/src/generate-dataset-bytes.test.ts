import { createHash } from 'node:crypto';
import { openMemoryStore, openMemoryWorkQueue, type Store, type WorkQueue } from '@allot/core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Acting } from './acting.js';
import { createConstraintSet } from './create-constraint-set.js';
import { createProject } from './create-project.js';
import { createSyntheticDataset } from './create-synthetic-dataset.js';
import { EventLog } from './event-log.js';
import { datasetGenerationHandler } from './generate-dataset.js';
import { readSyntheticDataset } from './read-synthetic-dataset.js';
import { readSyntheticDatasetFile } from './read-synthetic-dataset-file.js';
import { uploadSchema } from './upload-schema.js';

const NOW = new Date('2030-01-01T00:00:00Z');
const acting: Acting = { workspace: 'w', actor: 'key:1', user: 'u', ip: null, now: NOW };
const CUSTOMERS = {
  title: 'customers',
  type: 'object',
  required: ['id', 'city', 'note'],
  properties: {
    id: { type: 'integer', minimum: 1 },
    city: { type: 'string' },
    note: { type: 'string', minLength: 600, maxLength: 800 },
  },
};
const ORDERS = {
  title: 'orders',
  type: 'object',
  required: ['id', 'customer', 'total'],
  properties: {
    id: { type: 'integer', minimum: 1 },
    customer: { type: 'integer' },
    total: { type: 'number', minimum: 0, maximum: 1000 },
    placed: { type: 'string', format: 'date' },
  },
};

/** Name, index among the format's files, records, bytes and SHA-256 of every file, in the dataset's order. */
const FILES: [string, number, number, number, string][] = [
  [
    'customers-1.csv',
    0,
    1000,
    621774,
    'ae886226bcabe99639b0d8541548c8484059204d25b49672fc20164a25f550a8',
  ],
  [
    'customers-1.json',
    0,
    1000,
    646763,
    '6ef15f31ecfcecb3e7522a7bac7ca4f748dbd9bf3e195c09bea41ae0c5953f69',
  ],
  [
    'customers-1.jsonl',
    0,
    1000,
    645760,
    '6b185e5589e835a7ee1cc3ce6a97e6d1e3e60949b8529299df413118d513983b',
  ],
  [
    'customers-1.xml',
    0,
    1000,
    696820,
    'd4794267b13f11cc6ee3b2984bb3817971d9180bb7e6136d025cf93424323b4a',
  ],
  [
    'customers-1.sql',
    0,
    1000,
    630107,
    '0d74bab31eef12afbbd246fc3d173cbddcc0e722014e79348356dff6fe639ed8',
  ],
  [
    'customers-2.csv',
    1,
    700,
    436643,
    '20aaf5719c9406c7f469f47d31cba302702708631af1278cc7ea2a78a2b6501c',
  ],
  [
    'customers-2.json',
    1,
    700,
    454132,
    '0cb5b6da8714c6dff0613b891dffc634eb070b22f6dfe1aeb0df649e084bcf72',
  ],
  [
    'customers-2.jsonl',
    1,
    700,
    453429,
    '30f5c41d550117f56be5a958d58fce5cf2fdd1edf6dde8b359db86f6b6f45cc4',
  ],
  [
    'customers-2.xml',
    1,
    700,
    489189,
    'b1a3a0bdb41ca0fd9ff3cc5610e1766a0c76fb1e0518dc6abb52d20bc7d2e855',
  ],
  [
    'customers-2.sql',
    1,
    700,
    442391,
    '37a3114896f8813888e812d977bcf2ae12c432b94c66814b8e7e53eb903529ad',
  ],
  [
    'orders-1.csv',
    2,
    1000,
    27000,
    '8c87d3a8cf47f948026564aa54eefe383aa5c423e4fc868878d838d40e87e3f3',
  ],
  [
    'orders-1.json',
    2,
    1000,
    63977,
    'c02d2ea59febdcf13b65565b45e25dd607d8e924659e3461d53a3fc5ae816a01',
  ],
  [
    'orders-1.jsonl',
    2,
    1000,
    62974,
    'da0b9a2823b7d394c494380ad9e275b750b12b1dbc0a000e9470528bf0baeb8f',
  ],
  [
    'orders-1.xml',
    2,
    1000,
    127034,
    '2e9d1f2ec2a113a7333a2526851aced31cb09379d7fc23fad7408c21f4547514',
  ],
  [
    'orders-1.sql',
    2,
    1000,
    34438,
    'fc573fe9c4926edb011b415565a82ae50b82bc35fde16d1bcbf46d6bae12f752',
  ],
  [
    'orders-2.csv',
    3,
    1000,
    28156,
    'e505b37d5957878da42585cc714bbd5751207fb2b6386ad88846836efb18a372',
  ],
  [
    'orders-2.json',
    3,
    1000,
    65133,
    '28136a565b5f064582314819078974741d56666d17554f050209c5b7eef7da8c',
  ],
  [
    'orders-2.jsonl',
    3,
    1000,
    64130,
    '3ea7759f0af5c90539fdff647441ed1777cfe9b910e47129a589482b263c8205',
  ],
  [
    'orders-2.xml',
    3,
    1000,
    128190,
    '95e34a726b8a24f7c9674cef40a9584f50a10ab2790aebcab082303270e07019',
  ],
  [
    'orders-2.sql',
    3,
    1000,
    35394,
    '0289951c2b1353dd6e7382aa5adb873797eae18680374657e2f8253570cfb29d',
  ],
  [
    'orders-3.csv',
    4,
    500,
    14092,
    '33ef592b450656287c9c59769017ec8204b0e98f08a69eadaeee7b1c37d5d1f1',
  ],
  [
    'orders-3.json',
    4,
    500,
    32569,
    '2e5d43de515aafc6ec93db24976ddb87f9cc9a4c2387874e12081dc3c194cffc',
  ],
  [
    'orders-3.jsonl',
    4,
    500,
    32066,
    '0e8e5033220f3ec2cb0aa11a7a0b0512b316efd20857bccc35c58fc0f887a6ce',
  ],
  [
    'orders-3.xml',
    4,
    500,
    64126,
    '26cb3aae5acd838189398ca9acf80a209300a665b252d1219dc1660e3a7f21b4',
  ],
  [
    'orders-3.sql',
    4,
    500,
    17764,
    '2aa239cbbce37e2ce0b264796a7096ecbaaf28d6087c60bc6772a518fbf99a4c',
  ],
  ['tags-1.csv', 5, 0, 5, '3db3df2a1857d7d8d9fe3de5ba9a3d1ca893081c8aea23dcaefa8026033d1452'],
  ['tags-1.json', 5, 0, 3, '37517e5f3dc66819f61f5a7bb8ace1921282415f10551d2defa5c3eb0985b570'],
  ['tags-1.jsonl', 5, 0, 0, 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'],
  ['tags-1.xml', 5, 0, 60, '2ee3144ea83c76f90b499e6d57b95c96bbe3b6a1f7cd3c03a7ec65478a7ee685'],
  ['tags-1.sql', 5, 0, 38, 'f049245cb055cdf891d4e4443e17b8b76aa861cd27796faad4a5544f8df9ce4e'],
];
/** Block, rows, columns, key column and SHA-256 of the rows' JSON of every block version. */
const BLOCKS: [string, number, string[], string | null, string][] = [
  [
    'customers',
    1700,
    ['id', 'city', 'note'],
    'id',
    '6a1d62c6fa3047fa6162d4d1573d474ad90ee52e28526153649ed76c5d621eb3',
  ],
  [
    'orders',
    2500,
    ['id', 'customer', 'total', 'placed'],
    'id',
    '0b15056ac2c393a9457fba3a470dec8b820e347b2b1cd015a95bc8ee341199d8',
  ],
  ['tags', 0, ['tag'], null, '4f53cda18c2baa0c0354bb5f9a3ecbe5ed12ab4d8e11ba873c2f11161202b945'],
];

function sha(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/**
 * The files a generation job stores, pinned by their SHA-256: the same seed
 * must give the same bytes, file names, indexes and record counts whatever
 * path the job takes to the store. Cities outside ASCII make pieces end
 * inside multi-byte characters unless they are cut with care.
 */
describe('the files of a generation job', () => {
  let store: Store;
  let queue: WorkQueue;
  let dataset: number;

  beforeAll(async () => {
    store = await openMemoryStore();
    await store.createWorkspace({ id: 'w', name: 'w', createdAt: NOW.toISOString() });
    queue = await openMemoryWorkQueue();
    const events = new EventLog(store);
    const project = (await createProject(store, events, { name: 'p' }, acting)).id;
    const customers = await uploadSchema(
      store,
      events,
      { project, name: 'customers', source: CUSTOMERS },
      acting,
    );
    const orders = await uploadSchema(
      store,
      events,
      { project, name: 'orders', source: ORDERS },
      acting,
    );
    const tags = await uploadSchema(
      store,
      events,
      {
        project,
        name: 'tags',
        source: { title: 'tags', type: 'object', properties: { tag: { type: 'string' } } },
      },
      acting,
    );
    const customerSet = await createConstraintSet(
      store,
      {
        project,
        schema: customers.id,
        name: 'c',
        constraints: {
          fields: {
            id: { unique: true },
            city: { enum: ['Zürich', '東京', 'Kraków', 'Oslo'], weights: [2, 1, 1, 1] },
          },
        },
      },
      acting,
    );
    const orderSet = await createConstraintSet(
      store,
      {
        project,
        schema: orders.id,
        name: 'o',
        constraints: {
          fields: {
            id: { unique: true },
            customer: { reference: { entity: 'customers', field: 'id' } },
          },
        },
      },
      acting,
    );
    dataset = (
      await createSyntheticDataset(
        store,
        queue,
        {
          project,
          name: 'd',
          schema: orders.id,
          constraintSet: orderSet.id,
          recordCount: 2500,
          entities: [
            { schema: customers.id, constraintSet: customerSet.id, recordCount: 1700 },
            { schema: tags.id, constraintSet: null, recordCount: 0 },
          ],
          formats: ['csv', 'json', 'jsonl', 'xml', 'sql'],
          params: { seed: 'golden-job', batchSize: 300, fileSplit: 1000 },
        },
        acting,
      )
    ).id;
    const handler = datasetGenerationHandler({ store, events, clock: () => NOW });
    const controller = new AbortController();
    await handler({
      id: 'job',
      workspace: 'w',
      kind: 'dataset-generation',
      payload: { dataset },
      attempt: 1,
      progress: () => undefined,
      signal: controller.signal,
    });
  });

  it('keeps their names, indexes, counts and bytes, and the rows of their blocks', async () => {
    const done = await readSyntheticDataset(store, queue, { workspace: 'w', id: dataset });
    expect(done.status).toBe('completed');
    expect(done.files.map((f) => [f.name, f.index, f.records, f.bytes, f.sha256])).toEqual(FILES);
    for (const file of done.files) expect(file.name.endsWith(`.${file.format}`)).toBe(true);
    const blocks = [];
    for (const b of done.blocks) {
      const block = await store.getBlock('w', b.block, b.version);
      blocks.push([
        b.block,
        b.rows,
        block!.columns,
        block!.keyColumn,
        sha(JSON.stringify(block!.rows)),
      ]);
    }
    expect(blocks).toEqual(BLOCKS);
  });

  it('reads every file back whole, with the SHA-256 it was stored with', async () => {
    const done = await readSyntheticDataset(store, queue, { workspace: 'w', id: dataset });
    for (const file of done.files) {
      const download = await readSyntheticDatasetFile(store, queue, {
        workspace: 'w',
        id: dataset,
        format: file.format,
        index: file.index,
      });
      const hash = createHash('sha256');
      let bytes = 0;
      for await (const piece of download.chunks) {
        hash.update(piece);
        bytes += Buffer.byteLength(piece);
      }
      expect([file.name, bytes, hash.digest('hex')]).toEqual([file.name, file.bytes, file.sha256]);
    }
  });
});
