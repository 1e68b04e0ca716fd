import { openMemoryStore, type Store } from '@allot/core';
import { hashPassword } from '@allot/use-cases';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildApp, type AllotApp } from '../../build-app.js';
import { createWorkspaceWithAdminKey } from '../../bootstrap-workspace.js';
import { REFERENCE_EXAMPLES, type ReferenceExample } from '../../testing/tdo-reference-examples.js';
import { NOT_ADMIN_MESSAGE } from './tdo-auth.js';

/** The ids the reference's bodies carry, and what each stands for in the replay. */
const REFERENCE_IDS = {
  hasApp: '645e0000390613152b16ecbb',
  set10: '6744c4ee59c7b96171b5a827',
  set11: '6745f4c559c7b96171b5a82a',
  complexRule: '674dd0fb59c7b96171b5a8fa',
} as const;

const ACCOUNTS = [
  'id,account_type,has_app,has_online,customer_type,balance',
  'A1,Checking,0,1,Retail,120.50',
  'A2,Savings,1,1,Retail,3000',
  'A3,Current,0,0,Corporate,25000',
  'A4,Checking,0,1,Corporate,80',
].join('\n');

// Bodies are read as JSON.parse gives them: the assertions say what they hold.
type Reply = { status: number; body: ReturnType<typeof JSON.parse> };

/**
 * Replays, in order, every example request of the reference's sections on
 * determining attributes, coverage sets and business rules against a real
 * server on a port, with the bodies as printed (trailing commas included)
 * and only the reference's ids replaced by the ones this server gave, then
 * checks the effects the reference describes.
 */
describe('the TDO facade replaying the reference', () => {
  let store: Store;
  let app: AllotApp;
  let url: string;
  let adminKey: string;
  const ids = new Map<string, string>();

  beforeAll(async () => {
    store = await openMemoryStore();
    ({ adminKey } = await createWorkspaceWithAdminKey(store, { id: 'default' }));
    const users: Array<[string, 'tester' | 'admin', string]> = [
      ['mj_test', 'tester', 'xxxx'],
      ['mbj_test', 'tester', 'xxxx'],
      ['other_test', 'tester', 'other-pass'],
      ['tdo_admin', 'admin', 'admin-pass'],
    ];
    for (const [id, role, password] of users) {
      await store.putUser({
        id,
        workspace: 'default',
        name: id,
        email: `${id}@example.test`,
        role,
        createdAt: new Date().toISOString(),
        active: true,
        password: await hashPassword(password),
      });
    }
    app = await buildApp({ store, logLevel: 'silent', rateLimit: false });
    url = await app.listen({ port: 0, host: '127.0.0.1' });
    const headers = { authorization: `Bearer ${adminKey}` };
    const project = await fetch(`${url}/api/v1/projects`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'imp_payments_demo', version: '1.0' }),
    });
    expect(project.status).toBe(201);
    const block = await fetch(`${url}/api/v1/blocks/imp_accounts?keyColumn=id`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'text/csv' },
      body: ACCOUNTS,
    });
    expect(block.status).toBeLessThan(300);
  });
  afterAll(() => app.close());

  async function send(method: string, path: string, body: string): Promise<Reply> {
    const response = await fetch(`${url}/core/1.0/API/${path}`, {
      method,
      headers: { 'content-type': 'application/json' },
      body,
    });
    const text = await response.text();
    return { status: response.status, body: text === '' ? null : JSON.parse(text) };
  }

  /** A reference example as printed, its ids replaced, the `:id` of its path filled in. */
  function replay(
    index: number,
    options: { id?: string; as?: [string, string]; expect?: number } = {},
  ): Promise<Reply> {
    const example: ReferenceExample = REFERENCE_EXAMPLES[index]!;
    let body = example.body;
    for (const [key, referenceId] of Object.entries(REFERENCE_IDS)) {
      const ours = ids.get(key);
      if (ours !== undefined) body = body.replaceAll(referenceId, ours);
    }
    if (options.as !== undefined) {
      body = body
        .replace(/"user": "[^"]*"/, `"user": "${options.as[0]}"`)
        .replace(/"password": "[^"]*"/, `"password": "${options.as[1]}"`);
    }
    const path = example.path.replace(':id', options.id ?? ':id');
    return send(example.method, path, body).then((reply) => {
      expect(reply.status, `${example.title}: ${JSON.stringify(reply.body)}`).toBe(
        options.expect ?? 200,
      );
      return reply;
    });
  }

  /** A request the reference's flow needs but does not print (prerequisites). */
  function setup(method: string, path: string, entity: unknown, coverage?: object) {
    const context = {
      user: 'mbj_test',
      password: 'xxxx',
      project: { name: 'imp_payments_demo', version: '1.0' },
      ...(coverage === undefined ? {} : { coverage }),
    };
    return send(method, path, JSON.stringify({ context, entity })).then((reply) => {
      expect(reply.status, JSON.stringify(reply.body)).toBe(200);
      return reply.body;
    });
  }

  const value = (name: string, values: string[], column?: string) => ({
    name,
    type: 'VALUE',
    values,
    ...(column === undefined
      ? {}
      : { source: { name: 'imp_accounts', version: '1.0', attribute: column } }),
  });

  test('has the 22 example requests of the three sections, in order', () => {
    expect(REFERENCE_EXAMPLES).toHaveLength(22);
    expect(REFERENCE_EXAMPLES.every((e) => e.body.includes('"context"'))).toBe(true);
  });

  test('determining attributes: create, update into 1.1 and 1.2 under one id, get all, details, admin-only delete', async () => {
    const hasApp = await setup(
      'POST',
      'determiningAttribute',
      value('has_app', ['0', '1'], 'has_app'),
    );
    ids.set('hasApp', hasApp.id);
    await setup('POST', 'determiningAttribute', value('has_online', ['0', '1'], 'has_online'));
    await setup(
      'POST',
      'determiningAttribute',
      value('customer_type', ['Retail', 'Corporate'], 'customer_type'),
    );
    await setup('POST', 'determiningAttribute', {
      name: 'balance',
      type: 'RANGE',
      dataType: 'NUMBER',
      values: [
        { minValue: 0, maxValue: 1000 },
        { minValue: 1000.01, maxValue: 100000 },
      ],
      source: { name: 'imp_accounts', version: '1.0', attribute: 'balance' },
    });
    const doomed = await setup(
      'POST',
      'determiningAttribute',
      value('data_block_based', ['Checking', 'Savings'], 'account_type'),
    );

    const amount = await replay(0);
    expect(amount.body).toMatchObject({
      name: 'amount_1',
      type: 'RANGE',
      dataType: 'NUMBER',
      version: '1.0',
    });
    expect(amount.body.id).toMatch(/^[0-9a-f]{24}$/);
    expect(amount.body.values).toEqual([
      { minValue: 0.01, maxValue: 250 },
      { minValue: 250.01, maxValue: 2500 },
      { minValue: 2500.01, maxValue: 25000 },
    ]);
    expect((await replay(1)).body).toMatchObject({
      name: 'currency_a',
      dataType: 'STRING',
      values: ['USD', 'GBP', 'EUR'],
    });
    expect((await replay(2)).body).toMatchObject({
      name: 'acct_type',
      source: { name: 'imp_accounts', version: '1.0', attribute: 'account_type' },
    });

    const prioritised = await replay(3);
    expect(prioritised.body).toMatchObject({
      id: hasApp.id,
      version: '1.1',
      valuesPriority: { 0: 1, 1: 2 },
    });
    const grouped = await replay(4);
    // "since this update was performed on an attribute that already had priorities set, those are also shown"
    expect(grouped.body).toMatchObject({
      id: hasApp.id,
      version: '1.2',
      valuesPriority: { 0: 1, 1: 2 },
      criteria: { 0: 'customer_type', 1: 'customer_type' },
    });

    const all = await replay(5);
    expect(all.body.map((a: { name: string }) => a.name).sort()).toEqual([
      'acct_type',
      'amount_1',
      'balance',
      'currency_a',
      'customer_type',
      'data_block_based',
      'has_app',
      'has_online',
    ]);
    expect((await replay(6, { id: hasApp.id })).body).toMatchObject({
      name: 'has_app',
      version: '1.2',
    });

    // "only users with administrative credentials can delete objects"
    const refused = await replay(7, { id: doomed.id, expect: 403 });
    expect(refused.body.message).toBe(NOT_ADMIN_MESSAGE);
    expect((await replay(7, { id: doomed.id, as: ['tdo_admin', 'admin-pass'] })).body).toBe(true);
    expect((await replay(5)).body.map((a: { name: string }) => a.name)).not.toContain(
      'data_block_based',
    );
  });

  test('coverage sets: create, lock before update, 1.0 → 1.1 → 1.2 with new ids, get all, lock held by another user, unlock, admin-only delete', async () => {
    const created = await replay(8);
    expect(created.body).toMatchObject({
      name: 'api_demo_coverage',
      version: '1.0',
      lockedBy: '',
      lockTimeout: -1,
    });
    expect(created.body.determiningAttributes.map((a: { name: string }) => a.name)).toEqual([
      'acct_type',
      'has_app',
      'has_online',
      'balance',
    ]);
    ids.set('set10', created.body.id);

    // "Before you update a coverage set, you need to lock it."
    const unlocked = await replay(9, { expect: 409 });
    expect(unlocked.body.code).toBe('LOCK_REQUIRED');
    const locked = await replay(13, { id: created.body.id });
    expect(locked.body).toMatchObject({ locked: true, lockedBy: 'mbj_test', lockTimeout: 0 });

    const v11 = await replay(9);
    expect(v11.body).toMatchObject({
      name: 'api_demo_coverage',
      version: '1.1',
      lockedBy: 'mbj_test',
    });
    expect(v11.body.id).not.toBe(created.body.id);
    expect(v11.body.determiningAttributes).toHaveLength(6);
    ids.set('set11', v11.body.id);
    const v12 = await replay(10);
    expect(v12.body).toMatchObject({ version: '1.2' });
    expect(v12.body.determiningAttributes.map((a: { name: string }) => a.name)).not.toContain(
      'balance',
    );
    expect(new Set([created.body.id, v11.body.id, v12.body.id]).size).toBe(3);

    // "All three versions of the coverage set remain in TDO and can be selected and used."
    const all = await replay(11);
    expect(all.body.map((s: { version: string }) => s.version)).toEqual(['1.0', '1.1', '1.2']);
    expect(all.body[0].determiningAttributes[1]).toMatchObject({
      name: 'has_app',
      version: '1.0',
      id: ids.get('hasApp'),
    });
    const details = await replay(12, { id: created.body.id });
    expect(details.body).toMatchObject({ id: created.body.id, version: '1.0' });
    expect(details.body.determiningAttributes).toHaveLength(4);

    // "If you try to place a lock, and the coverage set is already locked by a different user…"
    const taken = await replay(13, {
      id: created.body.id,
      as: ['other_test', 'other-pass'],
      expect: 423,
    });
    expect(taken.body.message).toMatch(/locked by mbj_test/);
    const released = await replay(14, { id: created.body.id });
    expect(released.body).toMatchObject({
      locked: false,
      lockedBy: '',
      lockDateTime: null,
      lockTimeout: -1,
    });

    // The printed delete body's password is not mbj_test's; mbj_test is no Admin; tdo_admin is.
    expect((await replay(15, { id: created.body.id, expect: 401 })).body.code).toBe('UNAUTHORIZED');
    const refused = await replay(15, {
      id: created.body.id,
      as: ['mbj_test', 'xxxx'],
      expect: 403,
    });
    expect(refused.body.message).toBe(NOT_ADMIN_MESSAGE);
    expect((await replay(15, { id: created.body.id, as: ['tdo_admin', 'admin-pass'] })).body).toBe(
      true,
    );
    expect((await replay(11)).body.map((s: { version: string }) => s.version)).toEqual([
      '1.1',
      '1.2',
    ]);
  });

  test('business rules: create under the lock, update, details, get all, admin-only delete, and the events and coverage they make', async () => {
    // The simple example's set: api_testing_coverage 1.1 with an attribute "account".
    await setup(
      'POST',
      'determiningAttribute',
      value('account', ['Checking', 'Savings', 'Current']),
    );
    const testing = await setup('POST', 'coverageSet', {
      name: 'api_testing_coverage',
      determiningAttributes: [
        { name: 'account', version: '1.0' },
        { name: 'currency_a', version: '1.0' },
      ],
    });
    await send(
      'PATCH',
      `coverageSet/lock/${testing.id}`,
      JSON.stringify({
        context: {
          user: 'mbj_test',
          password: 'xxxx',
          project: { name: 'imp_payments_demo', version: '1.0' },
        },
      }),
    );
    await setup('PATCH', 'coverageSet', {
      id: testing.id,
      determiningAttributes: testing.determiningAttributes.map(
        (a: { name: string; version: string }) => ({ name: a.name, version: a.version }),
      ),
    });

    const simple = await replay(16);
    expect(simple.body).toMatchObject({
      coverage: { name: 'api_testing_coverage', version: '1.1' },
      conditions: { account: { values: ['Current'] } },
    });
    expect(simple.body.id).toMatch(/^[0-9a-f]{24}$/);
    // Someone without the lock is refused, naming who holds it.
    const notHolder = await replay(17, { as: ['other_test', 'other-pass'], expect: 423 });
    expect(notHolder.body.message).toMatch(/locked by mbj_test/);
    const complex = await replay(17);
    expect(Object.keys(complex.body.conditions)).toEqual([
      'has_app',
      'acct_type',
      'has_online',
      'currency_a',
      'customer_type',
    ]);
    ids.set('complexRule', complex.body.id);

    const updated = await replay(18);
    expect(updated.body).toMatchObject({
      id: complex.body.id,
      version: '1.1',
      conditions: { has_online: { values: ['1', '0'] }, currency_a: { values: ['USD', 'GBP'] } },
    });
    const details = await replay(19, { id: complex.body.id });
    expect(details.body).toMatchObject({
      id: complex.body.id,
      createdBy: 'mbj_test',
      updatedBy: 'mbj_test',
    });

    // "This coverage set now contains three rules"
    const inV12 = { name: 'api_demo_coverage', version: '1.2' };
    await setup(
      'POST',
      'businessRule',
      { conditions: { acct_type: { values: ['Current'] }, has_app: { values: ['1'] } } },
      inV12,
    );
    const third = await setup(
      'POST',
      'businessRule',
      { conditions: { customer_type: { values: ['Corporate'] }, has_app: { values: ['1'] } } },
      inV12,
    );
    expect((await replay(20)).body.map((r: { id: string }) => r.id)).toEqual([
      complex.body.id,
      expect.any(String),
      third.id,
    ]);

    const refused = await replay(21, { id: third.id, expect: 403 });
    expect(refused.body.message).toBe(NOT_ADMIN_MESSAGE);
    // An Admin must hold the lock too: he may break mbj_test's, then take it.
    const admin: [string, string] = ['tdo_admin', 'admin-pass'];
    expect((await replay(21, { id: third.id, as: admin, expect: 423 })).body.code).toBe(
      'CATALOGUE_LOCKED',
    );
    const v12 = (await replay(11)).body.find((s: { version: string }) => s.version === '1.2');
    await replay(14, { id: v12.id, as: admin });
    await replay(13, { id: v12.id, as: admin });
    expect((await replay(21, { id: third.id, as: admin })).body).toBe(true);
    expect((await replay(20)).body).toHaveLength(2);

    // Calculate coverage (the facade's own route) honours the rules left.
    const coverage = await send(
      'POST',
      'calculateCoverage',
      JSON.stringify({
        context: {
          user: 'mbj_test',
          password: 'xxxx',
          project: { name: 'imp_payments_demo', version: '1.0' },
          coverage: inV12,
        },
        entity: { strength: 2, seed: 3 },
      }),
    );
    expect(coverage.status, JSON.stringify(coverage.body)).toBe(200);
    expect(coverage.body.columns).toEqual([
      'acct_type',
      'has_app',
      'has_online',
      'currency_a',
      'customer_type',
    ]);
    expect(coverage.body.report).toMatchObject({ strength: 2, seed: 3 });
    expect(coverage.body.report.tuplesCovered).toBe(coverage.body.report.tuplesRequired);
    for (const [acct, app, online, currency, customer] of coverage.body.rows) {
      const complexRule =
        app === '0' &&
        ['Checking', 'Savings'].includes(acct) &&
        ['1', '0'].includes(online) &&
        ['USD', 'GBP'].includes(currency) &&
        customer === 'Retail';
      expect(complexRule || (acct === 'Current' && app === '1'), JSON.stringify([acct, app])).toBe(
        false,
      );
    }

    const kinds = (
      await store.listEvents({ workspace: 'default', page: { limit: 100, offset: 0 } })
    )
      .filter((e) => e.kind.startsWith('rule.') || e.kind === 'coverage.calculated')
      .reverse();
    expect(kinds.map((e) => e.kind)).toEqual([
      'rule.created',
      'rule.created',
      'rule.updated',
      'rule.created',
      'rule.created',
      'rule.deleted',
      'coverage.calculated',
    ]);
    expect(kinds[5]).toMatchObject({
      actor: 'user:tdo_admin',
      ip: '127.0.0.1',
      details: { coverageSet: { name: 'api_demo_coverage', version: '1.2' } },
    });
  });

  test('bad input answers 400 naming the field and writes nothing', async () => {
    const context = {
      user: 'mbj_test',
      password: 'xxxx',
      project: { name: 'imp_payments_demo', version: '1.0' },
    };
    const before = (await send('POST', 'determiningAttributes', JSON.stringify({ context }))).body
      .length;
    const cases: Array<[string, string, object, string]> = [
      [
        'POST',
        'determiningAttribute',
        { context: { user: 'mbj_test', password: 'xxxx' }, entity: value('x', ['a', 'b']) },
        'body.context.project',
      ],
      [
        'POST',
        'determiningAttribute',
        { context, entity: { type: 'VALUE', values: ['a', 'b'] } },
        'entity.name',
      ],
      [
        'POST',
        'determiningAttribute',
        { context, entity: value('one_value', ['a']) },
        'entity.values',
      ],
      [
        'POST',
        'determiningAttribute',
        {
          context,
          entity: {
            name: 'half_range',
            type: 'RANGE',
            values: [{ minValue: 1 }, { minValue: 2, maxValue: 3 }],
          },
        },
        'entity.values[0].maxValue',
      ],
      [
        'POST',
        'coverageSet',
        {
          context,
          entity: {
            name: 'no_suffix',
            determiningAttributes: [{ name: 'account', version: '1.0' }],
          },
        },
        'entity.name',
      ],
      ['PATCH', 'determiningAttribute', { context, entity: { values: ['a', 'b'] } }, 'entity.id'],
      [
        'POST',
        'businessRule',
        {
          // tdo_admin holds the set's lock since the rules' test.
          context: {
            ...context,
            user: 'tdo_admin',
            password: 'admin-pass',
            coverage: { name: 'api_demo_coverage', version: '1.2' },
          },
          entity: { conditions: { acct_type: { values: ['Gold'] } } },
        },
        'entity.conditions.acct_type.values[0]',
      ],
    ];
    for (const [method, path, body, field] of cases) {
      const reply = await send(method, path, JSON.stringify(body));
      expect(reply, `${path} ${field}`).toMatchObject({ status: 400, body: { field } });
    }
    expect(
      (await send('POST', 'determiningAttributes', JSON.stringify({ context }))).body,
    ).toHaveLength(before);
    const wrong = await send(
      'POST',
      'determiningAttributes',
      JSON.stringify({ context: { ...context, password: 'nope' } }),
    );
    expect(wrong.status).toBe(401);
    const basic = await fetch(`${url}/core/1.0/API/determiningAttributes`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Basic ${Buffer.from('mbj_test:xxxx').toString('base64')}`,
      },
      body: JSON.stringify({ context: { project: context.project } }),
    });
    expect(basic.status).toBe(200);
  });
});
