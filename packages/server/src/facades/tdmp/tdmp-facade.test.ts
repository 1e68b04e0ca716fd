import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTdmpServer, type TdmpTestServer } from '../../testing/tdmp-test-server.js';

describe('TDMP facade: users, projects, notifications, settings, audit, tenants, integrations', () => {
  let t: TdmpTestServer;
  const tokens: Record<string, string> = {};
  const as = (user: string) => ({
    get: (path: string) => t.call('GET', path, { auth: tokens[user] }),
    post: (path: string, body: unknown = {}) => t.call('POST', path, { auth: tokens[user], body }),
    put: (path: string, body: unknown) => t.call('PUT', path, { auth: tokens[user], body }),
    patch: (path: string, body: unknown) => t.call('PATCH', path, { auth: tokens[user], body }),
    delete: (path: string) => t.call('DELETE', path, { auth: tokens[user] }),
  });

  beforeAll(async () => {
    t = await startTdmpServer({ allowPrivateWebhooks: true });
    await t.userWithPassword('sue', 'admin', { superUser: true });
    await t.userWithPassword('adam', 'admin');
    await t.userWithPassword('mia', 'manager');
    await t.userWithPassword('tess', 'tester');
    for (const user of ['sue', 'adam', 'mia', 'tess']) tokens[user] = await t.tokenOf(user);
  });
  afterAll(() => t.close());

  it('shows the caller at /users/me with the reference fields', async () => {
    const me = await as('tess').get('/users/me');
    expect(me.status, me.text).toBe(200);
    expect(me.body).toMatchObject({
      id: 'tess',
      username: 'tess',
      role: 'Tester',
      tenant_id: 'default',
      projects: [],
    });
    expect(me.text).not.toMatch(/scrypt|salt/);
    expect((await as('sue').get('/users/me')).body.role).toBe('SuperUser');
  });

  it('manages users: Admins create and change, Testers may not, and an invitation sets the password', async () => {
    const forbidden = await as('tess').post('/users/create', {
      username: 'nora',
      email: 'nora@example.test',
      role: 'Tester',
    });
    expect(forbidden.status).toBe(403);
    expect(forbidden.body).toEqual({ detail: expect.stringContaining('Admin') });

    const bad = await as('adam').post('/users/create', {
      username: 'nora',
      email: 'not-an-email',
      role: 'Tester',
    });
    expect(bad.status).toBe(422);
    expect(bad.body.detail).toContain('body.email');
    expect((await as('adam').get('/users/nora')).status).toBe(404);

    const created = await as('adam').post('/users/create', {
      username: 'nora',
      email: 'nora@example.test',
      full_name: 'Nora N',
      role: 'Tester',
    });
    expect(created.status, created.text).toBe(201);
    expect(created.body).toMatchObject({ username: 'nora', role: 'Tester', has_password: false });
    // An Admin cannot make a SuperUser.
    expect(
      (
        await as('adam').post('/users/create', {
          username: 'zed',
          email: 'zed@example.test',
          role: 'SuperUser',
        })
      ).status,
    ).toBe(403);

    const setup = await t.call('POST', '/users/setup-password', {
      body: { token: created.body.invitation_token, password: 'a new long password' },
    });
    expect(setup.status, setup.text).toBe(200);
    expect((await t.login('nora', 'a new long password')).status).toBe(200);
    const reused = await t.call('POST', '/users/setup-password', {
      body: { token: created.body.invitation_token, password: 'another password' },
    });
    expect(reused.status).toBe(400);

    const search = await as('mia').get('/users?search=nor');
    expect(search.body.map((u: { username: string }) => u.username)).toEqual(['nora']);
    expect((await as('tess').get('/users')).status).toBe(403);
    expect((await as('tess').get('/users/nora')).status).toBe(403);
    expect((await as('tess').get('/users/tess')).status).toBe(200);

    const changed = await as('adam').patch('/users/nora', { role: 'Manager', is_active: false });
    expect(changed.status, changed.text).toBe(200);
    expect(changed.body).toMatchObject({ role: 'Manager', is_active: false });
    expect((await t.login('nora', 'a new long password')).status).toBe(401);
    expect((await as('adam').patch('/users/ghost', { is_active: false })).status).toBe(404);
  });

  it('manages projects with the roles the reference lists', async () => {
    const forbidden = await as('tess').post('/projects/create', { name: 'Nope' });
    expect(forbidden.status).toBe(403);
    const missing = await as('mia').post('/projects/create', { description: 'no name' });
    expect(missing.status).toBe(422);
    expect(missing.body.detail).toContain('body.name');

    const created = await as('mia').post('/projects/create', {
      name: 'Checkout',
      description: 'Web checkout',
    });
    expect(created.status, created.text).toBe(201);
    const id = created.body.project_id as number;
    expect(created.body).toMatchObject({ name: 'Checkout', description: 'Web checkout' });

    // A Tester sees only the projects they belong to.
    expect((await as('tess').get('/projects')).body).toEqual([]);
    expect((await as('tess').get(`/projects/${id}`)).status).toBe(404);
    const added = await as('mia').post(`/projects/${id}/add-user`, {
      user_id: 'tess',
      role: 'edit',
    });
    expect(added.status, added.text).toBe(200);
    expect(added.body.members).toEqual([
      { user_id: 'tess', role: 'edit', since: expect.any(String) },
    ]);
    expect((await as('tess').get('/projects')).body.map((p: { name: string }) => p.name)).toEqual([
      'Checkout',
    ]);
    expect((await as('tess').get('/users/me')).body.projects).toEqual([
      { project_id: id, name: 'Checkout', role: 'edit' },
    ]);
    expect((await as('mia').post(`/projects/${id}/add-user`, { user_id: 42 })).status).toBe(404);

    const linked = await as('mia').post(`/projects/${id}/add-schema`, { schema_id: 15 });
    expect(linked.status, linked.text).toBe(200);
    const details = await as('tess').get(`/projects/${id}`);
    expect(details.body.schemas).toEqual([{ schema_id: '15' }]);

    const renamed = await as('mia').put(`/projects/${id}`, { name: 'Checkout v2', tags: ['web'] });
    expect(renamed.body).toMatchObject({ name: 'Checkout v2', tags: ['web'] });
    expect((await as('tess').put(`/projects/${id}`, { name: 'x' })).status).toBe(403);

    // Only an Admin deletes: a Tester gets 403 (the reference's own example), a Manager too.
    expect((await as('tess').delete(`/projects/${id}`)).status).toBe(403);
    expect((await as('mia').delete(`/projects/${id}`)).status).toBe(403);
    expect((await as('adam').delete(`/projects/${id}`)).status).toBe(200);
    const gone = await as('adam').get(`/projects/${id}`);
    expect(gone.status).toBe(404);
    expect(gone.body).toEqual({ detail: 'Project not found' });
    expect((await as('adam').post(`/projects/${id}/add-schema`, { schema_id: 1 })).status).toBe(
      404,
    );
  });

  it('lists, counts, marks read and deletes notifications of the caller only', async () => {
    const project = await as('mia').post('/projects/create', { name: 'Alerts' });
    await as('mia').post(`/projects/${project.body.project_id}/add-user`, { user_id: 'tess' });
    const count = await as('tess').get('/notifications/unread-count');
    expect(count.body.count).toBeGreaterThan(0);
    const list = await as('tess').get('/notifications?unread_only=true');
    expect(list.status, list.text).toBe(200);
    const latest = list.body[0];
    expect(latest).toMatchObject({
      type: 'project.member.added',
      project_id: project.body.project_id,
      is_read: false,
    });
    expect((await as('mia').delete(`/notifications/${latest.id}`)).status).toBe(404);
    expect((await as('tess').post(`/notifications/${latest.id}/read`)).status).toBe(200);
    expect((await as('tess').get('/notifications/unread-count')).body.count).toBe(
      count.body.count - 1,
    );
    await as('tess').post('/notifications/mark-read');
    expect((await as('tess').get('/notifications/unread-count')).body.count).toBe(0);
    expect((await as('tess').delete(`/notifications/${latest.id}`)).status).toBe(200);
    expect((await as('tess').delete(`/notifications/${latest.id}`)).status).toBe(404);
  });

  it("changes the caller's own settings and password", async () => {
    const updated = await as('mia').put('/settings', { full_name: 'Mia M', theme: 'dark' });
    expect(updated.status, updated.text).toBe(200);
    expect(updated.body).toMatchObject({ full_name: 'Mia M', theme: 'dark' });
    await as('mia').post('/settings/notifications', { email: false });
    expect((await as('mia').get('/settings')).body).toMatchObject({
      theme: 'dark',
      notifications: { email: false },
    });
    const wrong = await as('mia').post('/settings/change_password', {
      current_password: 'nope',
      new_password: 'brand new password',
    });
    expect(wrong.status).toBe(400);
    expect(
      (
        await as('mia').post('/settings/change_password', {
          current_password: 'correct horse battery',
          new_password: 'brand new password',
        })
      ).status,
    ).toBe(200);
    expect((await t.login('mia', 'brand new password')).status).toBe(200);
    expect((await as('mia').put('/settings', { theme: { dark: true } })).status).toBe(422);
  });

  it('deletes an account only with its password', async () => {
    await t.userWithPassword('leaver', 'tester');
    tokens.leaver = await t.tokenOf('leaver');
    expect((await as('leaver').post('/settings/delete', { password: 'wrong' })).status).toBe(400);
    const deleted = await as('leaver').post('/settings/delete', {
      password: 'correct horse battery',
    });
    expect(deleted.status, deleted.text).toBe(200);
    expect((await as('leaver').get('/users/me')).status).toBe(401);
    expect((await as('adam').get('/users/leaver')).status).toBe(404);
  });

  it('shows audit logs to Admins only, filtered as the reference lists', async () => {
    expect((await as('mia').get('/audit/logs')).status).toBe(403);
    const all = await as('adam').get('/audit/logs?limit=500');
    expect(all.status, all.text).toBe(200);
    expect(all.body.map((e: { action: string }) => e.action)).toContain('session.login');
    const created = await as('adam').get('/audit/logs?action=project.created');
    expect(created.body.length).toBeGreaterThan(0);
    expect(created.body.every((e: { action: string }) => e.action === 'project.created')).toBe(
      true,
    );
    expect(created.body[0]).toMatchObject({ actor_id: 'mia', ip_address: '127.0.0.1' });
    const byRole = await as('adam').get('/audit/logs?role=Manager&limit=500');
    expect(byRole.body.length).toBeGreaterThan(0);
    // nora became a Manager in the users test.
    const actors = new Set(byRole.body.map((e: { actor_id: string }) => e.actor_id));
    expect([...actors].sort()).toEqual(['mia', 'nora']);
    const paged = await as('adam').get('/audit/logs?role=Manager&limit=1&offset=1');
    expect(paged.body).toEqual([byRole.body[1]]);
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    expect((await as('adam').get(`/audit/logs?start_date=${tomorrow}`)).body).toEqual([]);
    expect((await as('adam').get('/audit/logs?start_date=yesterday')).status).toBe(422);
  });

  it('shows the current tenant to anyone, other tenants to a SuperUser only', async () => {
    const mine = await as('tess').get('/tenants');
    expect(mine.body).toMatchObject({ tenant_id: 'default' });
    expect((await as('adam').get('/tenants/default')).status).toBe(403);
    expect((await as('sue').get('/tenants/default')).status).toBe(200);
    expect((await as('sue').get('/tenants/nowhere')).status).toBe(404);
    const changed = await as('sue').put('/tenants/default', {
      name: 'Acme QA',
      settings: { retention_days: 30 },
    });
    expect(changed.status, changed.text).toBe(200);
    expect((await as('tess').get('/tenants')).body).toMatchObject({
      name: 'Acme QA',
      settings: { retention_days: 30 },
    });
    expect((await as('adam').put('/tenants/default', { name: 'x' })).status).toBe(403);
  });

  it('configures webhook integrations with the reference events, and tests them', async () => {
    const providers = await as('adam').get('/integrations/providers');
    expect(providers.body.map((p: { id: string }) => p.id)).toEqual(['webhook', 's3']);
    expect((await as('mia').get('/integrations')).status).toBe(403);
    const bad = await as('adam').post('/integrations', {
      provider: 'webhook',
      config: { url: 'http://127.0.0.1:9/hook', events: ['dataset.exploded'] },
    });
    expect(bad.status).toBe(422);
    const created = await as('adam').post('/integrations', {
      provider: 'webhook',
      name: 'CI hook',
      config: { url: 'http://127.0.0.1:9/hook', events: ['dataset.completed', 'project.created'] },
    });
    expect(created.status, created.text).toBe(201);
    expect(created.body).toMatchObject({
      provider: 'webhook',
      name: 'CI hook',
      is_active: true,
      secret: expect.any(String),
    });
    const id = created.body.integration_id as string;
    const updated = await as('adam').put(`/integrations/${id}`, { is_active: false });
    expect(updated.body.is_active).toBe(false);
    expect((await as('adam').get('/integrations')).body).toHaveLength(1);
    expect((await as('adam').post(`/integrations/${id}/test`)).status).toBe(202);
    expect((await as('adam').delete(`/integrations/${id}`)).status).toBe(200);
    expect((await as('adam').delete(`/integrations/${id}`)).status).toBe(404);
  });
});
