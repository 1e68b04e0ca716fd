import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../start-server.js';
import { httpCaller } from '../../testing/http-caller.js';
import { testPostgresUrl } from '../../testing/test-postgres-url.js';

const POSTGRES_URL = testPostgresUrl('data assembly over the PostgreSQL work queue');
const PASSWORD = 'correct horse battery';
const PROJECT = { name: 'enrol_lab', version: '1.0' };

/**
 * Data assembly through the TDO routes on two server replicas sharing one
 * PostgreSQL store and its pg-boss work queue: the replica that answers the
 * requests runs no queued work, so every assembly runs on the other one.
 */
describe('TDO data assembly over HTTP on PostgreSQL, run by another replica through pg-boss', () => {
  const schema = `allot_assembly_${randomBytes(5).toString('hex')}`;
  const storeSpec = `${POSTGRES_URL}${POSTGRES_URL.includes('?') ? '&' : '?'}schema=${schema}`;
  const servers: RunningServer[] = [];
  let front: RunningServer;
  let call: ReturnType<typeof httpCaller>;
  let admin: string;
  const basic = `Basic ${Buffer.from(`qa_tester:${PASSWORD}`).toString('base64')}`;
  const context = { user: 'qa_tester', password: PASSWORD, project: PROJECT };

  async function get(path: string) {
    const response = await fetch(`${front.url}${path}`, { headers: { authorization: basic } });
    const text = await response.text();
    expect(response.status, `${path}: ${text}`).toBe(200);
    return text;
  }

  async function sql<T extends pg.QueryResultRow>(query: string, values: unknown[] = []) {
    const client = new pg.Client({ connectionString: POSTGRES_URL });
    await client.connect();
    try {
      return (await client.query<T>(query, values)).rows;
    } finally {
      await client.end();
    }
  }

  beforeAll(async () => {
    const common = {
      storeSpec,
      port: 0,
      logLevel: 'silent' as const,
      rateLimit: false as const,
      loginThrottle: false as const,
      handleSignals: false,
      print: () => undefined,
      postgresQueue: { pollingIntervalSeconds: 0.5 },
    };
    front = await startServer({ ...common, runQueue: false });
    servers.push(front);
    servers.push(await startServer(common));
    admin = front.adminKey!;
    call = httpCaller(front.url);

    const user = await call('POST', '/api/v1/users', {
      auth: admin,
      body: { id: 'qa_tester', name: 'QA', email: 'qa@example.test', role: 'tester' },
    });
    expect(user.status, user.text).toBe(201);
    const invited = await call('POST', '/api/v1/users/qa_tester/invitation', {
      auth: admin,
      body: {},
    });
    const accepted = await call('POST', `/api/v1/invitations/${invited.body.token}`, {
      body: { password: PASSWORD },
    });
    expect(accepted.status, accepted.text).toBe(200);
    const project = await call('POST', '/api/v1/projects', { auth: admin, body: PROJECT });
    expect(project.status, project.text).toBe(201);

    const upload = async (block: string, csv: string, keyColumn?: string) => {
      const query = keyColumn === undefined ? '' : `?keyColumn=${keyColumn}`;
      const response = await fetch(`${front.url}/api/v1/blocks/${block}${query}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${admin}`, 'content-type': 'text/csv' },
        body: csv,
      });
      expect(response.status, await response.text()).toBe(201);
    };
    await upload('plan_combos', 'plan_type,tier\nRetail,gold\nRetail,silver\nCorporate,gold\n');
    // Exactly the members two assemblies need: 2 × (4 Retail + 2 Corporate) records.
    await upload(
      'plan_members',
      [
        'member_id,plan_type,first_name',
        ...Array.from({ length: 12 }, (_, i) =>
          [`M${String(i + 1).padStart(2, '0')}`, i < 8 ? 'Retail' : 'Corporate', `Ann ${i}`].join(
            ',',
          ),
        ),
      ].join('\n'),
      'member_id',
    );
    const put = async (path: string, body: unknown) => {
      const response = await call('PUT', `/api/v1/projects/${project.body.id}/${path}`, {
        auth: admin,
        body,
      });
      expect(response.status, response.text).toBe(201);
    };
    await put('data-views/combo_view', {});
    await put('data-views/member_view', {
      columns: ['member_id', 'first_name'],
      match: { plan_type: 'plan_type' },
    });
    await put('scenarios/family', {
      steps: [
        { name: 'subscriber', recordType: 'S' },
        { name: 'spouse', recordType: 'D' },
      ],
    });
  });

  afterAll(async () => {
    for (const server of servers) await server.close();
    await sql(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  });

  /** Creates a workset through TDO, as the tester; answers its id. */
  async function workset(name: string): Promise<string> {
    const created = await call('POST', '/core/1.0/API/workSet', {
      body: {
        context,
        entity: {
          name,
          scenario: { name: 'family', version: '1.0' },
          primary: {
            view: { name: 'combo_view', version: '1.0' },
            dataSet: { name: 'plan_combos', version: '1.0.0' },
          },
          dataViews: [
            {
              view: { name: 'member_view', version: '1.0' },
              dataSet: { name: 'plan_members', version: '1.0.0' },
            },
          ],
        },
      },
    });
    expect(created.status, created.text).toBe(200);
    return created.body.entity.id as string;
  }

  /** Requests an assembly through TDO and polls its progress to 100 %. */
  async function assemble(name: string, id: string) {
    const requested = JSON.parse(
      await get(`/core/1.0/API/dataAssemblyRequest/${PROJECT.name}/${PROJECT.version}/${name}/1.0`),
    );
    expect(requested.id).toBe(id);
    const seen: number[] = [];
    let progress: Record<string, unknown> = {};
    for (let i = 0; i < 400 && progress.progress !== 100; i++) {
      progress = JSON.parse(await get(`/core/1.0/API/dataAssemblyProgress/${id}`));
      if (progress.state === 'failed') throw new Error(JSON.stringify(progress));
      seen.push(progress.progress as number);
      if (progress.progress !== 100) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(progress.progress).toBe(100);
    // Progress never goes back while it is polled.
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    return progress;
  }

  /** The member ids an assembled block version holds, from its CSV download. */
  async function members(block: string, version: string): Promise<string[]> {
    const csv = await get(
      `/core/1.1/API/project/${PROJECT.name}/${PROJECT.version}/datablocks/${block}/${version}/`,
    );
    const [header, ...lines] = csv.trim().split(/\r?\n/);
    const at = header!.split(',').indexOf('member_id');
    return lines.map((line) => line.split(',')[at]!).filter((id) => id !== '');
  }

  it('two assemblies requested together each get distinct rows, held by leases in PostgreSQL', async () => {
    const first = await workset('north_workset');
    const second = await workset('south_workset');
    const [a, b] = await Promise.all([
      assemble('north_workset', first),
      assemble('south_workset', second),
    ]);
    for (const [progress, block] of [
      [a, 'north_workset'],
      [b, 'south_workset'],
    ] as const) {
      expect(progress).toMatchObject({
        progress: 100,
        state: 'completed',
        rowsGenerated: 6,
        rowsToGenerate: 6,
        rowsWithErrors: 0,
        dataBlock: block,
        dataBlockVersion: '1.0',
      });
    }
    const north = await members('north_workset', '1.0');
    const south = await members('south_workset', '1.0');
    expect(north).toHaveLength(6);
    expect(south).toHaveLength(6);
    expect(new Set([...north, ...south]).size).toBe(12);

    // The store's own record: one exclusive lease per member row, none shared.
    const leases = await sql<{ row_key: string }>(
      `SELECT row_key FROM "${schema}".leases WHERE block = 'plan_members' AND NOT shared`,
    );
    expect(leases.map((l) => l.row_key).sort()).toEqual([...north, ...south].sort());

    // Both ran as queued jobs of the store's work queue (pg-boss carries them; the replica
    // that answered runs none), completed there.
    const queued = await sql<{ kind: string; state: string }>(
      `SELECT kind, state FROM "${schema}".queued_jobs ORDER BY created_at`,
    );
    expect(queued).toEqual([
      { kind: 'data-assembly', state: 'completed' },
      { kind: 'data-assembly', state: 'completed' },
    ]);

    // While those leases live, a third assembly finds no free member: every record is a row
    // error, and the output is the workset's next block version.
    const again = await assemble('north_workset', first);
    expect(again).toMatchObject({
      rowsGenerated: 6,
      rowsWithErrors: 6,
      dataBlock: 'north_workset',
      dataBlockVersion: '1.1',
    });
    expect(await members('north_workset', '1.1')).toEqual([]);
  });
});
