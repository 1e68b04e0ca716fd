import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../start-server.js';
import { httpCaller } from '../../testing/http-caller.js';

const PASSWORD = 'correct horse battery';
const PROJECT = { name: 'claims_lab', version: '1.0' };

/**
 * Replays, in order, the requests of the TDO reference's workset, data
 * assembly, upload, download and report sections against a real server on
 * a port, with names of this test's own.
 */
describe('TDO worksets, assembly, uploads, downloads and reports, replayed over HTTP', () => {
  let dir: string;
  let server: RunningServer;
  let call: ReturnType<typeof httpCaller>;
  let admin: string;
  let worksetId: string;
  let cloneId: string;
  const basic = (user: string) => `Basic ${Buffer.from(`${user}:${PASSWORD}`).toString('base64')}`;
  const context = (user = 'qa_admin') => ({ user, password: PASSWORD, project: PROJECT });

  async function raw(method: string, path: string, body: string, headers: Record<string, string>) {
    const response = await fetch(`${server.url}${path}`, { method, headers, body });
    return { status: response.status, text: await response.text() };
  }
  async function userWithPassword(id: string, role: string) {
    const created = await call('POST', '/api/v1/users', {
      auth: admin,
      body: { id, name: id, email: `${id}@example.test`, role },
    });
    expect(created.status, created.text).toBe(201);
    const invited = await call('POST', `/api/v1/users/${id}/invitation`, { auth: admin, body: {} });
    const accepted = await call('POST', `/api/v1/invitations/${invited.body.token}`, {
      body: { password: PASSWORD },
    });
    expect(accepted.status, accepted.text).toBe(200);
  }
  async function upload(csv: string, block: string, user = 'qa_admin', version?: string) {
    const staged = await raw('POST', '/core/1.0/API/upload', csv, {
      authorization: basic(user),
      'content-type': 'text/csv',
    });
    expect(staged.status, staged.text).toBe(200);
    const id = JSON.parse(staged.text).id as string;
    return call('PUT', `/core/1.0/API/project/${PROJECT.name}/${PROJECT.version}/upload/${id}`, {
      headers: { authorization: basic(user) },
      body: { fileName: `${block}.csv`, dataBlockName: block, ...(version ? { version } : {}) },
    });
  }
  async function get(path: string, user = 'qa_admin', accept?: string) {
    const response = await fetch(`${server.url}${path}`, {
      headers: { authorization: basic(user), ...(accept ? { accept } : {}) },
    });
    return {
      status: response.status,
      type: response.headers.get('content-type') ?? '',
      bytes: Buffer.from(await response.arrayBuffer()),
    };
  }

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'allot-tdo-assembly-'));
    server = await startServer({
      dataDir: dir,
      port: 0,
      logLevel: 'silent',
      handleSignals: false,
      print: () => undefined,
      rateLimit: false,
      loginThrottle: false,
    });
    admin = server.adminKey!;
    call = httpCaller(server.url);
    await userWithPassword('qa_admin', 'admin');
    await userWithPassword('qa_lead', 'manager');
    const project = await call('POST', '/api/v1/projects', { auth: admin, body: PROJECT });
    expect(project.status, project.text).toBe(201);
  });
  afterAll(async () => {
    await server?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('uploads in two steps: 1.0 for a new block, 1.1 for a refresh; bad files answer 400', async () => {
    const combos = 'plan_type,tier\nRetail,gold\nRetail,silver\nCorporate,gold\nVip,gold\n';
    const first = await upload(combos, 'plan_combos');
    expect(first.status, first.text).toBe(200);
    expect(first.body.dataBlock).toMatchObject({ name: 'plan_combos', version: '1.0', rows: 4 });
    const members = [
      'member_id,plan_type,first_name,last_name,birth_date,gender',
      ...Array.from({ length: 12 }, (_, i) =>
        [
          `M${String(i + 1).padStart(3, '0')}`,
          i % 3 === 2 ? 'Corporate' : 'Retail',
          `"Ann, ${i}"`,
          `Lee${i}`,
          '19800101',
          i % 2 === 0 ? 'F' : 'M',
        ].join(','),
      ),
    ].join('\n');
    expect((await upload(members, 'plan_members')).body.dataBlock.version).toBe('1.0');
    const again = await upload(members, 'plan_members', 'qa_admin', '1.0');
    expect(again.body.dataBlock).toMatchObject({ version: '1.1', rows: 12 });

    const upper = await raw('POST', '/core/1.0/API/upload', 'Plan_Type\nx\n', {
      authorization: basic('qa_admin'),
      'content-type': 'text/csv',
    });
    expect(upper.status).toBe(400);
    expect(upper.text).toContain('lower case');
    const empty = await raw('POST', '/core/1.0/API/upload', 'plan_type\n', {
      authorization: basic('qa_admin'),
      'content-type': 'application/octet-stream',
    });
    expect(empty.status).toBe(400);
    expect(empty.text).toContain('no data row');
    const unknown = await call(
      'PUT',
      `/core/1.0/API/project/${PROJECT.name}/${PROJECT.version}/upload/00000000-0000-0000-0000-000000000000`,
      {
        headers: { authorization: basic('qa_admin') },
        body: { fileName: 'x.csv', dataBlockName: 'x' },
      },
    );
    expect(unknown.status).toBe(404);
  });

  it('stores data views and a scenario through /api/v1', async () => {
    const projectId = (
      await call('GET', `/api/v1/projects/by-name/${PROJECT.name}/${PROJECT.version}`, {
        auth: admin,
      })
    ).body.id;
    const put = (path: string, body: unknown) =>
      call('PUT', `/api/v1/projects/${projectId}/${path}`, { auth: admin, body });
    expect((await put('data-views/combo_view', { columns: ['plan_type', 'tier'] })).status).toBe(
      201,
    );
    const member = await put('data-views/member_view', {
      columns: ['member_id', 'first_name', 'last_name', 'birth_date', 'gender'],
      match: { plan_type: 'plan_type' },
    });
    expect(member.status, member.text).toBe(201);
    expect(member.body.version).toBe('1.0');
    const scenario = await put('scenarios/enrol_family', {
      steps: [
        { name: 'subscriber', recordType: 'S' },
        { name: 'spouse', recordType: 'D' },
      ],
    });
    expect(scenario.status, scenario.text).toBe(201);
    const bad = await put('scenarios/empty', { steps: [] });
    expect(bad.status).toBe(400);
  });

  it('creates, updates (same id, 1.1), lists, reads, clones and deletes worksets', async () => {
    const created = await call('POST', '/core/1.0/API/workSet', {
      body: {
        context: context(),
        entity: {
          name: 'family_workset',
          scenario: { name: 'enrol_family', version: '1.0' },
          primary: {
            view: { name: 'combo_view', version: '1.0' },
            dataSet: { name: 'plan_combos', version: '1.0.0' },
          },
          dataViews: [],
        },
      },
    });
    expect(created.status, created.text).toBe(200);
    worksetId = created.body.entity.id;
    expect(created.body.entity).toMatchObject({
      name: 'family_workset',
      version: '1.0',
      lockTimeout: -1,
    });

    const badName = await call('POST', '/core/1.0/API/workSet', {
      body: { context: context(), entity: { ...created.body.entity, name: 'family' } },
    });
    expect(badName.status).toBe(400);
    expect(badName.body.field).toBe('entity.name');

    const updated = await call('PATCH', '/core/1.0/API/workSet', {
      body: {
        context: context(),
        entity: {
          id: worksetId,
          dataViews: [
            {
              view: { name: 'member_view', version: '1.0' },
              dataSet: { name: 'plan_members', version: '1.1.0' },
            },
          ],
        },
      },
    });
    expect(updated.status, updated.text).toBe(200);
    expect(updated.body.entity).toMatchObject({ id: worksetId, version: '1.1' });
    expect(updated.body.entity.dataViews).toHaveLength(1);

    const all = await call('POST', '/core/1.0/API/workSets', { body: { context: context() } });
    expect(all.body.entities.map((w: { name: string }) => w.name)).toEqual(['family_workset']);
    const details = await call('POST', `/core/1.0/API/workSet/${worksetId}`, {
      body: { context: context() },
    });
    expect(details.body.entity).toMatchObject({ id: worksetId, version: '1.1', lockedBy: null });

    const clone = await call(
      'POST',
      `/core/API/workSet/clone/${worksetId}?name=family_copy_workset`,
      {
        body: { context: context() },
      },
    );
    expect(clone.status, clone.text).toBe(200);
    cloneId = clone.body.entity.id;
    expect(cloneId).not.toBe(worksetId);
    expect(clone.body.entity.dataViews).toEqual(updated.body.entity.dataViews);

    const byManager = await call('DELETE', `/core/1.0/API/workSet/${cloneId}`, {
      body: { context: context('qa_lead') },
    });
    expect(byManager.status).toBe(403);
    const deleted = await call('DELETE', `/core/1.0/API/workSet/${cloneId}`, {
      body: { context: context() },
    });
    expect(deleted.body.result).toBe(1);
    const twice = await call('DELETE', `/core/1.0/API/workSet/${cloneId}`, {
      body: { context: context() },
    });
    expect(twice.body.result).toBe(0);

    const unlocked = await call('PATCH', `/core/1.0/API/workSet/unlock/${worksetId}`, {
      body: { context: context('qa_lead') },
    });
    expect(unlocked.body.entity).toMatchObject({
      lockedBy: null,
      lockDateTime: null,
      lockTimeout: -1,
    });
  });

  it('assembles a workset version as a queued job: one record per combination and step, rows unique, errors per row', async () => {
    const requested = await get(
      `/core/1.0/API/dataAssemblyRequest/${PROJECT.name}/${PROJECT.version}/family_workset/1.1`,
    );
    expect(requested.status, requested.bytes.toString()).toBe(200);
    const answer = JSON.parse(requested.bytes.toString());
    expect(Object.keys(answer)[0]).toBe('id');
    expect(answer.id).toBe(worksetId);
    let progress: Record<string, unknown> = {};
    for (let i = 0; i < 200 && progress.progress !== 100; i++) {
      const polled = await get(`/core/1.0/API/dataAssemblyProgress/${worksetId}`);
      progress = JSON.parse(polled.bytes.toString());
      if (progress.state === 'failed') throw new Error(JSON.stringify(progress));
      if (progress.progress !== 100) await new Promise((r) => setTimeout(r, 50));
    }
    // 4 combinations × 2 steps; the Vip combination has no member: its two records carry errors.
    expect(progress).toMatchObject({
      progress: 100,
      rowsGenerated: 8,
      rowsToGenerate: 8,
      dataBlock: 'family_workset',
      dataBlockVersion: '1.0',
      rowsWithErrors: 2,
    });
    const details = await call('POST', `/core/1.0/API/workSet/${worksetId}`, {
      body: { context: context() },
    });
    expect(details.body.entity.lockedBy).toBeNull();

    const csv = await get(
      `/core/1.1/API/project/${PROJECT.name}/${PROJECT.version}/datablocks/family_workset/1.0/`,
    );
    expect(csv.status).toBe(200);
    const lines = csv.bytes.toString().trim().split(/\r?\n/);
    expect(lines[0]).toBe(
      'record,step,record_type,plan_type,tier,member_id,first_name,last_name,birth_date,gender',
    );
    expect(lines).toHaveLength(9);
    const ids = lines
      .slice(1)
      .map((line) => line.split(',')[5])
      .filter((id) => id !== '');
    expect(ids).toHaveLength(6);
    expect(new Set(ids).size).toBe(6);
    // Each member drawn has the plan type of its combination (M003, M006 … are Corporate).
    for (const line of lines.slice(1)) {
      const cells = line.split(',');
      if (cells[5] === '') continue;
      const index = Number(cells[5]!.slice(1)) - 1;
      expect(cells[3]).toBe(index % 3 === 2 ? 'Corporate' : 'Retail');
    }
  });

  it('downloads in the format of the API version', async () => {
    const base = `/core/{v}/API/project/${PROJECT.name}/${PROJECT.version}/datablocks/plan_members/1.1/`;
    const at = (v: string) => base.replace('{v}', v);
    const html = await get(at('1.0'));
    expect(html.type).toContain('text/html');
    expect(html.bytes.toString()).toContain('<table');
    expect((await get(at('1.1'))).bytes.toString().split(/\r?\n/)[0]).toBe(
      'member_id,plan_type,first_name,last_name,birth_date,gender',
    );
    expect((await get(at('1.2'))).bytes.toString()).toMatch(/\n1,M001,Retail,"Ann, 0"/);
    expect((await get(at('1.3'))).bytes.toString()).toContain('M001|Retail|Ann, 0|Lee0');
    expect((await get(at('1.4'))).bytes.toString()).toMatch(/\n1\tM001\tRetail\tAnn, 0\t/);
    const sqlite = await get(at('1.6'));
    expect(sqlite.bytes.subarray(0, 15).toString()).toBe('SQLite format 3');
    expect((await get(at('1.9'))).status).toBe(400);
    expect((await get(at('1.5'))).status).toBe(400);
    const x12 = await get(
      `/core/1.5/API/project/${PROJECT.name}/${PROJECT.version}/datablocks/plan_members/1.1/ga/-1`,
    );
    expect(x12.status, x12.bytes.toString()).toBe(200);
    expect(x12.bytes.toString()).toMatch(/^ISA\*/);
    expect(x12.bytes.toString()).toContain('IEA*1*');
    const alight = await get(
      `/core/1.7/API/project/${PROJECT.name}/${PROJECT.version}/family_workset/1.1`,
    );
    expect(alight.status, alight.bytes.toString()).toBe(200);
    const records = alight.bytes
      .toString()
      .split(/\r?\n/)
      .filter((l) => l !== '');
    expect(records).toHaveLength(8);
    for (const record of records) expect(record).toHaveLength(2500);
    expect(
      (await get(`/core/1.7/API/project/${PROJECT.name}/${PROJECT.version}/family_workset/1.0`))
        .status,
    ).toBe(404);
  });

  it('reports sessions, downloads and assemblies with an inclusive start and an exclusive end', async () => {
    const login = await call('POST', '/api/v1/sessions', {
      body: { user: 'qa_lead', password: PASSWORD },
    });
    expect(login.status, login.text).toBe(201);
    const today = new Date().toISOString().slice(0, 10);
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    const report = async (path: string) => {
      const got = await get(`/core/1.0/API/${path}`);
      return { status: got.status, body: JSON.parse(got.bytes.toString()) };
    };
    const sessions = await report(`sessionEvents?startdate=${today}&user=qa_lead`);
    expect(sessions.body).toHaveLength(1);
    expect(sessions.body[0]).toMatchObject({ user: 'qa_lead', active: true, logoutDateTime: null });
    expect((await report(`sessionEvents?startdate=${today}&enddate=${tomorrow}`)).body).toEqual([]);

    const retrieved = await report(`datablockContentRetrieveEvents?startdate=${today}`);
    expect(retrieved.body.length).toBeGreaterThanOrEqual(9);
    expect(retrieved.body[0]).toMatchObject({ user: 'qa_admin', projectName: PROJECT.name });
    expect((await report(`datablockContentRetrieveEvents?enddate=${today}`)).body).toEqual([]);

    const onlyName = await report(`dataAssemblyEvents?projectname=${PROJECT.name}`);
    expect(onlyName.status).toBe(400);
    const assemblies = await report(
      `dataAssemblyEvents?projectname=${PROJECT.name}&projectversion=${PROJECT.version}`,
    );
    expect(assemblies.body).toHaveLength(1);
    expect(assemblies.body[0]).toMatchObject({ rowsGenerated: 8, rowsWithErrors: 2 });
    expect(assemblies.body[0].errors).toHaveLength(2);
    expect(assemblies.body[0].errors[0]).toMatchObject({ step: 'subscriber', view: 'member_view' });

    const html = await get(
      '/core/1.0/API/sessionEvents',
      'qa_admin',
      'text/html,application/xhtml+xml',
    );
    expect(html.type).toContain('text/html');
    expect(html.bytes.toString()).toContain('<td>qa_lead</td>');
    expect((await get('/core/1.0/API/sessionEvents?startdate=2026-13-01')).status).toBe(400);
  });
});
