import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  startTdmpServer,
  TDMP_TEST_PASSWORD,
  type TdmpTestServer,
} from '../../testing/tdmp-test-server.js';
import {
  ACCOUNT_XSD,
  CUSTOMER_CONSTRAINTS,
  CUSTOMER_SCHEMA,
} from '../../testing/synth-fixtures.js';
import { jqOnPath, type JqOnPath } from '../../testing/jq-on-path.js';
import { pythonWithRequests } from '../../testing/python-requests.js';

const run = promisify(execFile);

/** The reference's bash workflow, word for word but for its base URL, user and ids. */
const REFERENCE_SCRIPT = `#!/bin/bash
TOKEN=$(curl -s -X POST http://localhost:8010/users/token \\
-d "username=ci-service&password=$CI_PASSWORD" \\
| jq -r '.access_token')

DATASET=$(curl -s -X POST http://localhost:8010/datasets/create \\
-H "Authorization: Bearer $TOKEN" \\
-H "Content-Type: application/json" \\
-d '{
"name": "CI Build #'$BUILD_ID'",
"project_id": 5,
"schema_id": 12,
"constraint_set_id": 8,
"record_count": 100,
"types": ["json"]
}' | jq -r '.dataset_id')

# Poll until complete
while true; do
STATUS=$(curl -s http://localhost:8010/datasets/$DATASET \\
-H "Authorization: Bearer $TOKEN" \\
| jq -r '.status')

if [ "$STATUS" = "completed" ]; then
break
elif [ "$STATUS" = "failed" ]; then
exit 1
fi

sleep 5
done

# Download dataset
curl -o test-data.json http://localhost:8010/data/$DATASET?format=json \\
-H "Authorization: Bearer $TOKEN"
`;

/** The reference's Python bulk example, likewise. */
const REFERENCE_PYTHON = `import requests

BASE_URL = "http://localhost:8010"
TOKEN = "your-token-here"
HEADERS = {
"Authorization": f"Bearer {TOKEN}",
"Content-Type": "application/json"
}

# Generate multiple datasets
schemas = [10, 11, 12, 13, 14]
project_id = 7
constraint_set_id = 20

for schema_id in schemas:
    response = requests.post(
        f"{BASE_URL}/datasets/create",
        headers=HEADERS,
        json={
            "name": f"Batch Dataset for Schema {schema_id}",
            "project_id": project_id,
            "schema_id": schema_id,
            "constraint_set_id": constraint_set_id,
            "record_count": 50,
            "types": ["csv", "json"]
        }
    )
    print(f"Created dataset {response.json()['dataset_id']}")
`;

describe('TDMP schemas, constraints, datasets and downloads', () => {
  let t: TdmpTestServer;
  let jq: JqOnPath;
  let dir: string;
  let project: number;
  let tester: string;
  let admin: string;
  let outsider: string;

  beforeAll(async () => {
    t = await startTdmpServer();
    jq = await jqOnPath();
    dir = await mkdtemp(join(tmpdir(), 'allot-tdmp-synth-'));
    await t.userWithPassword('ci-service', 'tester');
    await t.userWithPassword('ada', 'admin');
    tester = await t.tokenOf('ci-service');
    admin = await t.tokenOf('ada');
    const created = await t.call('POST', '/api/v1/projects', {
      auth: t.adminKey,
      body: { name: 'Mobile App Testing' },
    });
    project = created.body.id as number;
    // A Tester works in the projects they are a member of.
    const member = await t.call('POST', `/api/v1/projects/${project}/members`, {
      auth: t.adminKey,
      body: { user: 'ci-service', role: 'edit' },
    });
    expect(member.status, member.text).toBe(200);
    await t.userWithPassword('olga', 'tester');
    outsider = await t.tokenOf('olga');
  });
  afterAll(async () => {
    await t.close();
    await jq.close();
    await rm(dir, { recursive: true, force: true });
  });

  async function schema(title: string): Promise<number> {
    const uploaded = await t.call('POST', '/schemas', {
      auth: tester,
      body: { name: title, project_id: project, content: { ...CUSTOMER_SCHEMA, title } },
    });
    expect(uploaded.status, uploaded.text).toBe(201);
    return uploaded.body.schema_id as number;
  }

  async function constraintSet(schemaId: number): Promise<number> {
    const created = await t.call('POST', '/constraints', {
      auth: tester,
      body: { name: 'weighted', schema_id: schemaId, constraints: CUSTOMER_CONSTRAINTS },
    });
    expect(created.status, created.text).toBe(201);
    return created.body.constraint_set_id as number;
  }

  it('runs the reference bash workflow with curl and jq: token, create, poll, download', async () => {
    const schemaId = await schema('customers');
    const setId = await constraintSet(schemaId);
    const script = REFERENCE_SCRIPT.replaceAll('http://localhost:8010', t.url)
      .replace('"project_id": 5', `"project_id": ${project}`)
      .replace('"schema_id": 12', `"schema_id": ${schemaId}`)
      .replace('"constraint_set_id": 8', `"constraint_set_id": ${setId}`);
    await writeFile(join(dir, 'ci.sh'), script);
    await run('bash', [join(dir, 'ci.sh')], {
      cwd: dir,
      env: jq.env({ CI_PASSWORD: TDMP_TEST_PASSWORD, BUILD_ID: '77' }),
      timeout: 50_000,
    });
    const records = JSON.parse(await readFile(join(dir, 'test-data.json'), 'utf8')) as {
      id: number;
      status: string;
      since: string;
      until: string;
    }[];
    expect(records).toHaveLength(100);
    expect(new Set(records.map((r) => r.id)).size).toBe(100);
    for (const r of records) {
      expect(['active', 'locked']).toContain(r.status);
      expect(r.until >= r.since).toBe(true);
    }
    const list = await t.call('GET', `/datasets?project_id=${project}`, { auth: tester });
    expect(list.body.map((d: { name: string }) => d.name)).toContain('CI Build #77');
  }, 60_000);

  it('runs the reference Python bulk example with requests (or its stand-in where not installed)', async () => {
    const ids = [];
    for (const n of [10, 11, 12, 13, 14]) ids.push(await schema(`schema${n}`));
    const setId = await constraintSet(ids[0]!);
    const program = REFERENCE_PYTHON.replace('http://localhost:8010', t.url)
      .replace('your-token-here', tester)
      .replace('[10, 11, 12, 13, 14]', `[${ids.join(', ')}]`)
      .replace('project_id = 7', `project_id = ${project}`)
      .replace('constraint_set_id = 20', `constraint_set_id = ${setId}`);
    await writeFile(join(dir, 'bulk.py'), program);
    const python = await pythonWithRequests();
    const { stdout } = await run(python.command, [...python.args, join(dir, 'bulk.py')], {
      env: python.env,
      timeout: 30_000,
    });
    const created = [...stdout.matchAll(/^Created dataset (\d+)$/gm)].map((m) => Number(m[1]));
    expect(created).toHaveLength(5);
    for (const id of created) {
      let status = 'queued';
      for (let i = 0; i < 200 && (status === 'queued' || status === 'running'); i++) {
        status = (await t.call('GET', `/datasets/${id}`, { auth: tester })).body.status as string;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      expect(status).toBe('completed');
      const csv = await t.call('GET', `/data/${id}?format=csv&file_index=0`, { auth: tester });
      expect(csv.status).toBe(200);
      expect(csv.text.trim().split('\r\n')).toHaveLength(51);
    }
  }, 60_000);

  it('takes a schema file as a multipart upload (curl -F)', async () => {
    await writeFile(join(dir, 'accounts.xsd'), ACCOUNT_XSD);
    const { stdout } = await run('curl', [
      '-s',
      '-X',
      'POST',
      `${t.url}/schemas`,
      '-H',
      `Authorization: Bearer ${tester}`,
      '-F',
      'name=accounts',
      '-F',
      `project_id=${project}`,
      '-F',
      `file=@${join(dir, 'accounts.xsd')}`,
    ]);
    const uploaded = JSON.parse(stdout) as {
      schema_id: number;
      schema_type: string;
      record_name: string;
    };
    expect(uploaded).toMatchObject({ schema_type: 'xsd', record_name: 'accounts' });
    const read = await t.call('GET', `/schemas/${uploaded.schema_id}`, { auth: tester });
    expect(read.body.content).toBe(ACCOUNT_XSD);
    const empty = await t.call('POST', '/schemas', {
      auth: tester,
      body: { name: 'none', project_id: project },
    });
    expect(empty.status).toBe(422);
    expect(empty.body.detail).toMatch(/content/);
  });

  it('answers roles, bad bodies and unknown ids as the reference shows: 403, 422, 404 with detail', async () => {
    const schemaId = await schema('roles');
    const created = await t.call('POST', '/datasets/create', {
      auth: tester,
      body: { name: 'r', project_id: project, schema_id: schemaId, record_count: 5 },
    });
    expect(created.status, created.text).toBe(201);
    const id = created.body.dataset_id as number;

    const forbidden = await t.call('DELETE', `/datasets/${id}`, { auth: tester });
    expect(forbidden.status).toBe(403);
    expect(forbidden.body.detail).toMatch(/Admin/);
    expect((await t.call('DELETE', `/schemas/${schemaId}`, { auth: tester })).status).toBe(403);

    const missing = await t.call('POST', '/datasets/create', {
      auth: tester,
      body: { name: 'r', project_id: project, schema_id: schemaId },
    });
    expect(missing.status).toBe(422);
    expect(missing.body.detail).toMatch(/record_count/);
    const badPath = await t.call('POST', '/constraints', {
      auth: tester,
      body: { name: 'x', schema_id: schemaId, constraints: { fields: { nope: { unique: true } } } },
    });
    expect(badPath.status).toBe(422);
    expect(badPath.body.detail).toMatch(/nope/);
    const unsupported = await t.call('POST', '/schemas', {
      auth: tester,
      body: {
        name: 'x',
        project_id: project,
        content: '{"type":"object","properties":{"a":{"type":"string","not":{}}}}',
      },
    });
    expect(unsupported.status).toBe(422);
    expect(unsupported.body.detail).toMatch(/not/);

    for (const path of [
      '/datasets/999999',
      '/schemas/999999',
      '/constraints/999999',
      '/data/999999',
      '/schemas/999999/repr',
    ]) {
      const response = await t.call('GET', path, { auth: tester });
      expect(response.status, path).toBe(404);
      expect(typeof response.body.detail).toBe('string');
    }
    expect((await t.call('GET', `/datasets/${id}`)).status).toBe(401);

    // A Tester of another project sees none of this one: 404, as for what does not exist.
    for (const path of [
      `/datasets/${id}`,
      `/data/${id}`,
      `/schemas/${schemaId}`,
      `/schemas/${schemaId}/repr`,
    ]) {
      const response = await t.call('GET', path, { auth: outsider });
      expect(response.status, path).toBe(404);
    }
    expect((await t.call('GET', '/datasets', { auth: outsider })).body).toEqual([]);
    expect((await t.call('GET', '/schemas', { auth: outsider })).body).toEqual([]);
    const elsewhere = await t.call('POST', '/datasets/create', {
      auth: outsider,
      body: { name: 'r', project_id: project, schema_id: schemaId, record_count: 5 },
    });
    expect(elsewhere.status).toBe(404);
    expect(elsewhere.body.detail).toBe('Project not found');

    const inUse = await t.call('DELETE', `/schemas/${schemaId}`, { auth: admin });
    expect(inUse.status, inUse.text).toBe(400);
    expect(inUse.body.detail).toBe(`schema ${schemaId} is used by dataset ${id}`);

    const deleted = await t.call('DELETE', `/datasets/${id}`, { auth: admin });
    expect(deleted.status, deleted.text).toBe(200);
    expect((await t.call('GET', `/datasets/${id}`, { auth: admin })).status).toBe(404);

    const repr = await t.call('GET', `/schemas/${schemaId}/repr`, { auth: tester });
    expect(repr.body.fields.map((f: { path: string }) => f.path)).toEqual([
      'id',
      'email',
      'status',
      'since',
      'until',
    ]);
  });
});
