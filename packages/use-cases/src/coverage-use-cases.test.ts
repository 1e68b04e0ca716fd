import { openMemoryStore, type EventRecord, type Store } from '@allot/core';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Acting } from './acting.js';
import { calculateSetCoverage } from './calculate-set-coverage.js';
import { createBusinessRule } from './create-business-rule.js';
import { createCoverageSet } from './create-coverage-set.js';
import { createDeterminingAttribute } from './create-determining-attribute.js';
import { createProject } from './create-project.js';
import { deleteBusinessRule } from './delete-business-rule.js';
import { deleteCoverageSet } from './delete-coverage-set.js';
import { deleteDeterminingAttribute } from './delete-determining-attribute.js';
import { EventLog } from './event-log.js';
import { importBlockVersion } from './import-block-version.js';
import { listBusinessRules } from './list-business-rules.js';
import { listCoverageSets } from './list-coverage-sets.js';
import { listDeterminingAttributes } from './list-determining-attributes.js';
import { lockCoverageSet } from './lock-coverage-set.js';
import { readCoverageDataSet } from './read-coverage-data-set.js';
import { readCoverageSet } from './read-coverage-set.js';
import { readDeterminingAttribute } from './read-determining-attribute.js';
import { unlockCoverageSet } from './unlock-coverage-set.js';
import { updateBusinessRule } from './update-business-rule.js';
import { updateCoverageSet } from './update-coverage-set.js';
import { updateDeterminingAttribute } from './update-determining-attribute.js';

const NOW = new Date('2030-01-01T00:00:00Z');
const project = { name: 'payments', version: '1.0' };
const where = { workspace: 'w', project };

function as(user: string): Acting {
  return { workspace: 'w', actor: `user:${user}`, user, ip: '10.0.0.1', now: NOW };
}
const ann = as('ann');
const bob = as('bob');

/** Accounts: retail customers have the app or not, corporate ones never. */
const ACCOUNTS = [
  'id,account_type,has_app,customer_type,balance',
  'A1,Checking,0,Retail,10',
  'A2,Savings,1,Retail,300',
  'A3,Current,0,Corporate,5000',
  'A4,Checking,0,Corporate,20',
].join('\n');

describe('coverage use cases on the memory store', () => {
  let store: Store;
  let events: EventLog;
  let recorded: EventRecord[];

  beforeEach(async () => {
    store = await openMemoryStore();
    await store.createWorkspace({ id: 'w', name: 'w', createdAt: NOW.toISOString() });
    events = new EventLog(store);
    recorded = [];
    events.onEvent((event) => {
      recorded.push(event);
    });
    await createProject(store, events, project, ann);
    await importBlockVersion(store, {
      workspace: 'w',
      block: 'accounts',
      text: ACCOUNTS,
      source: 'accounts.csv',
      keyColumn: 'id',
    });
  });

  const attribute = (entity: Record<string, unknown>) =>
    createDeterminingAttribute(store, { ...where, attribute: entity }, ann);

  async function standardAttributes() {
    await attribute({
      name: 'acct_type',
      type: 'VALUE',
      values: ['Checking', 'Savings', 'Current'],
      source: { name: 'accounts', version: '1.0', attribute: 'account_type' },
    });
    await attribute({
      name: 'customer_type',
      type: 'VALUE',
      values: ['Retail', 'Corporate'],
      source: { name: 'accounts', version: '1.0', attribute: 'customer_type' },
    });
    return attribute({
      name: 'has_app',
      type: 'VALUE',
      values: ['0', '1'],
      source: { name: 'accounts', version: '1.0', attribute: 'has_app' },
    });
  }

  async function lockedSet() {
    await standardAttributes();
    const set = await createCoverageSet(
      store,
      {
        ...where,
        set: {
          name: 'demo_coverage',
          determiningAttributes: [
            { name: 'acct_type', version: '1.0' },
            { name: 'customer_type', version: '1.0' },
            { name: 'has_app', version: '1.0' },
          ],
        },
      },
      ann,
    );
    await lockCoverageSet(store, { ...where, id: set.id }, ann);
    return set;
  }

  it('versions a determining attribute under one id, and reads every version', async () => {
    const created = await standardAttributes();
    expect(created).toMatchObject({ name: 'has_app', version: '1.0', createdBy: 'ann' });
    const prioritised = await updateDeterminingAttribute(
      store,
      {
        ...where,
        id: created.id,
        changes: { values: ['0', '1'], valuesPriority: { 0: '1', 1: '2' } },
      },
      ann,
    );
    const grouped = await updateDeterminingAttribute(
      store,
      {
        ...where,
        id: created.id,
        changes: { criteria: { 0: 'customer_type', 1: 'customer_type' } },
      },
      bob,
    );
    expect([prioritised.version, grouped.version]).toEqual(['1.1', '1.2']);
    expect(grouped.id).toBe(created.id);
    // The second change kept the first one's priorities.
    expect(grouped.body).toMatchObject({
      valuesPriority: { 0: 1, 1: 2 },
      criteria: { 0: 'customer_type' },
    });
    const first = await readDeterminingAttribute(store, {
      ...where,
      attribute: { name: 'has_app', version: '1.0' },
    });
    expect(first.body.valuesPriority).toBeUndefined();
    expect((await listDeterminingAttributes(store, where)).map((a) => a.name)).toEqual([
      'acct_type',
      'customer_type',
      'has_app',
    ]);
    expect(await listDeterminingAttributes(store, { ...where, allVersions: true })).toHaveLength(5);
    await deleteDeterminingAttribute(store, { ...where, id: created.id }, ann);
    await expect(
      readDeterminingAttribute(store, { ...where, attribute: { id: created.id } }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('refuses bad attributes naming the field, and writes nothing', async () => {
    await standardAttributes();
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ name: 'one', type: 'VALUE', values: ['x'] }, 'entity.values'],
      [
        { name: 'r', type: 'RANGE', values: [{ minValue: 1 }, { minValue: 3, maxValue: 4 }] },
        'entity.values[0].maxValue',
      ],
      [{ name: 'acct_type', type: 'VALUE', values: ['a', 'b'] }, 'entity.name'],
      [
        {
          name: 's',
          type: 'VALUE',
          values: ['a', 'b'],
          source: { name: 'nope', version: '1.0', attribute: 'x' },
        },
        'entity.source.name',
      ],
      [
        {
          name: 's',
          type: 'VALUE',
          values: ['a', 'b'],
          source: { name: 'accounts', version: '1.0', attribute: 'x' },
        },
        'entity.source.attribute',
      ],
    ];
    for (const [entity, field] of cases) {
      await expect(
        createDeterminingAttribute(store, { ...where, attribute: entity, path: 'entity' }, ann),
        field,
      ).rejects.toMatchObject({ details: expect.objectContaining({ field }) });
    }
    expect(await listDeterminingAttributes(store, { ...where, allVersions: true })).toHaveLength(3);
  });

  it('updates a coverage set into new versions with new ids, only under the caller’s lock', async () => {
    const v10 = await lockedSet();
    const refs = [
      { name: 'acct_type', version: '1.0' },
      { name: 'has_app', version: '1.0' },
    ];
    await expect(
      updateCoverageSet(store, { ...where, id: v10.id, determiningAttributes: refs }, bob),
    ).rejects.toMatchObject({ code: 'CATALOGUE_LOCKED', details: { holder: 'ann' } });
    await expect(lockCoverageSet(store, { ...where, id: v10.id }, bob)).rejects.toThrow(
      /locked by ann/,
    );
    const { set: v11 } = await updateCoverageSet(
      store,
      { ...where, id: v10.id, determiningAttributes: refs },
      ann,
    );
    expect(v11).toMatchObject({ name: 'demo_coverage', version: '1.1', lock: { holder: 'ann' } });
    expect(v11.id).not.toBe(v10.id);
    expect(
      (await readCoverageSet(store, { ...where, coverageSet: { id: v10.id } })).body
        .determiningAttributes,
    ).toHaveLength(3);
    expect(await listCoverageSets(store, where)).toHaveLength(2);
    expect(await listCoverageSets(store, { ...where, latestOnly: true })).toHaveLength(1);

    // bob may not unlock ann's lock; forced (an admin) he may, and then he must lock before changing.
    await expect(unlockCoverageSet(store, { ...where, id: v11.id }, bob)).rejects.toMatchObject({
      code: 'CATALOGUE_LOCKED',
    });
    expect(
      (await unlockCoverageSet(store, { ...where, id: v11.id, force: true }, bob)).lock,
    ).toBeNull();
    await expect(
      updateCoverageSet(store, { ...where, id: v11.id, determiningAttributes: refs }, bob),
    ).rejects.toMatchObject({ code: 'LOCK_REQUIRED' });
    await expect(
      updateCoverageSet(
        store,
        { ...where, id: v10.id, determiningAttributes: [{ name: 'acct_type', version: '9.9' }] },
        ann,
      ),
    ).rejects.toMatchObject({
      details: expect.objectContaining({ field: 'determiningAttributes[0].version' }),
    });
    expect(await listCoverageSets(store, where)).toHaveLength(2);

    await deleteCoverageSet(store, { ...where, id: v10.id, force: true }, bob);
    expect((await listCoverageSets(store, where)).map((s) => s.version)).toEqual(['1.1']);
  });

  it('keeps rules under the set lock, records their events, and applies them when calculating', async () => {
    const set = await lockedSet();
    const inSet = { ...where, coverageSet: { name: 'demo_coverage', version: '1.0' } };
    await expect(
      createBusinessRule(
        store,
        events,
        { ...inSet, rule: { conditions: { acct_type: { values: ['Current'] } } } },
        bob,
      ),
    ).rejects.toMatchObject({ code: 'CATALOGUE_LOCKED' });
    await expect(
      createBusinessRule(
        store,
        events,
        { ...inSet, rule: { conditions: { acct_type: { values: ['Gold'] } } }, path: 'entity' },
        ann,
      ),
    ).rejects.toMatchObject({
      details: expect.objectContaining({ field: 'entity.conditions.acct_type.values[0]' }),
    });
    const rule = await createBusinessRule(
      store,
      events,
      { ...inSet, rule: { conditions: { acct_type: { values: ['Current'] } } } },
      ann,
    );
    const updated = await updateBusinessRule(
      store,
      events,
      {
        ...inSet,
        id: rule.id,
        rule: { conditions: { acct_type: { values: ['Current'] }, has_app: { values: ['1'] } } },
      },
      ann,
    );
    expect(updated).toMatchObject({ id: rule.id, version: '1.1' });
    const second = await createBusinessRule(
      store,
      events,
      { ...inSet, rule: { conditions: { acct_type: { values: ['Savings'] } } } },
      { ...ann, now: new Date(NOW.getTime() + 1000) },
    );
    expect((await listBusinessRules(store, inSet)).map((r) => r.id)).toEqual([rule.id, second.id]);
    await deleteBusinessRule(store, events, { ...inSet, id: second.id }, ann);
    expect(recorded.filter((e) => e.kind.startsWith('rule.')).map((e) => e.kind)).toEqual([
      'rule.created',
      'rule.updated',
      'rule.created',
      'rule.deleted',
    ]);
    expect(recorded.at(-1)).toMatchObject({
      actor: 'user:ann',
      ip: '10.0.0.1',
      details: { coverageSet: { id: set.id, name: 'demo_coverage', version: '1.0' } },
    });

    const result = await calculateSetCoverage(store, events, { ...inSet, strength: 'all' }, ann);
    // 3 × 2 × 2 = 12 combinations minus the rule's two (Current with the app, either customer type).
    expect(result.body.report).toMatchObject({ rows: 10, tuplesRequired: 10, tuplesCovered: 10 });
    expect(
      result.body.combinations.some((c) => c['acct_type'] === 'Current' && c['has_app'] === '1'),
    ).toBe(false);
    const data = await readCoverageDataSet(store, {
      workspace: 'w',
      project,
      coverageSet: 'demo_coverage',
      version: '1.0',
    });
    expect(data.columns).toEqual(['acct_type', 'customer_type', 'has_app']);
    expect(data.rows).toHaveLength(10);
    expect(data.rows[0]).toEqual(['Checking', 'Retail', '0']);
    expect(recorded.at(-1)).toMatchObject({ kind: 'coverage.calculated', details: { rows: 10 } });
  });

  it('carries the rules that still fit into the next version of a set, and leaves the others', async () => {
    const set = await lockedSet();
    const inSet = { ...where, coverageSet: { id: set.id } };
    const add = (conditions: object) =>
      createBusinessRule(store, events, { ...inSet, rule: { conditions } }, ann);
    await add({ acct_type: { values: ['Current'] }, customer_type: { values: ['Corporate'] } });
    await add({ acct_type: { values: ['Savings'] }, has_app: { values: ['1'] } });
    const { set: next, rulesKept } = await updateCoverageSet(
      store,
      {
        ...where,
        id: set.id,
        determiningAttributes: [
          { name: 'acct_type', version: '1.0' },
          { name: 'customer_type', version: '1.0' },
        ],
      },
      ann,
    );
    expect(rulesKept).toBe(1);
    const kept = await listBusinessRules(store, { ...where, coverageSet: { id: next.id } });
    expect(kept.map((rule) => rule.body)).toEqual([
      {
        coverageSet: { id: next.id, name: 'demo_coverage', version: '1.1' },
        conditions: {
          acct_type: { values: ['Current'] },
          customer_type: { values: ['Corporate'] },
        },
      },
    ]);
    expect(await listBusinessRules(store, inSet)).toHaveLength(2);
  });

  it('calculates pairwise within group-by and reads the latest calculation of a set version', async () => {
    const hasApp = await standardAttributes();
    await updateDeterminingAttribute(
      store,
      { ...where, id: hasApp.id, changes: { criteria: { 1: 'customer_type' } } },
      ann,
    );
    await createCoverageSet(
      store,
      {
        ...where,
        set: {
          name: 'grouped_coverage',
          determiningAttributes: [
            { name: 'customer_type', version: '1.0' },
            { name: 'has_app', version: '1.1' },
          ],
        },
      },
      ann,
    );
    const inSet = { ...where, coverageSet: { name: 'grouped_coverage', version: '1.0' } };
    await expect(
      readCoverageDataSet(store, { ...where, coverageSet: 'grouped_coverage', version: '1.0' }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await calculateSetCoverage(store, events, { ...inSet, strength: 2, seed: 7 }, ann);
    const second = await calculateSetCoverage(
      store,
      events,
      { ...inSet, strength: 2, seed: 7 },
      ann,
    );
    expect(second.version).toBe('1.1');
    const data = await readCoverageDataSet(store, {
      ...where,
      coverageSet: 'grouped_coverage',
      version: '1.0',
    });
    expect(data.calculation).toBe('1.1');
    // Corporate customers never have the app in the accounts block.
    expect(data.rows).toEqual(expect.not.arrayContaining([['Corporate', '1']]));
    expect(data.rows).toHaveLength(3);
    await expect(
      calculateSetCoverage(store, events, { ...inSet, strength: 9 }, ann),
    ).rejects.toMatchObject({ details: expect.objectContaining({ field: 'strength' }) });
  });
});
