import { openMemoryStore, runAssembly, type Store } from '@allot/core';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Acting } from './acting.js';
import { calculateSetCoverage } from './calculate-set-coverage.js';
import { coveragePrimaryDataSet } from './coverage-primary-data-set.js';
import { createCoverageSet } from './create-coverage-set.js';
import { createDeterminingAttribute } from './create-determining-attribute.js';
import { createProject } from './create-project.js';
import { createWorkset } from './create-workset.js';
import { EventLog } from './event-log.js';
import { importBlockVersion } from './import-block-version.js';
import { lockCoverageSet } from './lock-coverage-set.js';
import { putAssemblyPart } from './put-assembly-part.js';

const NOW = new Date('2030-01-01T00:00:00Z');
const where = { workspace: 'w', project: { name: 'payments', version: '1.0' } };
const ann: Acting = { workspace: 'w', actor: 'user:ann', user: 'ann', ip: null, now: NOW };

describe('a workset whose primary data set is a calculated coverage set', () => {
  let store: Store;

  beforeEach(async () => {
    store = await openMemoryStore();
    await store.createWorkspace({ id: 'w', name: 'w', createdAt: NOW.toISOString() });
    const events = new EventLog(store);
    await createProject(store, events, where.project, ann);
    await importBlockVersion(store, {
      workspace: 'w',
      block: 'accounts',
      text: 'id,account_type,customer_type\nA1,Checking,Retail\nA2,Savings,Retail\nA3,Current,Corporate\nA4,Checking,Corporate\n',
      source: 'accounts.csv',
      keyColumn: 'id',
    });
    for (const [name, values, column] of [
      ['acct_type', ['Checking', 'Savings', 'Current'], 'account_type'],
      ['customer_type', ['Retail', 'Corporate'], 'customer_type'],
    ] as const)
      await createDeterminingAttribute(
        store,
        {
          ...where,
          attribute: {
            name,
            type: 'VALUE',
            values: [...values],
            source: { name: 'accounts', version: '1.0', attribute: column },
          },
        },
        ann,
      );
    const set = await createCoverageSet(
      store,
      {
        ...where,
        set: {
          name: 'pay_coverage',
          determiningAttributes: [
            { name: 'acct_type', version: '1.0' },
            { name: 'customer_type', version: '1.0' },
          ],
        },
      },
      ann,
    );
    await lockCoverageSet(store, { ...where, id: set.id }, ann);
    await calculateSetCoverage(
      store,
      events,
      { ...where, coverageSet: { id: set.id }, strength: 'all' },
      ann,
    );
  });

  it('assembles one record per combination, the account of each drawn to match it', async () => {
    const project = (await store.findProject('w', 'payments', '1.0'))!;
    const part = (kind: 'data-view' | 'scenario', name: string, body: unknown) =>
      putAssemblyPart(store, project, { kind, name, body, actor: 'ann', now: NOW });
    await part('data-view', 'cov_view', {});
    await part('data-view', 'acct_view', {
      columns: ['id'],
      match: { account_type: 'acct_type', customer_type: 'customer_type' },
    });
    await part('scenario', 'pay', { steps: [{ name: 'pay' }] });
    const workset = await createWorkset(
      store,
      project,
      {
        name: 'pay_workset',
        scenario: { name: 'pay', version: '1.0' },
        primary: {
          view: { name: 'cov_view', version: '1.0' },
          dataSet: { name: 'pay_coverage', version: '1.0.0' },
        },
        dataViews: [
          {
            view: { name: 'acct_view', version: '1.0' },
            dataSet: { name: 'accounts', version: '1.0.0' },
          },
        ],
      },
      { user: 'ann', role: 'tester' },
      NOW,
    );
    const outcome = await runAssembly(store, {
      workspace: 'w',
      project: String(project.id),
      workset,
      assemblyId: 'cov',
      clock: () => NOW,
      primaryDataSet: coveragePrimaryDataSet(store, project),
    });
    // 3 account types × 2 customer types; Savings/Corporate and Current/Retail have no account.
    expect(outcome).toMatchObject({ rowsGenerated: 6, rowsWithErrors: 2 });
    const block = (await store.getBlock('w', 'pay_workset'))!;
    const byCombination = new Map(block.rows.map((row) => [`${row[3]}/${row[4]}`, row[5]]));
    expect(byCombination.get('Checking/Retail')).toBe('A1');
    expect(byCombination.get('Savings/Retail')).toBe('A2');
    expect(byCombination.get('Current/Corporate')).toBe('A3');
    expect(byCombination.get('Checking/Corporate')).toBe('A4');
    expect(byCombination.get('Savings/Corporate')).toBeNull();
  });
});
