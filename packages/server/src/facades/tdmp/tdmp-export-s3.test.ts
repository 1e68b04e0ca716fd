import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer as createHttpServer, request as httpRequest } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import S3rver from '@20minutes/s3rver';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testPostgresUrl } from '../../testing/test-postgres-url.js';
import { CUSTOMER_SCHEMA } from '../../testing/synth-fixtures.js';
import { startTdmpServer, type TdmpTestServer } from '../../testing/tdmp-test-server.js';

const BUCKET = 'exports';

/** A port nothing listens on: bound, then released. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/**
 * A pass-through HTTP proxy in front of the S3 server that records each
 * request line, so a test sees which S3 operations the upload used.
 */
async function recordingProxy(target: string) {
  const seen: string[] = [];
  const server = createHttpServer((req, res) => {
    seen.push(`${req.method} ${req.url}`);
    const upstream = httpRequest(
      `${target}${req.url}`,
      { method: req.method, headers: req.headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

describe.each(['embedded', 'postgres'] as const)('TDMP export to S3 (%s store)', (kind) => {
  let t: TdmpTestServer;
  let s3: S3rver;
  let s3Url: string;
  let s3Dir: string;
  let schema: string | undefined;
  const tokens: Record<string, string> = {};
  let project: number;
  let schemaId: number;

  const as = (user: string) => ({
    get: (path: string) => t.call('GET', path, { auth: tokens[user] }),
    post: (path: string, body: unknown = {}) => t.call('POST', path, { auth: tokens[user], body }),
  });
  /** The bucket's keys under a prefix, listed over S3's HTTP API (ListObjectsV2). */
  const listKeys = async (prefix = '') => {
    const response = await fetch(
      `${s3Url}/${BUCKET}?list-type=2&prefix=${encodeURIComponent(prefix)}`,
    );
    expect(response.status).toBe(200);
    return [...(await response.text()).matchAll(/<Key>([^<]+)<\/Key>/g)].map((m) => m[1]!).sort();
  };
  const getObject = async (key: string) => {
    const response = await fetch(`${s3Url}/${BUCKET}/${key}`);
    expect(response.status, key).toBe(200);
    return {
      etag: response.headers.get('etag') ?? '',
      bytes: Buffer.from(await response.arrayBuffer()),
    };
  };
  const integration = async (config: object) =>
    as('adam').post('/integrations', { provider: 's3', name: 'ci bucket', config });
  const s3Config = (extra: object = {}) => ({
    bucket: BUCKET,
    endpoint: s3Url,
    prefix: 'allot/ci',
    accessKeyId: 'S3RVER',
    secretAccessKey: 'S3RVER',
    ...extra,
  });
  const waitCompleted = async (id: number) => {
    for (let i = 0; i < 600; i++) {
      const status = (await as('tess').get(`/datasets/${id}`)).body.status;
      if (status === 'completed') return;
      if (status === 'failed') throw new Error(`dataset ${id} failed`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`dataset ${id} did not complete`);
  };
  const waitNotification = async (kind: string, dataset: number) => {
    for (let i = 0; i < 600; i++) {
      const list = (await as('tess').get('/notifications')).body as Array<{
        kind?: string;
        details?: { dataset?: number };
      }>;
      const found = list.find(
        (n) =>
          JSON.stringify(n).includes(kind) && JSON.stringify(n).includes(`"dataset":${dataset}`),
      );
      if (found !== undefined) return found;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`no ${kind} notification for dataset ${dataset}`);
  };

  beforeAll(async () => {
    s3Dir = await mkdtemp(join(tmpdir(), 'allot-s3-'));
    s3 = new S3rver({
      port: 0,
      address: '127.0.0.1',
      silent: true,
      directory: s3Dir,
      configureBuckets: [{ name: BUCKET, configs: [] }],
    });
    const address = await s3.run();
    s3Url = `http://127.0.0.1:${address.port}`;
    let storeSpec: string | undefined;
    if (kind === 'postgres') {
      const url = testPostgresUrl('export to S3 on PostgreSQL');
      schema = `allot_s3_${randomBytes(5).toString('hex')}`;
      storeSpec = `${url}${url.includes('?') ? '&' : '?'}schema=${schema}`;
    }
    t = await startTdmpServer(storeSpec === undefined ? {} : { storeSpec });
    await t.userWithPassword('adam', 'admin');
    await t.userWithPassword('tess', 'tester');
    for (const user of ['adam', 'tess']) tokens[user] = await t.tokenOf(user);
    const created = await as('adam').post('/projects/create', { name: 'exports' });
    project = created.body.project_id as number;
    await as('adam').post(`/projects/${project}/add-user`, { user_id: 'tess', role: 'edit' });
    const uploaded = await as('tess').post('/schemas', {
      name: 'customers',
      project_id: project,
      content: CUSTOMER_SCHEMA,
    });
    expect(uploaded.status, uploaded.text).toBe(201);
    schemaId = uploaded.body.schema_id as number;
  });
  afterAll(async () => {
    await t?.close();
    await s3?.close();
    await rm(s3Dir, { recursive: true, force: true });
    if (schema !== undefined) {
      const client = new pg.Client({ connectionString: testPostgresUrl('export to S3') });
      await client.connect();
      await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await client.end();
    }
  });

  it('lists the s3 provider, checks its config field by field, never answers the secret, and tests the bucket', async () => {
    const providers = await as('adam').get('/integrations/providers');
    expect(providers.body.map((p: { id: string }) => p.id)).toEqual(['webhook', 's3']);
    expect(
      (await as('tess').post('/integrations', { provider: 's3', config: s3Config() })).status,
    ).toBe(403);

    const noBucket = await integration({ ...s3Config(), bucket: undefined });
    expect(noBucket.status).toBe(422);
    expect(noBucket.body.detail).toContain('body.config.bucket');
    const badBucket = await integration(s3Config({ bucket: 'Not_A_Bucket' }));
    expect(badBucket.status).toBe(422);
    expect(badBucket.body.detail).toContain('body.config.bucket');
    const badEndpoint = await integration(s3Config({ endpoint: 'ftp://somewhere' }));
    expect(badEndpoint.status).toBe(422);
    expect(badEndpoint.body.detail).toContain('body.config.endpoint');
    const unknownSetting = await integration(s3Config({ acl: 'public-read' }));
    expect(unknownSetting.status).toBe(422);
    expect(unknownSetting.body.detail).toContain('body.config.acl');

    const created = await integration(s3Config({ secretAccessKey: 'S3RVER' }));
    expect(created.status, created.text).toBe(201);
    expect(created.body).toMatchObject({
      provider: 's3',
      config: { bucket: BUCKET, endpoint: s3Url, prefix: 'allot/ci/', forcePathStyle: true },
    });
    expect(created.text).not.toContain('secretAccessKey');
    const listed = await as('adam').get('/integrations');
    expect(listed.body.map((i: { provider: string }) => i.provider)).toContain('s3');
    expect(listed.text).not.toContain('secretAccessKey');

    const tested = await as('adam').post(`/integrations/${created.body.integration_id}/test`);
    expect(tested.status, tested.text).toBe(200);
    expect(tested.body).toEqual({ detail: 'Bucket reachable', bucket: BUCKET });
    const missingBucket = await integration(s3Config({ bucket: 'no-such-bucket' }));
    const missing = await as('adam').post(
      `/integrations/${missingBucket.body.integration_id}/test`,
    );
    expect(missing.status).toBe(502);
    expect(missing.body.detail).toContain('does not exist');

    const renamed = await t.call('PUT', `/integrations/${created.body.integration_id}`, {
      auth: tokens['adam'],
      body: { config: { prefix: 'allot/nightly' } },
    });
    expect(renamed.status, renamed.text).toBe(200);
    expect(renamed.body.config.prefix).toBe('allot/nightly/');
    // The secret stayed: the bucket still answers.
    expect(
      (await as('adam').post(`/integrations/${created.body.integration_id}/test`)).status,
    ).toBe(200);
    const badPut = await t.call('PUT', `/integrations/${created.body.integration_id}`, {
      auth: tokens['adam'],
      body: { config: { region: 'Not A Region' } },
    });
    expect(badPut.status).toBe(422);
    expect(badPut.body.detail).toContain('body.config.region');
  });

  it('uploads every file of a completed dataset, byte for byte as /data serves them, with a manifest and a notification', async () => {
    const target = await integration(s3Config({ prefix: 'runs' }));
    const webhook = await as('adam').post('/integrations', {
      provider: 'webhook',
      config: { url: 'https://example.test/hook', events: ['dataset.completed'] },
    });
    const closed = await integration(
      s3Config({ endpoint: `http://127.0.0.1:${await closedPort()}` }),
    );
    const dataset = await as('tess').post('/datasets/create', {
      name: 'split',
      project_id: project,
      schema_id: schemaId,
      record_count: 250,
      types: ['csv', 'json', 'jsonl', 'sql'],
      params: { seed: 7, file_split: 100 },
    });
    expect(dataset.status, dataset.text).toBe(201);
    const id = dataset.body.dataset_id as number;
    const exportTo = (integration_id: string, datasetId = id) =>
      as('tess').post(`/datasets/${datasetId}/export-s3`, { integration_id });
    await waitCompleted(id);

    // Refusals write nothing.
    expect((await exportTo(target.body.integration_id, 9999)).status).toBe(404);
    const notS3 = await exportTo(webhook.body.integration_id);
    expect(notS3.status).toBe(422);
    expect(notS3.body.detail).toContain('body.integration_id');
    expect((await exportTo('0123456789abcdef01234567')).status).toBe(404);
    const unreachable = await exportTo(closed.body.integration_id);
    expect(unreachable.status).toBe(502);
    expect(unreachable.body.detail).toMatch(/cannot reach the endpoint \(ECONNREFUSED/);
    expect(unreachable.text).not.toContain('S3RVER');
    const noBody = await as('tess').post(`/datasets/${id}/export-s3`, {});
    expect(noBody.status).toBe(422);
    expect(noBody.body.detail).toContain('integration_id');
    expect(await listKeys('runs/')).toEqual([]);

    const queued = await exportTo(target.body.integration_id);
    expect(queued.status, queued.text).toBe(202);
    expect(queued.body).toMatchObject({
      status: 'queued',
      bucket: BUCKET,
      prefix: `runs/datasets/${id}/`,
      manifest_key: `runs/datasets/${id}/manifest.json`,
    });
    const files = (await as('tess').get(`/datasets/${id}`)).body.files as Array<{
      format: string;
      file_index: number;
      file_name: string;
    }>;
    expect(files.length).toBe(4 * 3);
    await waitNotification('dataset.exported', id);

    const expected = files
      .map((f) => `runs/datasets/${id}/${f.format}/${f.file_name}`)
      .concat(`runs/datasets/${id}/manifest.json`)
      .sort();
    expect(await listKeys('runs/')).toEqual(expected);
    for (const file of files) {
      const served = await fetch(
        `${t.url}/data/${id}?format=${file.format}&file_index=${file.file_index}`,
        { headers: { authorization: `Bearer ${tokens['tess']}` } },
      );
      const object = await getObject(`runs/datasets/${id}/${file.format}/${file.file_name}`);
      expect(object.bytes.equals(Buffer.from(await served.arrayBuffer())), file.file_name).toBe(
        true,
      );
    }
    const manifest = JSON.parse(
      (await getObject(`runs/datasets/${id}/manifest.json`)).bytes.toString(),
    );
    expect(manifest.files).toHaveLength(files.length);
  });

  // Independent of the store: registered once, on the embedded store, rather than listed as skipped on PostgreSQL.
  if (kind === 'embedded')
    it('exports on /api/v1 too: 202 with the keys, 404 outside the project, 403 for a Viewer, 400 naming the field', async () => {
      const target = await integration(s3Config({ prefix: 'v1' }));
      const dataset = await as('tess').post('/datasets/create', {
        name: 'v1',
        project_id: project,
        schema_id: schemaId,
        record_count: 20,
        types: ['csv'],
      });
      const id = dataset.body.dataset_id as number;
      await waitCompleted(id);
      const v1 = (auth: string, path: string, body: unknown) =>
        t.call('POST', `/api/v1/projects/${path}/export`, { auth, body });
      const integrationId = target.body.integration_id as string;
      expect(
        (
          await v1(t.adminKey, `${project + 100}/synthetic-datasets/${id}`, {
            integration: integrationId,
          })
        ).status,
      ).toBe(404);
      expect(
        (
          await v1(t.adminKey, `${project}/synthetic-datasets/${id + 100}`, {
            integration: integrationId,
          })
        ).status,
      ).toBe(404);
      const noField = await v1(t.adminKey, `${project}/synthetic-datasets/${id}`, {});
      expect(noField.status).toBe(400);
      expect(noField.body.field).toContain('integration');
      await t.userWithPassword('vic', 'viewer');
      const viewer = await v1(await t.tokenOf('vic'), `${project}/synthetic-datasets/${id}`, {
        integration: integrationId,
      });
      expect(viewer.status).toBe(403);
      expect(await listKeys('v1/')).toEqual([]);

      const queued = await v1(t.adminKey, `${project}/synthetic-datasets/${id}`, {
        integration: integrationId,
      });
      expect(queued.status, queued.text).toBe(202);
      expect(queued.body).toMatchObject({
        dataset: id,
        bucket: BUCKET,
        prefix: `v1/datasets/${id}/`,
        manifest: `v1/datasets/${id}/manifest.json`,
        objects: [{ key: `v1/datasets/${id}/csv/customers.csv`, format: 'csv', index: 0 }],
      });
      for (let i = 0; i < 300 && (await listKeys('v1/')).length < 2; i++)
        await new Promise((resolve) => setTimeout(resolve, 100));
      expect(await listKeys('v1/')).toEqual([
        `v1/datasets/${id}/csv/customers.csv`,
        `v1/datasets/${id}/manifest.json`,
      ]);
      const doc = (await t.call('GET', '/openapi.json')).body as { paths: Record<string, unknown> };
      expect(doc.paths).toHaveProperty([
        '/api/v1/projects/{project}/synthetic-datasets/{id}/export',
      ]);
    });

  // Independent of the store: registered once, on the embedded store, rather than listed as skipped on PostgreSQL.
  if (kind === 'embedded')
    it('uploads a file larger than a part as a multipart upload, and refuses a dataset not completed', async () => {
      const proxy = await recordingProxy(s3Url);
      const target = await integration(s3Config({ prefix: 'big', endpoint: proxy.url }));
      const dataset = await as('tess').post('/datasets/create', {
        name: 'big',
        project_id: project,
        schema_id: schemaId,
        record_count: 60_000,
        types: ['json'],
        params: { seed: 11 },
      });
      const id = dataset.body.dataset_id as number;
      // Asked for at once, the generation of 60,000 records has not completed.
      const early = await as('tess').post(`/datasets/${id}/export-s3`, {
        integration_id: target.body.integration_id,
      });
      expect(early.status).toBe(400);
      expect(early.body.detail).toContain('not completed');
      await waitCompleted(id);
      const file = (await as('tess').get(`/datasets/${id}`)).body.files[0];
      expect(file.size).toBeGreaterThan(5 * 1024 * 1024);
      expect(await listKeys('big/')).toEqual([]);

      const queued = await as('tess').post(`/datasets/${id}/export-s3`, {
        integration_id: target.body.integration_id,
      });
      expect(queued.status, queued.text).toBe(202);
      await waitNotification('dataset.exported', id);
      await proxy.close();
      const object = await getObject(`big/datasets/${id}/json/${file.file_name}`);
      const key = `/${BUCKET}/big/datasets/${id}/json/${file.file_name}`;
      // Created as a multipart upload of two parts, then completed: never one PUT of the whole.
      expect(proxy.seen.filter((line) => line.startsWith(`POST ${key}?uploads`))).toHaveLength(1);
      expect(
        proxy.seen.filter((line) => line.startsWith(`PUT ${key}?`) && line.includes('partNumber=')),
      ).toHaveLength(2);
      expect(proxy.seen.filter((line) => line.startsWith(`POST ${key}?uploadId=`))).toHaveLength(1);
      const served = await fetch(`${t.url}/data/${id}?format=json`, {
        headers: { authorization: `Bearer ${tokens['tess']}` },
      });
      expect(object.bytes.equals(Buffer.from(await served.arrayBuffer()))).toBe(true);
    }, 60_000);
});
